import { promises as fs } from 'fs';
import ignore, { Ignore } from 'ignore';
import { CancellationToken, throwIfCancelled } from '../core/cancellation';
import { Workspace } from '../core/workspace';

/** Folders never worth walking: version control internals and installed dependencies. */
const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn', 'node_modules']);

/** Files larger than this are not read; spec files are far smaller. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

interface IgnoreScope {
  readonly dir: string;
  readonly rules: Ignore;
}

/**
 * The real file system behind the core's Workspace interface. Walks the roots honouring every
 * `.gitignore` on the way down (each file's patterns apply relative to its own folder, as git
 * does) and reads files as UTF-8.
 */
export class NodeWorkspace implements Workspace {
  constructor(private folders: readonly string[]) {}

  get roots(): readonly string[] {
    return this.folders;
  }

  /** The editor added or removed workspace folders; the engine re-indexes afterwards. */
  setRoots(roots: readonly string[]): void {
    this.folders = [...roots];
  }

  async listFiles(token: CancellationToken): Promise<readonly string[]> {
    const out: string[] = [];
    for (const root of this.roots) await this.walk(root, [], out, token);
    return out;
  }

  private async walk(dir: string, scopes: readonly IgnoreScope[], out: string[], token: CancellationToken): Promise<void> {
    throwIfCancelled(token);
    let entries: import('fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // Unreadable folders are skipped, as git would skip them.
    }
    let here = scopes;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      const text = await fs.readFile(`${dir}/.gitignore`, 'utf8').catch(() => '');
      here = [...scopes, { dir, rules: ignore().add(text) }];
    }
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = `${dir}/${entry.name}`;
      const isDir = entry.isDirectory();
      if (!isDir && !entry.isFile()) continue;
      if (isIgnored(here, full, isDir)) continue;
      if (isDir) await this.walk(full, here, out, token);
      else out.push(full);
    }
  }

  async stat(path: string, _token: CancellationToken): Promise<{ size: number } | undefined> {
    const stat = await fs.stat(path).catch(() => undefined);
    return stat?.isFile() ? { size: stat.size } : undefined;
  }

  async readFile(path: string, _token: CancellationToken): Promise<string | undefined> {
    try {
      const stat = await fs.stat(path);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }
}

function isIgnored(scopes: readonly IgnoreScope[], full: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const rel = full.slice(scope.dir.length + 1);
    if (rel && scope.rules.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}
