import { Position, Range } from '../text/range';
import { TextSource } from '../model';
import { lowerBound } from '../sortedNumbers';

/**
 * Requirement checks match words in readable text (`SHALL`, not `**SHALL**`) but must report
 * and rewrite the exact characters in the file. A PlainMap is that readable text together with
 * the offset in the raw Markdown of every readable character.
 */
export interface PlainMap {
  readonly text: string;
  /**
   * offsets[i] is the raw offset of text[i]; offsets[text.length] is the raw end. A typed array
   * (16-bit unless the raw text is longer than 65,534 characters): statements keep their map as
   * long as their spec is unchanged, one offset per character.
   */
  readonly offsets: Readonly<Uint16Array | Uint32Array>;
  /** Readable ranges `[from, to)` that were code spans: identifiers and values, not prose. */
  readonly code: readonly { readonly from: number; readonly to: number }[];
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!]/;
/** A letter or digit; a function, so the `\p{…}` pattern is created only when an underscore needs it (see `languages.ts`). */
const word = () => /[\p{L}\p{N}]/u;

/** What the statement rules read of a criterion: its readable text and code spans, without the offsets that only a finding's range needs. */
export interface PlainText {
  readonly text: string;
  readonly code: readonly { readonly from: number; readonly to: number }[];
}

/** Shared by every text without code spans (most criteria), so frozen. */
const NO_CODE: readonly { readonly from: number; readonly to: number }[] = Object.freeze([]);

/**
 * The readable text of `raw` (as `toPlainMap` makes it) without building its offsets. A
 * criterion that reads as written is its own text: the same string, no copy.
 */
export function toPlainText(raw: string): PlainText {
  if (readsAsWritten(raw)) return { text: raw, code: NO_CODE };
  const { text, code } = toPlainMap(raw);
  return { text, code: code.length ? code : NO_CODE };
}

/**
 * True when the readable text of `raw` is `raw` itself: no character that markup could drop
 * (comments, escapes, backticks, `*`, a `_` that is not between two ASCII letters or digits) and
 * white space only as single ASCII spaces between other characters. Most criteria are written
 * so; one pass over their characters replaces the map's per-character work. Conservative: a
 * text that fails may still read as written, and `toPlainMap` decides.
 */
export function readsAsWritten(raw: string): boolean {
  const last = raw.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || raw.charCodeAt(i - 1) === 32) return false;
    } else if (c < 32 || c === 42 /* * */ || c === 60 /* < */ || c === 92 /* \\ */ || c === 96 /* ` */) {
      return false;
    } else if (c === 95 /* _ */) {
      if (!isAsciiWord(raw.charCodeAt(i - 1)) || !isAsciiWord(raw.charCodeAt(i + 1))) return false;
    } else if (c >= 128 && /\s/.test(raw[i]!)) {
      return false;
    }
  }
  return true;
}

/** An ASCII letter or digit (NaN, outside the text, is neither). */
function isAsciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Mirrors how the parser's plain text is made: HTML comments, emphasis markers (`*`, `_` at a
 * word edge, so `Auth_Service` survives), code-span backticks and escapes are dropped, and runs
 * of white space (line breaks and continuation indentation included) become one space.
 *
 * Code spans follow CommonMark: a run of n backticks opens a span only when a later run of
 * exactly n backticks closes it, and what lies between is literal (no emphasis, escapes or
 * comments), so `` `***` `` reads as `***`. A span's readable range starts at its first emitted
 * character, never at a pending space before it, and a span with no readable character records
 * nothing; counting the pending space into the span once made empty spans end before they began.
 */
export function toPlainMap(raw: string): PlainMap {
  if (!readsAsWritten(raw)) return mapMarkup(raw);
  const offsets = raw.length < 0xffff ? new Uint16Array(raw.length + 1) : new Uint32Array(raw.length + 1);
  for (let i = 1; i <= raw.length; i++) offsets[i] = i;
  return { text: raw, offsets, code: NO_CODE };
}

