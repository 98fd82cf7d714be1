import { CancellationToken } from './cancellation';
import { FileNote, FileNoteSink } from './fileNote';
import { TraceRole } from './trace/model';
import { TextScan } from './trace/scanCodeFile';
import { traceMarkers } from './trace/traceMarkers';

/**
 * All I/O the core does goes through this interface: the language server and the CLI back it
 * with the file system, tests with memory. Paths are absolute and use `/` on every platform.
 */
export interface Workspace {
  /** The folders being analysed (several in a multi-root VS Code workspace). */
  readonly roots: readonly string[];
  /**
   * Every file below the roots that is not ignored (.gitignore, VCS folders, node_modules).
   * Entries the host will not list (a symlink leading outside the roots, a symlink loop, a folder
   * it cannot open) are reported to `onNote`, one note each. A host may also hand the files to
   * `onSlice` while it lists, in slices that follow each other in the listing's order and are each
   * a prefix of what is left; the engine then starts on them before the listing is done. The
   * returned listing is the whole of it all the same, slices given or not.
   */
  listFiles(token: CancellationToken, onNote?: FileNoteSink, onSlice?: (paths: readonly string[]) => void): Promise<readonly string[]>;
  /**
   * The file's text without a byte order mark, or undefined when it does not exist or cannot be
   * read as text. A file the host declines (too large, binary, unreadable) returns undefined and
   * reports one note to `onNote`; a file it reads only in a degraded way (not UTF-8) returns the
   * text and reports one note. A file that does not exist gets no note.
   */
  readFile(path: string, token: CancellationToken, onNote?: FileNoteSink): Promise<string | undefined>;
  /**
   * The file's size in bytes, or undefined when it does not exist. Optional: when present, code
   * files over the scan limit are skipped without being read.
   */
  stat?(path: string, token: CancellationToken): Promise<{ readonly size: number } | undefined>;
  /**
   * Optional: whether `path` is a folder now. A file watcher may report a new folder and none of
   * the files written into it right after (inotify watches a new folder only once it has seen it;
   * parcel-bundler/watcher#243), so the language server lists a folder it is told of.
   */
  isFolder?(path: string, token: CancellationToken): Promise<boolean>;
  /**
   * Optional: reads a batch of code files for the trace scan, each in one pass (one open, size
   * check and read), in whatever order and concurrency suits the host, and answers one read per
   * path, in the batch's order. A file with a role over the batch's `maxBytes` is not read and
   * gets a `too-large` note; a file with a role whose raw bytes hold none of its role's markers
   * (trace/traceMarkers.ts) and that would decode as plain UTF-8 is not decoded at all and comes
   * back as `noTrace` (see traceMarkers.ts for why that is safe). Otherwise each result is what
   * `readFile` would give, with its note; a host may instead scan the text of a file with a role
   * itself, exactly as `scanCodeText` does, and answer what that came to as `scanned` without the
   * text (see CodeRead). Without this method the engine uses `stat` and `readFile`. `total` is
   * how many code files the engine reads in all, of which this batch is one part.
   */
  readCodeFiles?(batch: CodeReadBatch, token: CancellationToken, total?: number): Promise<readonly CodeRead[]>;
  /**
   * Optional: whether `readCodeFiles` of `total` files in all reads off the engine's thread. The
   * engine then asks for them all as soon as the files are listed and parses specs while they
   * are read, instead of reading them after the specs.
   */
  readsCodeInBackground?(total: number): boolean;
  /**
   * Optional: the engine has applied every code read it asked for in an index run. A host that
   * read them on another thread may stop it now rather than once it has been idle a while: the
   * engine goes on to its rules, which leave an idle timer no turn of the event loop.
   */
  codeReadsDone?(): void;
}

/**
 * Code files the engine wants read, as parallel lists: a batch of a few hundred paths crosses to
 * a host (and on to its reading thread) without an object per file, which at 100,000 code files
 * was tens of milliseconds of the engine's thread spent building objects only to repackage them.
 */
export interface CodeReadBatch {
  readonly paths: readonly string[];
  /**
   * Each path's role in the trace, which decides the markers its bytes are searched for and how
   * it is scanned; undefined for a file read whole whatever its size and always decoded (the pin
   * store). The engine gives a role only to a file it scans for tags (CodeFiles.traceRole).
   */
  readonly roles: readonly (TraceRole | undefined)[];
  /** Files with a role over this many bytes are not read (the host's own limit applies too); the scan's size limit too. */
  readonly maxBytes: number;
  /** Whether a host that scans gives each scanned file's content hash (the engine records them in its warm cache). */
  readonly hashes: boolean;
}

/**
 * File `i` of a batch as one request: a file with a role is read up to the batch's size limit and
 * looked for its role's markers; the pin store (no role) is read whatever its size and always decoded.
 */
export function codeReadRequest(batch: CodeReadBatch, i: number): CodeReadRequest {
  const path = batch.paths[i]!;
  const role = batch.roles[i];
  return role === undefined ? { path, maxBytes: Number.POSITIVE_INFINITY, markers: [] } : { path, maxBytes: batch.maxBytes, markers: traceMarkers(role) };
}

/** One code file as the host's readers take it (see readCodeFiles.ts): its path, size limit and markers. */
export interface CodeReadRequest {
  readonly path: string;
  /** Larger files are not read (the host's own limit applies too). */
  readonly maxBytes: number;
  /** ASCII strings without which the file cannot matter; empty to always decode. */
  readonly markers: readonly string[];
}

/**
 * What the host found: the text (undefined when missing or declined) and its note, or that the
 * file exists and holds no marker, or (from a host that scanned the text itself) what the scan
 * came to, with the text left out.
 */
export interface CodeRead {
  readonly text: string | undefined;
  readonly note: FileNote | undefined;
  readonly noTrace?: true;
  readonly scanned?: ScannedCode;
}

/**
 * A code file's text scanned by the host with `scanCodeText` (on a thread of its own, so the
 * engine's thread neither scans the text nor receives it): what that gave, or what it threw.
 */
export type ScannedCode = (TextScan | { readonly fault: unknown }) & {
  /** The host's hash of the text, when the batch asked for hashes: the engine hands it to the warm cache with the outcome. */
  readonly hash?: string;
};
