// @spec specthread-core#1.4
import MarkdownIt from 'markdown-it';
import { Heading } from '../model';
import { Block, BlockType, MarkdownDoc, lastContentLine } from './blocks';
import { scanBlocks } from './blockScan';
import { LineIndex } from '../text/lineIndex';
import { PositionPool } from '../text/positionPool';
import { Range } from '../text/range';

/**
 * One Markdown file parsed by a CommonMark parser (markdown-it) into a small block tree with
 * line positions. Spec parsers walk this tree for structure instead of matching lines, so fenced
 * code, HTML blocks and lazy continuation lines are understood the way a renderer understands
 * them. markdown-it was chosen over the mdast family because it is some 40 times faster on large
 * spec files, and the engine re-parses a file on every keystroke; columns are recovered from the
 * line text, which the parsers need anyway.
 */

export type { Block, BlockType, MarkdownDoc } from './blocks';

/**
 * The parser is configured once and never changed afterwards; `parse` keeps no state between
 * calls, so sharing it is safe and saves rebuilding its rule chains on every keystroke.
 */
const PARSER: Readonly<InstanceType<typeof MarkdownIt>> = createParser();

function createParser(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt('commonmark', { html: true });
  // Inline structure is not needed: specs are read from block structure and raw inline text.
  md.core.ruler.disable(['inline']);
  return md;
}

const OPEN_TYPES: Record<string, BlockType> = {
  heading_open: 'heading',
  paragraph_open: 'paragraph',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  list_item_open: 'listItem',
  blockquote_open: 'blockquote',
  table_open: 'table',
};

/** `positions`: the engine's pool, which the ranges the parsers build from this document take their positions from. */
export function parseMarkdown(text: string, positions?: PositionPool): MarkdownDoc {
  const lines = new LineIndex(text, positions);
  // Most spec files hold only headings, paragraphs, lists and fenced code, which blockScan.ts
  // reads as markdown-it does at a fraction of the cost; it leaves any other file to markdown-it.
  const scanned = scanBlocks(text, lines);
  return scanned ? { text, lines, root: scanned.root, codeLines: scanned.codeLines } : parseWithMarkdownIt(text, lines);
}

