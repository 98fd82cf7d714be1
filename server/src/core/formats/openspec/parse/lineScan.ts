// @spec specthread-core#15.1
import { Block, MarkdownDoc } from '../../../parse/markdown';
import { LineIndex } from '../../../text/lineIndex';

/**
 * OpenSpec's spec, delta and proposal parsers read lines: from the Markdown parser they need only
 * which lines are code (fenced or indented code, HTML blocks) and the top-level headings. Most
 * OpenSpec files hold neither code nor anything that makes a line's role depend on its container,
 * and for those this line scan gives the same document markdown-it gives (no code lines, the same
 * headings with the same text), at a fraction of its cost: markdown-it was over half of parsing
 * an OpenSpec repository. Fenced code is followed as markdown-it follows it: at column 0 (such a
 * fence is always top-level: a list item's content is indented, and a fence is no lazy paragraph
 * continuation), and indented up to three spaces where the list item it may sit in cannot change
 * where it ends (indentedFenceEnd); a quarter of the files of OpenSpec's own repository hold one,
 * and they were a third of its parse time. Block quotes of plain text and HTML comments at column
 * 0 are followed too. A file holding any other line that could open a code or HTML block, be a
 * setext underline or a heading inside a list or quote, or whose role would need the container
 * structure to tell, is not scanned (undefined): markdown-it parses it. The scan is conservative by design; `test/core/openspecLineScan.test.ts`
 * compares both on every file it accepts.
 */
export function lineScannedDoc(text: string): MarkdownDoc | undefined {
  // NUL is replaced by markdown-it; suppression comments need the full parse (findSuppressions).
  if (text.includes('\0') || text.includes('specthread-')) return undefined;
  const lines = new LineIndex(text);
  const root: Block = { type: 'root', startLine: 0, endLine: Math.max(0, lines.lineCount - 1), children: [] };
  const codeLines = new Set<number>();
  // The lines starting with `#` (none of them in code: fences and comments are skipped whole) are
  // noted here, where each line's first character is read anyway, so that OpenSpec's readers need
  // no pass over every line of the file to find them again (blocks.ts, hashLines).
  const hashLines: number[] = [];
  let previous: LineRole = 'start';
  const starts = lines.starts;
  const lineCount = starts.length;
  for (let line = 0; line < lineCount; line++) {
    // Fast paths for the lines most files are made of, read from the text without cutting the
    // line out of it (most lines of a file took one string each), each the answer the general
    // reading below gives: an empty line is blank, and plain text (plainTextAt) is a paragraph.
    const start = starts[line]!;
    const first = text.charCodeAt(start);
    if (first === 0x0a || first === 0x0d || Number.isNaN(first)) {
      previous = 'blank';
      continue;
    }
    if (!mayOpenBlock(first) || plainTextAt(text, start)) {
      previous = 'paragraph';
      continue;
    }
    if (first === 0x23) {
      // A `#` at column 0 is an ATX heading or, not followed by a blank (`#tag`, seven `#`s), paragraph text, as roleOf reads it.
      hashLines.push(line);
      const lineText = lines.lineText(line);
      if (ATX.test(lineText)) {
        root.children.push(atxHeading(lineText, line));
        previous = 'heading';
      } else previous = 'paragraph';
      continue;
    }
    const lineText = lines.lineText(line);
    const fence = fenceOpening(lineText);
    if (fence) {
      const end = fence.indent === 0 ? fenceEnd(lines, line, fence) : indentedFenceEnd(lines, line, fence);
      if (end === undefined) return undefined;
      for (let l = line; l <= end; l++) codeLines.add(l);
      line = end;
      previous = 'fence';
      continue;
    }
    if (lineText.startsWith('<!--')) {
      const end = commentEnd(lines, line);
      for (let l = line; l <= end; l++) codeLines.add(l);
      line = end;
      previous = 'fence';
      continue;
    }
    const role: LineRole | undefined = lineText.charCodeAt(0) === 0x3e ? quoteRole(lineText) : roleOf(lineText, previous);
    if (role === undefined) return undefined;
    if (role === 'heading') root.children.push(atxHeading(lineText, line));
    previous = role;
  }
  return { text, lines, root, codeLines, hashLines };
}

/**
 * Whether a line whose first character is `code` may be anything but paragraph text: indentation,
 * a quote, HTML or a comment, a fence, a list marker, rule or setext underline, an ordered marker's
 * digit, a heading or a link reference definition. A line starting with any other character (a
 * letter, `|`, `!`, `(`, a non-ASCII character) is paragraph text wherever it stands: roleOf reads
 * it so, and the checks before roleOf pass it by.
 */
function mayOpenBlock(code: number): boolean {
  switch (code) {
    case 0x20: // space
    case 0x09: // tab
    case 0x3e: // >
    case 0x3c: // <
    case 0x60: // `
    case 0x7e: // ~
    case 0x2d: // -
    case 0x2a: // *
    case 0x2b: // +
    case 0x5f: // _
    case 0x3d: // =
    case 0x23: // #
    case 0x5b: // [
      return true;
    default:
      return code >= 0x30 && code <= 0x39;
  }
}

