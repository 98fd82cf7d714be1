// @spec specthread-core#14.4
import { isUtf8 } from 'buffer';

/**
 * Turns a file's bytes into text, or says why it is not text. Git's rule decides binary: a NUL
 * byte in the first 8,000 bytes (UTF-16 files have a byte order mark and are read as such).
 * Text that is not valid UTF-8 is either an older single-byte encoding, read as Windows-1252 (a
 * superset of Latin-1 that maps every byte to a character, so no byte is lost), or UTF-8 with a
 * few damaged sequences (a real corpus file has one), read as UTF-8 with U+FFFD in their place
 * rather than garbling every other character. Either way a note says so. A file that is mostly control characters is binary even without a NUL.
 */
export type Decoded =
  | { readonly kind: 'text'; readonly text: string }
  /** `how` completes "it is not valid UTF-8, so …". */
  | { readonly kind: 'fallback'; readonly text: string; readonly how: string }
  | { readonly kind: 'binary'; readonly why: string };

/** Git's window for the NUL test. */
const SNIFF_BYTES = 8000;

/** Above this share of control characters (outside tabs, line breaks, form feed and escape) the bytes are not prose. */
const MAX_CONTROL_SHARE = 0.1;

export function decodeText(bytes: Uint8Array): Decoded {
  const plain = plainUtf8(bytes);
  return plain !== undefined ? { kind: 'text', text: plain } : decodeCarefully(bytes);
}

/** decodeText without its native shortcut for plain UTF-8: every rule, byte by byte (exported so a test compares the two). */
export function decodeCarefully(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      kind: 'fallback',
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      how: 'it was read as UTF-16 (little-endian), as its byte order mark says',
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      kind: 'fallback',
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      how: 'it was read as UTF-16 (big-endian), as its byte order mark says',
    };
  // The UTF-8 byte order mark is dropped here, before anything else looks at the bytes.
  const body = withoutUtf8Bom(bytes);
  const why = binaryReason(body, bytes.length - body.length);
  if (why !== undefined) return { kind: 'binary', why };
  return utf8OrFallback(body);
}

/** The control characters `isControl` counts, but NUL: as a regular expression, so that a string is searched natively. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_CHARACTER = /[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]/;

/**
 * The text of bytes that are valid UTF-8 (after any UTF-8 byte order mark) holding no NUL and no
 * control character anywhere, or undefined for any other bytes, which the careful path below
 * decides. Such bytes are what decodeText would call text, with this very string: nothing in them
 * trips the binary test, and a fatal decode of valid UTF-8 is the plain one. Almost every file
 * is such text, and answering it with native scans (a NUL search, a UTF-8 validation, one
 * decode, one search of the string) instead of the byte loop of binaryReason and a TextDecoder
 * took a read of 560 cold spec files from about 29 to 17 ms of CPU.
 */
function plainUtf8(bytes: Uint8Array): string | undefined {
  const body = withoutUtf8Bom(bytes);
  if (body.indexOf(0) >= 0 || !isUtf8(body)) return undefined;
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return CONTROL_CHARACTER.test(text) ? undefined : text;
}

/** The bytes after a UTF-8 byte order mark, or all of them. */
export function withoutUtf8Bom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** True when the bytes start with a UTF-16 byte order mark (they are decoded as UTF-16, not searched as bytes). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Why `body` (after any byte order mark, `offset` bytes into the file) is not text, or undefined when it may be. */
export function binaryReason(body: Uint8Array, offset: number): string | undefined {
  const n = Math.min(body.length, SNIFF_BYTES);
  // One pass finds the first NUL and counts the control characters. It runs over every code file
  // (100,000 at the benchmark's L size), so it takes the bytes four at a time where they are
  // aligned: a word with no byte below 0x20 and none equal to 0x7f, the common case in text, is
  // passed with a few integer operations, and only the others are looked at byte by byte. A
  // byte-by-byte loop with a NUL search before it took about three times as long.
  let control = 0;
  let i = 0;
  const head = Math.min(n, (4 - (body.byteOffset & 3)) & 3);
  for (; i < head; i++) {
    const b = body[i]!;
    if (b === 0) return nulReason(i + offset);
    if (isControl(b)) control++;
  }
  const count = (n - i) >> 2;
  if (count > 0) {
    const words = new Uint32Array(body.buffer, body.byteOffset + i, count);
    for (let w = 0; w < count; w++) {
      const x = words[w]!;
      const y = x ^ 0x7f7f7f7f;
      // Bit tricks that are exact for "some byte of the word": below 0x20, or equal to 0x7f (y's byte is zero).
      if (((((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) === 0) continue;
      for (let k = i + 4 * w, end = k + 4; k < end; k++) {
        const b = body[k]!;
        if (b === 0) return nulReason(k + offset);
        if (isControl(b)) control++;
      }
    }
    i += 4 * count;
  }
  for (; i < n; i++) {
    const b = body[i]!;
    if (b === 0) return nulReason(i + offset);
    if (isControl(b)) control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_SHARE) return `${Math.round((100 * control) / n)}% of its first ${n} bytes are control characters, so it is not text`;
  return undefined;
}

function nulReason(at: number): string {
  return `it holds a NUL byte at offset ${at}, so it is not text`;
}

function utf8OrFallback(bytes: Uint8Array): Decoded {
  try {
    // `fatal` makes invalid sequences throw instead of turning silently into U+FFFD.
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let damaged = 0;
    let intact = 0;
    for (let i = 0; i < lenient.length; i++) {
      const c = lenient.charCodeAt(i);
      if (c === 0xfffd) damaged++;
      else if (c > 0x7f) intact++;
    }
    // Single-byte text has no valid multi-byte sequences to speak of; damaged UTF-8 has mostly valid ones.
    if (intact > damaged) {
      return {
        kind: 'fallback',
        text: lenient,
        how: `${damaged} damaged byte sequence${damaged === 1 ? ' was' : 's were'} replaced by U+FFFD (the rest is UTF-8)`,
      };
    }
    return { kind: 'fallback', text: decodeWindows1252(bytes), how: 'it was read as Windows-1252 (Latin-1) and some characters may show wrongly' };
  }
}

function isControl(b: number): boolean {
  // Tab, line feed, vertical tab, form feed, carriage return and escape occur in real text files.
  return (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f;
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, the euro sign).
 * Node's TextDecoder decodes the `windows-1252` label as plain Latin-1, so the table is here.
 * The five bytes Windows-1252 leaves undefined keep their Latin-1 control character.
 */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}
