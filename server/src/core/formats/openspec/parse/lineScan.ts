// @spec specthread-core#15.1
import { Block, MarkdownDoc } from '../../../parse/markdown';
import { LineIndex } from '../../../text/lineIndex';

/**
 * OpenSpec's spec, delta and proposal parsers read lines: from the Markdown parser they need only
 * which lines are code (fenced or indented code, HTML blocks) and the top-level headings. Most
 * OpenSpec files hold neither code nor anything that makes a line's role depend on its container,
 * and for those this line scan gives the same document markdown-it gives (no code lines, the same
 * headings with the same text), at a fraction of its cost: markdown-it was over half of parsing
 * an OpenSpec repository. A file holding any line that could open a code or HTML block, be a
 * setext underline or a heading inside a list or quote, or whose role would need the container
 * structure to tell, is not scanned (undefined): markdown-it parses it. The scan is conservative
 * by design; `test/core/openspecLineScan.test.ts` compares both on every file it accepts.
 */
export function lineScannedDoc(text: string): MarkdownDoc | undefined {
  // NUL is replaced by markdown-it; suppression comments need the full parse (findSuppressions).
  if (text.includes('\0') || text.includes('```') || text.includes('~~~') || text.includes('specthread-')) return undefined;
  const lines = new LineIndex(text);
  const root: Block = { type: 'root', startLine: 0, endLine: Math.max(0, lines.lineCount - 1), children: [] };
  let previous: LineRole = 'start';
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    const role = roleOf(lineText, previous);
    if (role === undefined) return undefined;
    if (role === 'heading') root.children.push(atxHeading(lineText, line));
    previous = role;
  }
  return { text, lines, root, codeLines: new Set() };
}

/** What a line is to the next one: only after `paragraph` can an indented line not be code. */
type LineRole = 'start' | 'blank' | 'heading' | 'paragraph' | 'other';

/** Leading white space, list markers and the white space after them: a line's container prefix. */
const PREFIX = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))*/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
/** Setext underlines and thematic breaks (`---`, `===`, `***`, `_ _ _`). */
const RULE_OR_UNDERLINE = /^(?:=+|-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$/;
const LINK_REFERENCE = /^\[[^\]]*\]:/;

function roleOf(text: string, previous: LineRole): LineRole | undefined {
  if (/^[ \t]*$/.test(text)) return 'blank';
  const indent = /^ */.exec(text)![0].length;
  const prefix = PREFIX.exec(text)![0];
  const content = text.slice(prefix.length);
  // Tabs in the prefix make columns depend on tab stops; a quote's content has its own containers.
  if (prefix.includes('\t') || content.startsWith('>') || content.startsWith('<')) return undefined;
  // Four columns of indentation are indented code unless the line continues a paragraph.
  if (indent >= 4 && previous !== 'paragraph') return undefined;
  // A line of `-` or `=` after a paragraph underlines it (a setext heading), even a single `-`;
  // elsewhere it is a thematic break or an empty list item, which neither holds code nor is a heading.
  if (RULE_OR_UNDERLINE.test(text.slice(indent)))
    return indent === 0 && (previous === 'blank' || previous === 'start' || previous === 'heading') ? 'other' : undefined;
  // Five spaces after a list marker start indented code inside the item.
  if (/(?:[-+*]|\d[.)]) {5,}/.test(prefix)) return undefined;
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
function atxHeading(text: string, line: number): Block {
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

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