/**
 * True for a line starting (after up to three spaces, and an optional list marker `-`, `*`, `+`,
 * `1.` or `1)` followed by one space) with a letter or with `**` and a letter: `word`,
 * `- **WHEN** …`, `  1. Step`, `**Key**: value`. No fence, comment, quote, HTML block, rule,
 * setext underline, heading or link reference starts so, and three spaces are too few for indented
 * code, so roleOf reads each such line as paragraph text, whatever came before it.
 */
function plainTextAt(text: string, start: number): boolean {
  let i = start;
  while (i < start + 3 && text.charCodeAt(i) === 0x20) i++;
  const c = text.charCodeAt(i);
  if ((c === 0x2d || c === 0x2a || c === 0x2b) && text.charCodeAt(i + 1) === 0x20) i += 2;
  else if (c >= 0x30 && c <= 0x39) {
    let digits = i;
    while (digits < i + 9 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++;
    const mark = text.charCodeAt(digits);
    if ((mark !== 0x2e && mark !== 0x29) || text.charCodeAt(digits + 1) !== 0x20) return false;
    i = digits + 2;
  }
  const next = text.charCodeAt(i);
  return isAsciiLetter(next) || (next === 0x2a && text.charCodeAt(i + 1) === 0x2a && isAsciiLetter(text.charCodeAt(i + 2)));
}

/** What a line is to the next one: only after `paragraph` can an indented line not be code. */
type LineRole = 'start' | 'blank' | 'heading' | 'fence' | 'paragraph' | 'other';

interface Fence {
  readonly marker: number;
  readonly length: number;
  /** Spaces before the opening run: 0 to 3. */
  readonly indent: number;
}

/**
 * A fence opening: up to three spaces, then three or more backticks or tildes; a backtick fence's
 * info string holds no backtick (markdown-it's `fence`). A tab before it is left to markdown-it.
 */
function fenceOpening(text: string): Fence | undefined {
  let indent = 0;
  while (indent < 3 && text.charCodeAt(indent) === 0x20) indent++;
  const marker = text.charCodeAt(indent);
  if (marker !== 0x60 && marker !== 0x7e) return undefined;
  let length = 1;
  while (text.charCodeAt(indent + length) === marker) length++;
  if (length < 3 || (marker === 0x60 && text.includes('`', indent + length))) return undefined;
  return { marker, length, indent };
}

/**
 * A fence indented one to three spaces is a fence wherever it stands (a list item's text starts
 * at most that far in, so it is no code block there either), but in a list item a line indented
 * less than the item's text ends it, and the closing fence may sit deeper. Without following
 * the list structure, such a fence is only scanned when that cannot matter: it closes on a line
 * indented exactly as it opened, every non-blank line before is indented at least as far, and no
 * line before could close it at another indentation. Otherwise undefined: markdown-it parses the file.
 */
function indentedFenceEnd(lines: LineIndex, start: number, fence: Fence): number | undefined {
  for (let line = start + 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (isBlankText(text)) continue;
    const indent = leadingSpaces(text);
    if (indent < fence.indent || text.charCodeAt(indent) === 0x09) return undefined;
    if (closesFence(text, indent, text.length, fence)) return indent === fence.indent ? line : undefined;
  }
  return undefined;
}

/**
 * The last line of the fence opened on `start`, as markdown-it's code block maps it: the closing
 * line (the same marker at least as long, indented less than four columns, nothing but white
 * space after it), or for a fence never closed the last non-blank line of the document.
 */
function fenceEnd(lines: LineIndex, start: number, fence: Fence): number {
  // Read from the text: a fence's lines are not cut out of it one by one.
  for (let line = start + 1; line < lines.lineCount; line++) if (closesFence(lines.text, lines.lineStart(line), lines.lineEnd(line), fence)) return line;
  let end = lines.lineCount - 1;
  while (end > start && lines.lineText(end).trim() === '') end--;
  return end;
}

/** Whether `text` between `from` and `to` (one line, or the part of it after its indentation) closes `fence`. */
function closesFence(text: string, from: number, to: number, fence: Fence): boolean {
  let pos = from;
  let column = 0;
  for (; pos < to; pos++) {
    const code = text.charCodeAt(pos);
    if (code === 0x20) column++;
    else if (code === 0x09) column += 4 - (column % 4);
    else break;
  }
  if (column >= 4 || text.charCodeAt(pos) !== fence.marker) return false;
  const runStart = pos;
  while (text.charCodeAt(pos) === fence.marker) pos++;
  if (pos - runStart < fence.length) return false;
  for (; pos < to; pos++) if (!isSpace(text.charCodeAt(pos))) return false;
  return true;
}

/** Leading white space, list markers and the white space after them: a line's container prefix. */
const PREFIX = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))*/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
/** Setext underlines and thematic breaks (`---`, `===`, `***`, `_ _ _`). */
const RULE_OR_UNDERLINE = /^(?:=+|-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$/;
const LINK_REFERENCE = /^\[[^\]]*\]:/;
// The patterns below are constants rather than literals in the functions that test them: a regular
// expression literal makes a new object each time it is evaluated, which these did on every line.
/** Quote content that could open a block of its own inside the quote. */
const QUOTED_BLOCK_START = /^[ \t>]|^#{1,6}(?:[ \t]|$)|^```|^~~~|^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^<[A-Za-z/!?]/;
/** An HTML block starts with `<` and a letter, `/`, `!` or `?`. */
const HTML_START = /^<[A-Za-z/!?]/;
/** Five spaces after a list marker: indented code inside the item. */
const MARKER_AND_CODE = /(?:[-+*]|\d[.)]) {5,}/;

