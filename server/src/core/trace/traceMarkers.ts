// @spec specthread-core#21.2
import { TraceRole } from './model';

/**
 * What a code file's raw bytes must contain for `scanCodeFile` to find anything in it, so the host
 * can leave every other file undecoded. `scanCodeFile` returns no tag unless the text holds
 * `@spec`, or, in a test file, a `#` (the one character every ref in a test title has). Both are
 * ASCII, and every encoding the host decodes besides UTF-16 (UTF-8, damaged UTF-8, Windows-1252)
 * turns exactly the ASCII bytes of a file, in order and adjacent, into those characters; so a
 * marker absent from the bytes is absent from the text. The host decodes UTF-16 files anyway.
 * A property test (test/core/traceMarkers.test.ts) holds this against the scanner.
 */
export function traceMarkers(role: TraceRole): readonly string[] {
  return role === 'test' ? TEST_MARKERS : SOURCE_MARKERS;
}

/** One array per role, shared: a read of 100,000 files asks for them once per file. */
const SOURCE_MARKERS: readonly string[] = Object.freeze(['@spec']);
const TEST_MARKERS: readonly string[] = Object.freeze(['@spec', '#']);

/**
 * How far into the bytes a NUL still matters: `CodeFiles.set` calls a text binary when its first
 * 8,000 characters hold a NUL, and 8,000 characters take at most 4 bytes each, after a 3-byte
 * byte order mark. A file with a NUL there is scanned the old way so it is reported as binary.
 */
const NUL_REACH = 4 * 8000 + 3;

/**
 * Could a file with these bytes yield a trace tag or change what is known about it? False only
 * when no marker occurs and no NUL sits where the scanner would call the text binary; such a file
 * is known to exist and holds no tag.
 */
export function bytesNeedScan(bytes: Uint8Array, markers: readonly string[]): boolean {
  if (bytes.subarray(0, NUL_REACH).indexOf(0) >= 0) return true;
  return markers.some((m) => indexOfAscii(bytes, m) >= 0);
}

/** `bytesNeedScan` for a host that holds texts, not bytes (the memory workspace). */
export function textNeedsScan(text: string, markers: readonly string[]): boolean {
  return text.slice(0, 8000).includes('\u0000') || markers.some((m) => text.includes(m));
}

/** The first offset of ASCII `needle` in `bytes`, or -1; searches with the built-in indexOf of its first byte. */
export function indexOfAscii(bytes: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  const n = needle.length;
  for (let at = bytes.indexOf(first); at >= 0 && at + n <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    let k = 1;
    while (k < n && bytes[at + k] === needle.charCodeAt(k)) k++;
    if (k === n) return at;
  }
  return -1;
}