/** The document as markdown-it parses it; exported for the test that compares it with the scan. */
export function parseWithMarkdownIt(text: string, lines: LineIndex = new LineIndex(text)): MarkdownDoc {
  const tokens = PARSER.parse(text, {});
  const root: Block = { type: 'root', startLine: 0, endLine: Math.max(0, lines.lineCount - 1), children: [] };
  const stack: Block[] = [root];
  const codeLines = new Set<number>();
  for (const token of tokens) {
    // markdown-it's open and close tokens balance, so the root is never popped.
    const parent = stack[stack.length - 1]!;
    const map = token.map;
    if (token.nesting === 1) {
      const type = OPEN_TYPES[token.type];
      if (!type || !map) {
        stack.push({ type: 'paragraph', startLine: parent.startLine, endLine: parent.endLine, children: [] });
        continue;
      }
      const block: Block = {
        type,
        startLine: map[0],
        endLine: lastContentLine(lines, map[0], map[1] - 1),
        depth: type === 'heading' ? Number(token.tag.slice(1)) : undefined,
        ordered: token.type === 'ordered_list_open' ? true : type === 'list' ? false : undefined,
        number: type === 'listItem' && token.info ? token.info : undefined,
        children: [],
      };
      parent.children.push(block);
      stack.push(block);
    } else if (token.nesting === -1) {
      stack.pop();
    } else if (token.type === 'inline') {
      (parent as { content?: string }).content = token.content;
    } else if (map && (token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block')) {
      const end = lastContentLine(lines, map[0], map[1] - 1);
      parent.children.push({ type: token.type === 'html_block' ? 'html' : 'code', startLine: map[0], endLine: end, children: [] });
      for (let l = map[0]; l <= end; l++) codeLines.add(l);
    } else if (map && token.type === 'hr') {
      parent.children.push({ type: 'rule', startLine: map[0], endLine: map[0], children: [] });
    }
  }
  return { text, lines, root, codeLines };
}

/** From the first non-blank character of the block's first line to the end of its last line. */
export function blockRange(doc: MarkdownDoc, block: Block): Range {
  return doc.lines.span(block.startLine, doc.lines.leadingBlanks(block.startLine), block.endLine, doc.lines.lineLength(block.endLine));
}

/** The whole first line of a block, from its first non-blank character. */
export function firstLineRange(doc: MarkdownDoc, block: Block): Range {
  return doc.lines.span(block.startLine, doc.lines.leadingBlanks(block.startLine), block.startLine, doc.lines.lineLength(block.startLine));
}

/**
 * Where a list item's marker starts and its content begins on the item's first line, e.g. for
 * `  - [ ] 1.1 Title` the marker is at 2 and the content at 4. Blockquote prefixes are skipped.
 */
export function listItemColumns(doc: MarkdownDoc, item: Block): { marker: number; content: number; markerText: string } {
  const text = doc.lines.lineText(item.startLine);
  const m = LIST_ITEM_START.exec(text);
  if (!m) return { marker: 0, content: 0, markerText: '' };
  return { marker: m[1]!.length, content: m[0].length, markerText: m[2]! };
}

// Constants rather than literals in the functions that test them: a regular expression literal
// makes a new object each time it is evaluated, here once per list item, heading or criterion.
const LIST_ITEM_START = /^((?:\s*>)*\s*)([-*+]|\d{1,9}[.)])(\s*)/;
const INLINE_MARKUP = /[\\`*_]/;
/** Two white space characters in a row, or one that is not a plain space. */
const SPACE_TO_COLLAPSE = /\s\s|[^\S ]/;

/** Inline Markdown reduced to readable text: strong emphasis, code spans and escapes removed. */
export function plainText(block: Block | undefined): string {
  if (!block) return '';
  const own = block.content ?? block.children.map((c) => plainText(c)).join(' ');
  return inlineToText(own);
}

export function inlineToText(inline: string): string {
  // Most criteria carry no markup; skip the regex passes for them (this runs per criterion per
  // edit). A pass runs only when the text so far holds what its pattern needs (removing escapes
  // can make a `**`), so the result is that of running every pass; a name like `Auth_Service`
  // no longer sends a criterion through all of them.
  if (!INLINE_MARKUP.test(inline)) return collapseSpaces(inline);
  let text = inline;
  // Suppression comments and other HTML comments are invisible in rendered Markdown.
  if (text.includes('<!--')) text = text.replace(/<!--[\s\S]*?-->/g, ' ');
  if (text.includes('\\')) text = text.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
  if (text.includes('**') || text.includes('__')) text = text.replace(/(\*\*|__)(.+?)\1/g, '$2');
  if (text.includes('`')) text = text.replace(/`([^`]*)`/g, '$1');
  return collapseSpaces(text);
}

/** Runs of white space as one space, trimmed; a text whose only white space is single spaces is only trimmed (no new string per criterion). */
function collapseSpaces(text: string): string {
  return SPACE_TO_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/**
 * Headings with the extent of their sections: a section runs until the next heading of the
 * same or a higher level, or the end of the file.
 */
export function collectHeadings(doc: MarkdownDoc): Heading[] {
  const found = doc.root.children.filter((b) => b.type === 'heading');
  return found.map((node, i) => {
    let endLine = doc.root.endLine;
    for (let j = i + 1; j < found.length; j++) {
      if (found[j]!.depth! <= node.depth!) {
        endLine = found[j]!.startLine - 1;
        break;
      }
    }
    endLine = lastContentLine(doc.lines, node.startLine, endLine);
    const range = firstLineRange(doc, node);
    return {
      text: plainText(node),
      depth: node.depth!,
      range,
      sectionRange: { start: range.start, end: doc.lines.at(endLine, doc.lines.lineLength(endLine)) },
    };
  });
}

/** The blocks of a section: those after `index` up to the next heading of level `depth` or higher. */
export function sectionAfter(blocks: readonly Block[], index: number, depth: number): Block[] {
  let end = index + 1;
  while (end < blocks.length && !(blocks[end]!.type === 'heading' && blocks[end]!.depth! <= depth)) end++;
  return blocks.slice(index + 1, end);
}