/** A line of nothing but spaces and tabs (or nothing). */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The number of spaces (not tabs) a line starts with. */
export function leadingSpaces(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 0x20) n++;
  return n;
}

/**
 * markdown-it's HTML block of a comment opened at column 0 (it may interrupt a paragraph): up to
 * the first line holding `-->`, the opening line included, or for one never closed the last
 * non-blank line of the document. Its lines are code lines, as parseMarkdown counts them.
 */
function commentEnd(lines: LineIndex, start: number): number {
  for (let line = start; line < lines.lineCount; line++) if (lines.lineText(line).includes('-->')) return line;
  let end = lines.lineCount - 1;
  while (end > start && lines.lineText(end).trim() === '') end--;
  return end;
}

/**
 * A block quote line at column 0 whose content is plain paragraph text (or nothing) holds no
 * code and no top-level heading; to the lines after it, it is a paragraph (lazy continuation
 * lines continue it, the rest interrupt it exactly as they would a top-level paragraph) or,
 * empty, a blank. Content that could open a block of its own inside the quote is not scanned.
 */
function quoteRole(text: string): LineRole | undefined {
  const content = text.slice(text.charCodeAt(1) === 0x20 ? 2 : 1);
  if (content === '') return 'blank';
  if (QUOTED_BLOCK_START.test(content)) return undefined;
  if (RULE_OR_UNDERLINE.test(content) || LINK_REFERENCE.test(content)) return undefined;
  return 'paragraph';
}

function roleOf(text: string, previous: LineRole): LineRole | undefined {
  // The lines lineScannedDoc's fast paths answer (a letter first, an empty line, a marker, a space and a letter) do not come here.
  if (text === '') return 'blank';
  if (isBlankText(text)) return 'blank';
  const indent = leadingSpaces(text);
  const prefix = PREFIX.exec(text)![0];
  const content = text.slice(prefix.length);
  // Tabs in the prefix make columns depend on tab stops; a quote's content has its own containers.
  // An HTML block starts with `<` and a letter, `/`, `!` or `?`; `<360px` is text.
  if (prefix.includes('\t') || content.startsWith('>') || HTML_START.test(content)) return undefined;
  // A fence after a list marker, or four columns in, may sit in a list item whose indentation decides where it ends.
  if (content.startsWith('```') || content.startsWith('~~~')) return undefined;
  // Four columns of indentation are indented code unless the line continues a paragraph.
  if (indent >= 4 && previous !== 'paragraph') return undefined;
  // A line of `-` or `=` after a paragraph underlines it (a setext heading), even a single `-`;
  // elsewhere it is a thematic break or an empty list item, which neither holds code nor is a heading.
  if (RULE_OR_UNDERLINE.test(text.slice(indent)))
    return indent === 0 && (previous === 'blank' || previous === 'start' || previous === 'heading' || previous === 'fence') ? 'other' : undefined;
  // Five spaces after a list marker start indented code inside the item.
  if (MARKER_AND_CODE.test(prefix)) return undefined;
  // A list marker four columns in ends the paragraph above it without starting an item there: the line may be code.
  if (indent >= 4 && prefix.length > indent) return undefined;
  if (indent >= 4 || prefix.length > indent) {
    // Indented, or after a list marker: inside a list item (or continuing a paragraph).
    if (ATX.test(content) || RULE_OR_UNDERLINE.test(content) || LINK_REFERENCE.test(content)) return undefined;
    return content === '' ? 'other' : 'paragraph';
  }
  // From here the line starts at column 0 to 3 with no list marker.
  if (ATX.test(content)) return indent === 0 ? 'heading' : undefined;
  if (LINK_REFERENCE.test(content)) return undefined;
  return 'paragraph';
}

/** markdown-it's ATX heading: the text between the opening `#`s and an optional closing run of `#`s. */
export function atxHeading(text: string, line: number): Block {
  let pos = 0;
  while (pos < text.length && text.charCodeAt(pos) === 0x23) pos++;
  const depth = pos;
  let max = text.length;
  while (max > pos && isSpace(text.charCodeAt(max - 1))) max--;
  let hashes = max;
  while (hashes > pos && text.charCodeAt(hashes - 1) === 0x23) hashes--;
  if (hashes > pos && isSpace(text.charCodeAt(hashes - 1))) max = hashes;
  return { type: 'heading', startLine: line, endLine: line, depth, content: text.slice(pos, max).trim(), children: [] };
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
