import { Position, Range } from '../text/range';
import { TextSource } from '../model';

/**
 * Requirement checks match words in readable text (`SHALL`, not `**SHALL**`) but must report
 * and rewrite the exact characters in the file. A PlainMap is that readable text together with
 * the offset in the raw Markdown of every readable character.
 */
export interface PlainMap {
  readonly text: string;
  /** offsets[i] is the raw offset of text[i]; offsets[text.length] is the raw end. */
  readonly offsets: readonly number[];
  /** Readable ranges `[from, to)` that were code spans: identifiers and values, not prose. */
  readonly code: readonly { readonly from: number; readonly to: number }[];
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!]/;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Mirrors how the parser's plain text is made: HTML comments, emphasis markers (`*`, `_` at a
 * word edge, so `Auth_Service` survives), code-span backticks and escapes are dropped, and runs
 * of white space (line breaks and continuation indentation included) become one space.
 */
export function toPlainMap(raw: string): PlainMap {
  let text = '';
  const offsets: number[] = [];
  let pendingSpace = -1;
  const code: { from: number; to: number }[] = [];
  let codeFrom = -1;
  const emit = (ch: string, at: number) => {
    if (pendingSpace >= 0 && text.length > 0) {
      text += ' ';
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    text += ch;
    offsets.push(at);
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '<' && raw.startsWith('<!--', i)) {
      const end = raw.indexOf('-->', i + 4);
      const stop = end < 0 ? raw.length : end + 3;
      if (pendingSpace < 0) pendingSpace = i;
      i = stop - 1;
      continue;
    }
    if (ch === '\\' && i + 1 < raw.length && ESCAPABLE.test(raw[i + 1])) {
      emit(raw[i + 1], i + 1);
      i++;
      continue;
    }
    if (ch === '`') {
      // A pending space is emitted before the span's first character, so the span starts after it.
      if (codeFrom < 0) codeFrom = text.length + (pendingSpace >= 0 && text.length > 0 ? 1 : 0);
      else {
        code.push({ from: codeFrom, to: text.length });
        codeFrom = -1;
      }
      continue;
    }
    if (ch === '*') continue;
    if (ch === '_' && !(WORD.test(raw[i - 1] ?? '') && WORD.test(raw[i + 1] ?? ''))) continue;
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    emit(ch, i);
  }
  const end = offsets.length ? offsets[offsets.length - 1] + 1 : 0;
  offsets.push(end);
  return { text, offsets, code };
}

/** The file position of a raw offset inside a source that starts at `start`. */
export function rawPosition(source: TextSource, offset: number): Position {
  let line = source.start.line;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.raw.length; i++) {
    if (source.raw[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return line === source.start.line ? { line, character: source.start.character + offset } : { line, character: offset - lineStart };
}

/** The file range of readable characters `from..to` (end exclusive). */
export function plainRange(source: TextSource, map: PlainMap, from: number, to: number): Range {
  const start = map.offsets[Math.min(from, map.text.length)];
  const end = to > from ? map.offsets[Math.min(to, map.text.length) - 1] + 1 : start;
  return { start: rawPosition(source, start), end: rawPosition(source, end) };
}
