// @spec specthread-core#14.4
/**
 * Why the host declined a file or read it only in a degraded way. Every such file gets exactly
 * one note, so that nothing is dropped without a word: the engine turns notes on spec files into
 * findings and the CLI prints all of them on stderr.
 */
export type FileNoteReason =
  /** Larger than the host reads at all. */
  | 'too-large'
  /** NUL bytes or mostly control characters: not text. */
  | 'binary'
  /** Not valid UTF-8: read with a fallback encoding, so characters may be wrong but none are lost. */
  | 'not-utf8'
  /** The file system refused the read (permissions, I/O error, a broken symlink). */
  | 'unreadable'
  /** A symlink whose target lies outside every workspace folder: never followed. */
  | 'symlink-outside'
  /** A symlinked folder that leads back into one of its own ancestors. */
  | 'symlink-loop'
  /** A second symlink to a folder that was already listed through another symlink. */
  | 'symlink-repeat';

export interface FileNote {
  /** The path as listed in the workspace (the link's own path for symlinks). */
  readonly path: string;
  readonly reason: FileNoteReason;
  /** A clause that says why, e.g. "it is 5,000,000 bytes (4.8 MiB), over the limit of …". */
  readonly detail: string;
}

/** Receives the notes of one listing or read; optional, so callers that do not care pass nothing. */
export type FileNoteSink = (note: FileNote) => void;

/** True when the host gave no text at all for the file (every reason except a fallback encoding). */
export function isDeclined(note: FileNote): boolean {
  return note.reason !== 'not-utf8';
}

/** The note as a sentence for a finding or a log line, naming the file's base name and why. */
export function describeFileNote(note: FileNote): string {
  const name = note.path.slice(note.path.lastIndexOf('/') + 1);
  return isDeclined(note) ? `SpecThread did not read ${name}: ${note.detail}.` : `SpecThread read ${name} with a fallback encoding: ${note.detail}.`;
}

/** Sizes in notes: exact bytes, so a file just over the limit does not read as equal to it, and MiB for scale. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  return bytes < 1024 * 1024 ? exact : `${exact} (${(bytes / (1024 * 1024)).toFixed(1)} MiB)`;
}
