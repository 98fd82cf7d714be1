// @spec specthread-core#18.1
import * as fs from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../core/cancellation';
import { AgentView } from '../core/queries/agent/agentView';
import { OpenedWorkspace, openWorkspace } from '../cli/openWorkspace';
import { writeFileAtomic } from '../host/atomicWrite';
import { FileWatcher, WatchedBatch } from '../host/fileWatcher';
import { uriToPath } from '../host/paths';
import { FileChange } from '../core/queries/agent/textEdits';
import { hostAgentView } from '../host/agentView';
import { guardPath } from '../host/pathGuard';

/**
 * The MCP server's one workspace: the engine opened the way the CLI opens it, the root every
 * path is relative to, and the only way files are written (atomically, then re-read). Agents
 * edit files between calls, so the session watches the root and applies each batch of changes
 * before the next call reads the engine: changes and calls go through one queue, in order.
 */
export class McpSession {
  /** The changes applied so far; every call waits for it, so no answer predates a change already seen. */
  private queue: Promise<void> = Promise.resolve();
  private watcher: FileWatcher | undefined;

  private constructor(
    readonly opened: OpenedWorkspace,
    readonly root: string,
    readonly allowWrites: boolean,
  ) {}

  static async open(target: string, cwd: string, allowWrites: boolean): Promise<McpSession> {
    const opened = await openWorkspace([target], [], cwd, true);
    // "Once indexed" includes the findings and coverage: computed here, the first call of each tool is as fast as the rest.
    opened.engine.allFindings(NEVER_CANCELLED);
    opened.engine.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED);
    return new McpSession(opened, opened.roots[0] ?? path.resolve(cwd, target), allowWrites);
  }

  /** Starts watching the workspace; `specthread mcp` does, tests of the queries need not. */
  watch(): void {
    this.watcher ??= new FileWatcher(this.opened.roots, (batch) => this.enqueue(() => this.apply(batch)));
  }

  dispose(): void {
    this.watcher?.dispose();
  }

  /** Resolves when every change seen so far is in the engine. */
  settled(): Promise<void> {
    return this.queue;
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step).catch((err) => {
      process.stderr.write(`specthread mcp: applying file changes failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    });
    this.queue = next;
    return next;
  }

  /** One batch of file events into the engine: config files index again, deleted files are forgotten, the rest read again. */
  private async apply(batch: WatchedBatch): Promise<void> {
    const engine = this.engine;
    const gone = new Set<string>();
    for (const change of batch.changes) {
      const p = uriToPath(change.uri);
      if (!p) continue;
      if (engine.isConfigFile(p)) await engine.reloadConfig(NEVER_CANCELLED);
      else if (change.deleted) gone.add(p);
      else await engine.reload(p, NEVER_CANCELLED);
    }
    if (gone.size) engine.forget((p) => [...gone].some((g) => p === g || p.startsWith(g + '/')), NEVER_CANCELLED);
    // Lost events (a burst, a watcher error): what exists is the truth; index again.
    if (batch.relist?.length) {
      engine.forget((p) => batch.relist!.some((d) => p.startsWith(d + '/')) && !fs.existsSync(p), NEVER_CANCELLED);
      await engine.indexWorkspace(NEVER_CANCELLED);
    }
  }

  get engine() {
    return this.opened.engine;
  }

  /** The thread as it is now; built again by the engine only after a change. */
  view(): AgentView {
    const engine = this.engine;
    return hostAgentView(engine.traceAnalysis(NEVER_CANCELLED), [this.root], (p) => engine.textOf(p));
  }

  /** A path the agent gave, made absolute after the guard (outside the workspace: a PathError). */
  resolve(input: string): string {
    return guardPath(this.root, input);
  }

  /** Writes each change atomically and makes the engine read the files again, in the queue's order. */
  write(changes: readonly FileChange[]): Promise<void> {
    return this.enqueue(async () => {
      for (const c of changes) {
        // Paths come from the engine, which only holds files under the root; checked again all the same.
        guardPath(this.root, path.relative(this.root, c.path));
        await writeFileAtomic(c.path, c.after);
      }
      for (const c of changes) await this.engine.reload(c.path, NEVER_CANCELLED);
    });
  }
}
