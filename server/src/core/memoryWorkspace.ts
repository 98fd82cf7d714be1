import { CancellationToken } from './cancellation';
import { Workspace } from './workspace';

/** A workspace held in memory: used by tests and by callers that already have the texts. */
export class MemoryWorkspace implements Workspace {
  private readonly files: Map<string, string>;

  constructor(readonly roots: readonly string[], files: Record<string, string> | Map<string, string> = {}) {
    this.files = new Map(files instanceof Map ? files : Object.entries(files));
  }

  set(path: string, text: string): void {
    this.files.set(path, text);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  async listFiles(_token: CancellationToken): Promise<readonly string[]> {
    return [...this.files.keys()].filter((p) => this.roots.some((r) => p.startsWith(r.endsWith('/') ? r : r + '/')));
  }

  async stat(path: string, _token: CancellationToken): Promise<{ size: number } | undefined> {
    const text = this.files.get(path);
    return text === undefined ? undefined : { size: text.length };
  }

  async readFile(path: string, _token: CancellationToken): Promise<string | undefined> {
    return this.files.get(path);
  }
}
