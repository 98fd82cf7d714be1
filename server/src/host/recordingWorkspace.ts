// @spec specthread-core#21.3
import { CancellationToken } from '../core/cancellation';
import { FileNote, FileNoteSink } from '../core/fileNote';
import { CodeRead, CodeReadBatch, Workspace } from '../core/workspace';

/** One listing of the roots: the files and the notes the walk gave, in the order it gave them. */
export interface Listing {
  readonly files: readonly string[];
  readonly notes: readonly FileNote[];
}

/**
 * A workspace that remembers what a run asked of the file system: the listing, and every path it
 * read or looked up (whether or not the file existed). The result cache (resultCacheFile.ts)
 * stores a report under exactly these inputs, so a later run can tell whether anything the report
 * depends on moved. The first listing is kept and handed out again, so the cache's own look at
 * the listing and the engine's indexing walk the roots once between them.
 */
export class RecordingWorkspace implements Workspace {
  private listing: Promise<Listing> | undefined;
  private handedOut = false;
  /** Each path read or looked up, and whether a file was there. */
  private readonly read = new Map<string, boolean>();
  /** True once the roots were walked a second time: what was recorded may then not be what the run saw. */
  relisted = false;
  /** False after `stop`: a long-lived reader (the language server's) records only its start-up. */
  private recording = true;

  constructor(private readonly inner: Workspace & Required<Pick<Workspace, 'stat' | 'readCodeFiles'>>) {}

  get roots(): readonly string[] {
    return this.inner.roots;
  }

  /** The paths read or looked up so far, listed or not, each with whether a file was found there. */
  get readPaths(): ReadonlyMap<string, boolean> {
    return this.read;
  }

  private found(path: string, found: boolean): void {
    if (this.recording) this.read.set(path, found || this.read.get(path) === true);
  }

  /** Stops recording and forgets what was recorded and listed; later calls pass straight through. */
  stop(): void {
    this.recording = false;
    this.read.clear();
    this.handedOut = true;
    this.listing = undefined;
  }

  /** The listing this run sees (walked on the first call only). */
  list(token: CancellationToken): Promise<Listing> {
    return (this.listing ??= this.walk(token));
  }

  private async walk(token: CancellationToken): Promise<Listing> {
    const notes: FileNote[] = [];
    const files = await this.inner.listFiles(token, (note) => notes.push(note));
    return { files, notes };
  }

  async listFiles(token: CancellationToken, onNote?: FileNoteSink): Promise<readonly string[]> {
    if (this.handedOut) {
      this.relisted = true;
      return this.inner.listFiles(token, onNote);
    }
    this.handedOut = true;
    const { files, notes } = await this.list(token);
    for (const note of notes) onNote?.(note);
    return files;
  }

  async readFile(path: string, token: CancellationToken, onNote?: FileNoteSink): Promise<string | undefined> {
    const text = await this.inner.readFile(path, token, onNote);
    this.found(path, text !== undefined);
    return text;
  }

  async stat(path: string, token: CancellationToken): Promise<{ readonly size: number } | undefined> {
    const stat = await this.inner.stat(path, token);
    this.found(path, stat !== undefined);
    return stat;
  }

  readsCodeInBackground(total: number): boolean {
    return this.inner.readsCodeInBackground?.(total) ?? false;
  }

  codeReadsDone(): void {
    this.inner.codeReadsDone?.();
  }

  async readCodeFiles(batch: CodeReadBatch, token: CancellationToken, total?: number): Promise<readonly CodeRead[]> {
    const reads = await this.inner.readCodeFiles(batch, token, total);
    // A file read and scanned by the host is there, though its text did not come back.
    batch.paths.forEach((path, i) => this.found(path, reads[i]?.text !== undefined || reads[i]?.noTrace === true || reads[i]?.scanned !== undefined));
    return reads;
  }
}
