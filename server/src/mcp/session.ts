// @spec specthread-core#18.1
import * as fs from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../core/cancellation';
import { AgentView } from '../core/queries/agent/agentView';
import { OpenedWorkspace, openWorkspace } from '../cli/openWorkspace';
import { writeFileAtomic } from '../host/atomicWrite';
import { FileChange } from '../core/queries/agent/textEdits';
import { guardPath } from './pathGuard';

/**
 * The MCP server's one workspace: the engine opened the way the CLI opens it, the root every
 * path is relative to, and the only way files are written (atomically, then re-read).
 */
export class McpSession {
  private constructor(
    readonly opened: OpenedWorkspace,
    readonly root: string,
    readonly allowWrites: boolean,
  ) {}

  static async open(target: string, cwd: string, allowWrites: boolean): Promise<McpSession> {
    const opened = await openWorkspace([target], [], cwd, true);
    return new McpSession(opened, opened.roots[0] ?? path.resolve(cwd, target), allowWrites);
  }

  get engine() {
    return this.opened.engine;
  }

  /** The thread as it is now; built again by the engine only after a change. */
  view(): AgentView {
    const engine = this.engine;
    return {
      analysis: engine.traceAnalysis(NEVER_CANCELLED),
      // Spec files as the engine analysed them; code and tests (rename edits them) from disk.
      textOf: (p) => engine.textOf(p) ?? this.readInside(p),
      show: (p) => (p === this.root ? '.' : p.startsWith(this.root + '/') ? p.slice(this.root.length + 1) : p),
    };
  }

  private readInside(p: string): string | undefined {
    try {
      return fs.readFileSync(guardPath(this.root, path.relative(this.root, p)), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** A path the agent gave, made absolute after the guard (outside the workspace: a PathError). */
  resolve(input: string): string {
    return guardPath(this.root, input);
  }

  /** Writes each change atomically and makes the engine read the files again. */
  async write(changes: readonly FileChange[]): Promise<void> {
    for (const c of changes) {
      // Paths come from the engine, which only holds files under the root; checked again all the same.
      guardPath(this.root, path.relative(this.root, c.path));
      await writeFileAtomic(c.path, c.after);
    }
    for (const c of changes) await this.engine.reload(c.path, NEVER_CANCELLED);
  }
}