/** `toPlainMap` for any text, character by character; exported to test that it agrees with `readsAsWritten`. */
export function mapMarkup(raw: string): PlainMap {
  // Every readable character but an inserted space is the raw character at its offset, so the
  // text is appended a run of raw characters at a time (`runFrom`..`runTo`, not yet in `text`)
  // instead of one character at a time. Offsets go into one array sized for every raw character
  // being readable, copied to the readable length at the end; 16 bits hold them in all but
  // huge criteria.
  const all = raw.length < 0xffff ? new Uint16Array(raw.length + 1) : new Uint32Array(raw.length + 1);
  let length = 0;
  let text = '';
  let runFrom = 0;
  let runTo = 0;
  let pendingSpace = -1;
  const code: { from: number; to: number }[] = [];
  const closers = new BacktickRuns(raw);
  const append = (at: number) => {
    if (runTo === at && runTo > runFrom) {
      runTo++;
      return;
    }
    if (runTo > runFrom) text += raw.slice(runFrom, runTo);
    runFrom = at;
    runTo = at + 1;
  };
  const emit = (at: number) => {
    if (pendingSpace >= 0 && length > 0) {
      if (raw.charCodeAt(pendingSpace) === 32) append(pendingSpace);
      else {
        if (runTo > runFrom) text += raw.slice(runFrom, runTo);
        runFrom = runTo = 0;
        text += ' ';
      }
      all[length++] = pendingSpace;
    }
    pendingSpace = -1;
    append(at);
    all[length++] = at;
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '<' && raw.startsWith('<!--', i)) {
      const end = raw.indexOf('-->', i + 4);
      const stop = end < 0 ? raw.length : end + 3;
      if (pendingSpace < 0) pendingSpace = i;
      i = stop - 1;
      continue;
    }
    if (ch === '\\' && i + 1 < raw.length && ESCAPABLE.test(raw[i + 1]!)) {
      emit(i + 1);
      i++;
      continue;
    }
    if (ch === '`') {
      let runEnd = i;
      while (runEnd < raw.length && raw[runEnd] === '`') runEnd++;
      const close = closers.next(runEnd - i, runEnd);
      if (close < 0) {
        // No closing run of the same length: the backticks are literal text.
        for (let j = i; j < runEnd; j++) emit(j);
        i = runEnd - 1;
        continue;
      }
      let from = -1;
      for (let j = runEnd; j < close; j++) {
        if (isSpace(raw[j]!)) {
          if (pendingSpace < 0) pendingSpace = j;
          continue;
        }
        emit(j);
        if (from < 0) from = length - 1;
      }
      if (from >= 0) code.push({ from, to: length });
      i = close + (runEnd - i) - 1;
      continue;
    }
    if (ch === '*') continue;
    if (ch === '_' && !(word().test(raw[i - 1] ?? '') && word().test(raw[i + 1] ?? ''))) continue;
    if (isSpace(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    emit(i);
  }
  if (runTo > runFrom) text += raw.slice(runFrom, runTo);
  all[length] = length ? all[length - 1]! + 1 : 0;
  return { text, offsets: all.slice(0, length + 1), code };
}

/** `/\s/` on one UTF-16 unit, with the regular expression asked only about the few non-ASCII units that could be space. */
function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(ch);
}

/**
 * The maximal backtick runs of a text, grouped by length, to find a code span's closer in
 * O(log n) instead of rescanning the rest of the line for every opener (a line of many lone
 * backticks would otherwise cost quadratic time).
 */
class BacktickRuns {
  private readonly startsByLength = new Map<number, number[]>();

  constructor(raw: string) {
    for (let i = raw.indexOf('`'); i >= 0; i = raw.indexOf('`', i)) {
      let end = i;
      while (end < raw.length && raw[end] === '`') end++;
      const list = this.startsByLength.get(end - i) ?? [];
      list.push(i);
      this.startsByLength.set(end - i, list);
      i = end;
    }
  }

  /** The start of the first run of exactly `length` backticks at or after `from`, or -1. */
  next(length: number, from: number): number {
    const starts = this.startsByLength.get(length);
    if (!starts) return -1;
    const at = lowerBound(starts, from);
    return at < starts.length ? starts[at]! : -1;
  }
}

/**
 * The file position of a raw offset inside a source that starts at `start`. Line ends are the
 * ones LSP counts: `\n`, `\r\n` and a lone `\r`, so a file saved with old Mac line endings
 * gets positions on the right line.
 */
export function rawPosition(source: TextSource, offset: number): Position {
  let line = source.start.line;
  let lineStart = 0;
  const raw = source.raw;
  for (let i = 0; i < offset && i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 10 || (ch === 13 && raw.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return line === source.start.line ? { line, character: source.start.character + offset } : { line, character: offset - lineStart };
}

/** The file range of readable characters `from..to` (end exclusive). */
export function plainRange(source: TextSource, map: PlainMap, from: number, to: number): Range {
  // `offsets` holds one entry per readable character plus one for the end.
  const start = map.offsets[Math.min(from, map.text.length)]!;
  const end = to > from ? map.offsets[Math.min(to, map.text.length) - 1]! + 1 : start;
  return { start: rawPosition(source, start), end: rawPosition(source, end) };
}
