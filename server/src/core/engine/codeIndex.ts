// @spec specthread-core#8.4, specthread-core#14.1, specthread-core#21.2
import { CancellationToken } from '../cancellation';
import { Log, internalError, isCancellation } from '../faults';
import { FileNoteStore } from '../fileNoteStore';
import { Finding } from '../findings';
import { CodeFiles } from '../trace/codeFiles';
import { traceMarkers } from '../trace/traceMarkers';
import { CodeRead, CodeReadRequest, Workspace } from '../workspace';
import { readNoted } from './options';

/**
 * Code and test files: their trace facts (see trace/codeFiles.ts), and the files whose scanner
 * threw, with the internal.error finding shown on them.
 */
export class CodeIndex {
  readonly files: CodeFiles;
  private readonly faultsByPath = new Map<string, Finding>();

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

  /** Reads and scans one code file, without reading it when the workspace says it is too large. */
  async load(path: string, token: CancellationToken): Promise<boolean> {
    const [read] = await this.read([path], token);
    return this.apply(path, read!, token);
  }

  /**
   * Reads code files, a batch at a time, for `apply`. The one place code files are read: a cache
   * of per-file facts can answer here before the workspace is asked.
   */
  async read(paths: readonly string[], token: CancellationToken): Promise<readonly CodeRead[]> {
    const requests = paths.map((path) => this.requestFor(path));
    if (this.workspace.readCodeFiles) return this.workspace.readCodeFiles(requests, token);
    const out: CodeRead[] = [];
    for (const { path, maxBytes } of requests) {
      const stat = this.workspace.stat ? await this.workspace.stat(path, token) : { size: 0 };
      if (!stat) out.push({ text: undefined, note: undefined });
      else if (stat.size > maxBytes) out.push({ text: undefined, note: { path, reason: 'too-large', detail: `it is over the limit of ${maxBytes} bytes` } });
      else out.push(await readNoted(this.workspace, path, token));
    }
    return out;
  }

  /** What to ask the workspace for: the pin store is read whatever its size and always decoded. */
  private requestFor(path: string): CodeReadRequest {
    const code = this.files;
    if (code.isPinStore(path)) return { path, maxBytes: Number.POSITIVE_INFINITY, markers: [] };
    return { path, maxBytes: code.settings.maxFileSize, markers: traceMarkers(code.roleOf(path)) };
  }

  /** Stores what `read` found for one file; returns true when its trace facts changed. */
  apply(path: string, read: CodeRead, token: CancellationToken): boolean {
    const code = this.files;
    const { text, note } = read;
    if (read.noTrace) {
      this.notes.setRead(path, undefined);
      const changed = code.setNoTags(path);
      return this.faultsByPath.delete(path) || changed;
    }
    // Binary and oversized code files are already reported as not scanned for tags; they exist all the same.
    if (note?.reason === 'binary' || note?.reason === 'too-large') {
      code.markKnown(path, true);
      return code.skip(path, note.reason);
    }
    this.notes.setRead(path, note);
    const changed = this.set(path, text, token);
    if (note) code.markKnown(path, true);
    return changed;
  }
}
