import { CancellationToken } from './cancellation';
import { FileNote, FileNoteReason, FileNoteSink, isDeclined } from './fileNote';
import { stripBom } from './text/bom';
import { textNeedsScan } from './trace/traceMarkers';
import { CodeRead, CodeReadBatch, Workspace, codeReadRequest } from './workspace';

/** Reasons the host reports while listing (the entry is not listed) rather than while reading. */
const LISTING_REASONS: ReadonlySet<FileNoteReason> = new Set(['symlink-outside', 'symlink-loop', 'symlink-repeat']);

/** A workspace held in memory: used by tests and by callers that already have the texts. */
export class MemoryWorkspace implements Workspace {
  private readonly files: Map<string, string>;
  /** Files that behave as the file system host would for a declined or degraded file. */
  private readonly notes = new Map<string, FileNote>();

  constructor(
    readonly roots: readonly string[],
    files: Record<string, string> | Map<string, string> = {},
  ) {
    this.files = new Map(files instanceof Map ? files : Object.entries(files));
  }

  set(path: string, text: string): void {
    this.files.set(path, text);
  }

  delete(path: string): void {
    this.files.delete(path);
    this.notes.delete(path);
  }

  /**
   * Simulates a file the host declines or degrades, for core tests: symlink reasons are reported
   * while listing and the path is not listed; `not-utf8` reads the text set with `set` plus the
   * note; every other reason lists the file and reads nothing but the note.
   */
  simulate(path: string, reason: FileNoteReason, detail: string): void {
    this.notes.set(path, { path, reason, detail });
  }

  private inRoots(p: string): boolean {
    return this.roots.some((r) => p.startsWith(r.endsWith('/') ? r : r + '/'));
  }

  async listFiles(_token: CancellationToken, onNote?: FileNoteSink): Promise<readonly string[]> {
    const listed = new Set([...this.files.keys()].filter((p) => this.inRoots(p)));
    for (const note of this.notes.values()) {
      if (!this.inRoots(note.path)) continue;
      if (LISTING_REASONS.has(note.reason)) {
        listed.delete(note.path);
        onNote?.(note);
      } else listed.add(note.path);
    }
    return [...listed];
  }

  async stat(path: string, _token: CancellationToken): Promise<{ size: number } | undefined> {
    const text = this.files.get(path);
    if (text === undefined) return this.notes.has(path) && !LISTING_REASONS.has(this.notes.get(path)!.reason) ? { size: 0 } : undefined;
    return { size: text.length };
  }

  async readFile(path: string, _token: CancellationToken, onNote?: FileNoteSink): Promise<string | undefined> {
    const note = this.notes.get(path);
    if (note) {
      onNote?.(note);
      if (isDeclined(note)) return undefined;
    }
    const text = this.files.get(path);
    return text === undefined ? undefined : stripBom(text);
  }

  /** The batch read of code files as a host does it, so core tests exercise the engine's fast path. */
  async readCodeFiles(batch: CodeReadBatch, token: CancellationToken): Promise<readonly CodeRead[]> {
    const out: CodeRead[] = [];
    for (let i = 0; i < batch.paths.length; i++) {
      const { path, maxBytes, markers } = codeReadRequest(batch, i);
      const size = (await this.stat(path, token))?.size;
      if (size !== undefined && size > maxBytes) {
        out.push({ text: undefined, note: { path, reason: 'too-large', detail: `it is ${size} characters, over the limit of ${maxBytes}` } });
        continue;
      }
      let note: FileNote | undefined;
      const text = await this.readFile(path, token, (n) => (note = n));
      const plain = text !== undefined && note === undefined && markers.length > 0;
      out.push(plain && !textNeedsScan(text, markers) ? { text: undefined, note: undefined, noTrace: true } : { text, note });
    }
    return out;
  }
}
