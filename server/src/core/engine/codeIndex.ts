// @spec specthread-core#8.4, specthread-core#14.1, specthread-core#21.2, specthread-core#21.3
import { CancellationToken } from '../cancellation';
import { Log, internalError, isCancellation } from '../faults';
import { FileNoteStore } from '../fileNoteStore';
import { Finding } from '../findings';
import { CodeFiles } from '../trace/codeFiles';
import { TraceRole } from '../trace/model';
import { CodeRead, CodeReadBatch, ScannedCode, Workspace, codeReadRequest } from '../workspace';
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
   * Rescans one code file, or takes what a host's scan of its text came to. A scanner that throws
   * costs that file its new tags (the old ones stay until a scan succeeds) and shows an
   * internal.error on it; indexing goes on.
   */
  set(path: string, text: string | undefined | ScannedCode, token: CancellationToken): boolean {
    try {
      const changed = typeof text === 'object' ? this.files.setScanned(path, text) : this.files.set(path, text, token);
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
    const [read] = await this.read([path], token);
    return this.apply(path, read!, token);
  }

  /**
   * Reads code files, a batch at a time, for `apply`. The one place code files are read: the warm
   * cache answers first for files unchanged since it recorded them, the workspace for the rest.
   * `total` is how many files the caller reads in all, in batches (see Workspace.readCodeFiles).
   * `roles`, when the caller knows them, is each path's `CodeFiles.roleOf` (undefined for the pin store).
   */
  async read(
    paths: readonly string[],
    token: CancellationToken,
    total = paths.length,
    roles?: readonly (TraceRole | undefined)[],
  ): Promise<readonly IndexedRead[]> {
    // Without a cache, no turn of the microtask queue per file (100,000 of them at L).
    if (!this.factCache) return this.readFromWorkspace(paths, token, total, roles);
    const out: IndexedRead[] = new Array<IndexedRead>(paths.length);
    const missed: number[] = [];
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const cached = this.files.isPinStore(path) ? undefined : await this.factCache?.code(path, token);
      if (cached) out[i] = { cached };
      else missed.push(i);
    }
    if (missed.length === 0) return out;
    const reads = await this.readFromWorkspace(
      missed.map((i) => paths[i]!),
      token,
      total,
      roles && missed.map((i) => roles[i]),
    );
    missed.forEach((i, j) => (out[i] = reads[j]!));
    return out;
  }

  private async readFromWorkspace(
    paths: readonly string[],
    token: CancellationToken,
    total: number,
    roles?: readonly (TraceRole | undefined)[],
  ): Promise<readonly CodeRead[]> {
    const batch: CodeReadBatch = {
      paths,
      roles: roles ?? paths.map((path) => (this.files.isPinStore(path) ? undefined : this.files.roleOf(path))),
      maxBytes: this.files.settings.maxFileSize,
      hashes: this.factCache !== undefined,
    };
    if (this.workspace.readCodeFiles) return this.workspace.readCodeFiles(batch, token, total);
    const out: CodeRead[] = [];
    for (let i = 0; i < paths.length; i++) {
      const { path, maxBytes } = codeReadRequest(batch, i);
      const stat = this.workspace.stat ? await this.workspace.stat(path, token) : { size: 0 };
      if (!stat) out.push({ text: undefined, note: undefined });
      else if (stat.size > maxBytes) out.push({ text: undefined, note: { path, reason: 'too-large', detail: `it is over the limit of ${maxBytes} bytes` } });
      else out.push(await readNoted(this.workspace, path, token));
    }
    return out;
  }

  /** Stores what `read` found for one file, and records it in the warm cache; returns true when its trace facts changed. */
  apply(path: string, read: IndexedRead, token: CancellationToken): boolean {
    if ('cached' in read) return this.restore(path, read.cached);
    const { changed, text, hash, outcome } = this.applyRead(path, read, token);
    const cache = this.files.isPinStore(path) ? undefined : this.factCache;
    if (cache && outcome && !this.faultsByPath.has(path)) cache.putCode(path, outcome, text, hash);
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

  private applyRead(path: string, read: CodeRead, token: CancellationToken): { changed: boolean; text?: string; hash?: string; outcome?: CodeOutcome } {
    const code = this.files;
    const { text, note, scanned } = read;
    if (read.noTrace) {
      // The bytes hold no marker: no tags, and no text to hash (a moved mtime then means a rescan).
      this.notes.setRead(path, undefined);
      const changed = code.setNoTags(path);
      return { changed: this.faultsByPath.delete(path) || changed, outcome: {} };
    }
    // Binary and oversized code files are already reported as not scanned for tags; they exist all the same.
    if (note?.reason === 'binary' || note?.reason === 'too-large') {
      code.markKnown(path, true);
      return { changed: code.skip(path, note.reason), outcome: { skipped: note.reason } };
    }
    this.notes.setRead(path, note);
    // A host that scanned the text answers what the scan came to, and the text stays with it.
    const changed = this.set(path, scanned ?? text, token);
    if (note) code.markKnown(path, true);
    const skipped = code.skippedFiles().get(path);
    if (text === undefined && !scanned) return { changed };
    const outcome: CodeOutcome = skipped ? { skipped } : { facts: code.get(path), ...(note ? { note } : {}) };
    return { changed, text, hash: scanned?.hash, outcome };
  }
}

/** A code file as `read` found it: read from the workspace, or what the warm cache recorded for it. */
export type IndexedRead = CodeRead | { readonly cached: CodeOutcome };
