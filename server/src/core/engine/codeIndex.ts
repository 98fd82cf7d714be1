// @spec specthread-core#8.4, specthread-core#14.1, specthread-core#21.3
import { CancellationToken } from '../cancellation';
import { Log, internalError, isCancellation } from '../faults';
import { FileNoteStore } from '../fileNoteStore';
import { Finding } from '../findings';
import { CodeFiles } from '../trace/codeFiles';
import { Workspace } from '../workspace';
import { BoundFactCache, CodeOutcome } from './factCache';
import { readNoted } from './options';

/**
 * Code and test files: their trace facts (see trace/codeFiles.ts), and the files whose scanner
 * threw, with the internal.error finding shown on them.
 */
export class CodeIndex {
  readonly files: CodeFiles;
  private readonly faultsByPath = new Map<string, Finding>();
  /** The warm cache, while an index run that was given one lasts (see factCache.ts). */
  factCache: BoundFactCache | undefined;

  constructor(
    private readonly workspace: Workspace,
    private readonly notes: FileNoteStore,
    private readonly log: Log | undefined,
  ) {
    this.files = new CodeFiles(() => this.workspace.roots);
  }

  faults(): IterableIterator<Finding> {
    return this.faultsByPath.values();
  }

  clear(): void {
    this.files.clear();
    this.faultsByPath.clear();
  }

  /**
   * Rescans one code file. A scanner that throws costs that file its new tags (the old ones
   * stay until a scan succeeds) and shows an internal.error on it; indexing goes on.
   */
  set(path: string, text: string | undefined, token: CancellationToken): boolean {
    try {
      const changed = this.files.set(path, text, token);
      return this.faultsByPath.delete(path) || changed;
    } catch (err) {
      if (isCancellation(err, token)) throw err;
      this.faultsByPath.set(path, internalError('the code scanner', path, err, this.log));
      return true;
    }
  }

  /**
   * Reads and scans one code file, or takes what it came to from the warm cache when the file is
   * unchanged since (then it is neither read nor scanned).
   */
  async load(path: string, token: CancellationToken): Promise<boolean> {
    const cache = this.files.isPinStore(path) ? undefined : this.factCache;
    const cached = await cache?.code(path, token);
    if (cached) return this.restore(path, cached);
    const { changed, text, outcome } = await this.scan(path, token);
    if (cache && outcome && !this.faultsByPath.has(path)) cache.putCode(path, outcome, text);
    return changed;
  }

  /** What a cached outcome says, applied as a scan would have applied it. */
  private restore(path: string, outcome: CodeOutcome): boolean {
    this.faultsByPath.delete(path);
    this.files.markKnown(path, true);
    if (outcome.skipped) return this.files.skip(path, outcome.skipped);
    this.notes.setRead(path, outcome.note);
    return this.files.adopt(path, outcome.facts);
  }

  /** Reads and scans one code file, without reading it when the workspace says it is too large. */
  private async scan(path: string, token: CancellationToken): Promise<{ changed: boolean; text?: string; outcome?: CodeOutcome }> {
    const code = this.files;
    const stat = this.workspace.stat ? await this.workspace.stat(path, token) : { size: 0 };
    if (!stat) return { changed: code.set(path, undefined, token) };
    if (stat.size > code.settings.maxFileSize && !code.isPinStore(path)) return { changed: code.skip(path, 'too-large'), outcome: { skipped: 'too-large' } };
    const { text, note } = await readNoted(this.workspace, path, token);
    // Binary and oversized code files are already reported as not scanned for tags; they exist all the same.
    if (note?.reason === 'binary' || note?.reason === 'too-large') {
      code.markKnown(path, true);
      return { changed: code.skip(path, note.reason), outcome: { skipped: note.reason } };
    }
    this.notes.setRead(path, note);
    const changed = this.set(path, text, token);
    if (note) code.markKnown(path, true);
    const skipped = code.skippedFiles().get(path);
    if (text === undefined) return { changed };
    return { changed, text, outcome: skipped ? { skipped } : { facts: code.get(path), ...(note ? { note } : {}) } };
  }
}
