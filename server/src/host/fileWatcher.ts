import { FSWatcher, watch } from 'fs';
import { pathToUri } from './paths';

/** The files the engine reads: Markdown, Kiro hooks and spec config, OpenSpec metadata, the repo config. */
const WATCHED = /(?:\.md|\.kiro\.hook|\/\.config\.kiro|\/\.openspec\.yaml|\/\.?specthread\.json)$/;

/**
 * Watches the workspace roots for Markdown changes when the editor cannot do it for us.
 * Events are batched for 50 ms because editors save through temporary files and renames.
 */
export class FileWatcher {
  private readonly watchers: FSWatcher[] = [];
  private pending = new Map<string, boolean>();
  private timer: NodeJS.Timeout | undefined;

  constructor(roots: readonly string[], private readonly onChanges: (changes: { uri: string; deleted: boolean }[]) => void) {
    for (const root of roots) {
      try {
        const w = watch(root, { recursive: true }, (_event, name) => name && this.queue(`${root}/${String(name).split('\\').join('/')}`));
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        // Recursive watching is unavailable on some file systems; diagnostics then follow
        // open documents only, which is still correct for what the user edits.
      }
    }
  }

  private queue(path: string): void {
    if (!WATCHED.test(path) || path.includes('/node_modules/') || path.includes('/.git/')) return;
    this.pending.set(path, true);
    this.timer ??= setTimeout(() => this.drain(), 50);
  }

  private drain(): void {
    this.timer = undefined;
    const paths = [...this.pending.keys()];
    this.pending = new Map();
    // Deletions are detected by the reload: a file that cannot be read is removed.
    this.onChanges(paths.map((p) => ({ uri: pathToUri(p), deleted: false })));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
  }
}
