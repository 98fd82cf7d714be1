// @spec specthread-core#14.4
import { promises as fs } from 'fs';
import { FileNote, FileNoteSink, formatBytes } from '../core/fileNote';
import { stripBom } from '../core/text/bom';
import { decodeText } from './decodeText';

/**
 * Reads one file as text for the workspace, reporting one note when it declines or degrades
 * the file: over `maxBytes`, binary, not UTF-8, or refused by the file system. A file that does
 * not exist (or is a folder) is simply absent and gets no note.
 */
export async function readTextFile(path: string, maxBytes: number, onNote?: FileNoteSink): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return undefined;
    if (stat.size > maxBytes) {
      onNote?.(tooLargeNote(path, stat.size, maxBytes));
      return undefined;
    }
    bytes = await fs.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Gone between listing and reading, or never there: nothing to say about it.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    onNote?.(unreadableNote(path, err));
    return undefined;
  }
  return textOf(path, bytes, onNote);
}

/** The bytes as text with the note `readTextFile` gives: undefined for binary, the fallback's text with a note when not UTF-8. */
export function textOf(path: string, bytes: Uint8Array, onNote?: FileNoteSink): string | undefined {
  const decoded = decodeText(bytes);
  switch (decoded.kind) {
    case 'text':
      return stripBom(decoded.text);
    case 'fallback':
      onNote?.({ path, reason: 'not-utf8', detail: `it is not valid UTF-8, so ${decoded.how}; save it as UTF-8 to fix this` });
      return stripBom(decoded.text);
    case 'binary':
      onNote?.({ path, reason: 'binary', detail: decoded.why });
      return undefined;
  }
}

/** The note for a file over the limit, the same whichever read declined it. */
export function tooLargeNote(path: string, size: number, maxBytes: number): FileNote {
  return { path, reason: 'too-large', detail: `it is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} for files SpecThread reads` };
}

/** The note for a read the file system refused. */
export function unreadableNote(path: string, err: unknown): FileNote {
  const code = (err as NodeJS.ErrnoException).code;
  return { path, reason: 'unreadable', detail: `the file system refused to read it (${code ?? (err instanceof Error ? err.message : String(err))})` };
}
