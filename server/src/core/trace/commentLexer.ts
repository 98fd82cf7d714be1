// @spec specthread-core#8.1, specthread-core#15.4
import { CommentSyntax, allSyntaxes } from './languages';

/**
 * Finds the comments and string literals of a file in one pass, without parsing the language:
 * enough to know that a tag in a line comment is a trace and the same text in a string is not. The
 * scanner jumps over characters that cannot open a comment or string, so it runs at memory speed
 * on ordinary code.
 */

export type SpanKind = 'comment' | 'string' | 'doc';

export interface Span {
  readonly kind: SpanKind;
  /** Offsets of the whole token, delimiters included. */
  readonly start: number;
  readonly end: number;
}

interface Opener {
  readonly open: string;
  readonly close: string;
  readonly kind: 'line' | 'block' | 'quote' | 'multiline';
}

interface CompiledSyntax {
  readonly openers: readonly Opener[];
  readonly starts: Uint8Array;
}

/**
 * Every known syntax compiled once, when the module loads: a constant table that is never
 * written, so it holds no state, and no file pays for allocating its syntax's tables again. A
 * syntax from elsewhere is compiled for its call.
 */
const COMPILED: ReadonlyMap<CommentSyntax, CompiledSyntax> = new Map(allSyntaxes().map((s) => [s, compile(s)]));

/** The openers of a syntax, longest first, and a table of the characters that can start one. */
function compile(syn: CommentSyntax): CompiledSyntax {
  const openers: Opener[] = [
    ...syn.block.map(([open, close]) => ({ open, close, kind: 'block' as const })),
    ...syn.multiline.map((q) => ({ open: q, close: q, kind: 'multiline' as const })),
    ...syn.line.map((open) => ({ open, close: '\n', kind: 'line' as const })),
    ...[...syn.quotes].map((q) => ({ open: q, close: q, kind: 'quote' as const })),
  ];
  // Longest opener first, so `"""` wins over `"` and `--[[` over `--`.
  openers.sort((a, b) => b.open.length - a.open.length);
  const starts = new Uint8Array(128);
  for (const o of openers) starts[o.open.charCodeAt(0)] = 1;
  if (syn.markdown) starts[96] = starts[126] = 1; // backtick and tilde: fences and code spans
  if (syn.charLiterals) starts[39] = 1;
  return { openers, starts };
}

export function lexComments(text: string, syn: CommentSyntax): Span[] {
  const { openers, starts } = COMPILED.get(syn) ?? compile(syn);
  const spans: Span[] = [];
  const n = text.length;
  let i = 0;
  outer: while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || starts[c] === 0) {
      i++;
      continue;
    }
    if (syn.markdown && (c === 96 || c === 126)) {
      i = skipMarkdownCode(text, i);
      continue;
    }
    if (syn.charLiterals && c === 39) {
      i = skipCharLiteral(text, i);
      continue;
    }
    for (const o of openers) {
      if (!text.startsWith(o.open, i)) continue;
      if (o.kind === 'line' && o.open === '#' && syn.hashAtWordStart && i > 0 && !isSpace(text.charCodeAt(i - 1))) continue;
      // Ruby's `=begin` only counts at the start of a line.
      if (o.kind === 'block' && o.open === '=begin' && i > 0 && text.charCodeAt(i - 1) !== 10) continue;
      const end = o.kind === 'line' ? lineEnd(text, i) : findClose(text, i + o.open.length, o);
      let kind: SpanKind = o.kind === 'line' || o.kind === 'block' ? 'comment' : 'string';
      if (kind === 'string' && syn.docStrings && o.kind === 'multiline' && startsStatement(text, i)) kind = 'doc';
      spans.push({ kind, start: i, end });
      i = Math.max(end, i + 1);
      continue outer;
    }
    i++;
  }
  return spans;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** The end of a block comment or string; an unterminated single-line string stops at the line end. */
function findClose(text: string, from: number, o: Opener): number {
  if (o.kind === 'block') {
    const at = text.indexOf(o.close, from);
    return at < 0 ? text.length : at + o.close.length;
  }
  const singleLine = o.kind === 'quote';
  const q = o.close.charCodeAt(0);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i++; // backslash escapes the next character
    } else if (c === 10 && singleLine) {
      return i;
    } else if (c === q && (o.close.length === 1 || text.startsWith(o.close, i))) {
      return i + o.close.length;
    }
  }
  return text.length;
}

/** True when only whitespace precedes `at` on its line (a Python docstring starts a statement). */
function startsStatement(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Rust: `'x'`, `'\n'`, `'\u{1F600}'` are char literals; `'a` in `&'a str` is a lifetime. */
function skipCharLiteral(text: string, at: number): number {
  if (text.charCodeAt(at + 1) === 92) {
    const close = text.indexOf("'", at + 2);
    return close > 0 && close - at < 12 ? close + 1 : at + 1;
  }
  const cp = text.codePointAt(at + 1) ?? 0;
  const width = cp > 0xffff ? 2 : 1;
  return text.charCodeAt(at + 1 + width) === 39 ? at + 2 + width : at + 1;
}

/**
 * Markdown: a fence (three or more backticks at a line start) skips to its closing fence; a code
 * span skips to the same run of backticks. Examples in docs are never traces.
 */
function skipMarkdownCode(text: string, at: number): number {
  const mark = text.charCodeAt(at);
  let run = 0;
  while (text.charCodeAt(at + run) === mark) run++;
  const ticks = String.fromCharCode(mark).repeat(run);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (run >= 3 && /^ {0,3}$/.test(text.slice(lineStart, at))) {
    const close = new RegExp(`\\n {0,3}${ticks}${mark === 96 ? '`' : '~'}*[ \\t]*(?:\\n|$)`, 'g');
    close.lastIndex = at + run;
    const m = close.exec(text);
    return m ? m.index + m[0].length : text.length;
  }
  if (mark !== 96) return at + run; // tildes only fence
  // A code span closes at the next run of the same length, within its paragraph.
  let i = at + run;
  while (i < text.length) {
    const next = text.indexOf(ticks, i);
    if (next < 0) return at + run;
    const blank = text.indexOf('\n\n', i);
    if (blank >= 0 && blank < next) return at + run;
    let len = 0;
    while (text.charCodeAt(next + len) === 96) len++;
    if (len === run) return next + run;
    i = next + len;
  }
  return at + run;
}
