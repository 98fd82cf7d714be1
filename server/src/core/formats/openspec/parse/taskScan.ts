// @spec specthread-core#15.1
import { Block, MarkdownDoc } from '../../../parse/markdown';
import { LineIndex } from '../../../text/lineIndex';
import { atxHeading, isBlankText, leadingSpaces } from './lineScan';

/**
 * The line scan of an OpenSpec `tasks.md`: the block tree the task parser walks (headings, bullet
 * lists, their items and each item's first paragraph, with markdown-it's lines), built without
 * the Markdown parser. Task files were the largest share left of markdown-it's time on an OpenSpec
 * repository. Most hold only `##` headings and `- [ ] 1.1 …` items, nested by indenting a child
 * exactly under its parent's text, with continuation lines; for those the tree equals the one
 * parseMarkdown builds as far as parseTasks and collectHeadings read it. Anything else (ordered
 * lists, code, quotes, HTML, tabs in indentation, a heading or rule inside a list, an item
 * indented other than under its parent, a line that could open another block) is not scanned
 * (undefined) and markdown-it parses the file. `test/core/openspecTaskScan.test.ts` compares
 * both on generated files and on every tasks.md of the corpus.
 */
export function taskScannedDoc(text: string): MarkdownDoc | undefined {
  // NUL is replaced by markdown-it; suppression comments need the full parse (findSuppressions).
  if (text.includes('\0') || text.includes('specthread-')) return undefined;
  const lines = new LineIndex(text);
  const root: Block = { type: 'root', startLine: 0, endLine: Math.max(0, lines.lineCount - 1), children: [] };
  /** Open items, outermost first, each with the column its text starts at. */
  const open: { item: Block; column: number }[] = [];
  /** The list each nesting level last added an item to, while it can take more (index 0: top level). */
  const lists: (Block | undefined)[] = [undefined];
  let inParagraph = false;
  const close = (depth: number, line: number) => {
    while (open.length > depth) {
      const { item } = open.pop()!;
      item.endLine = lastContentLine(lines, item.startLine, line - 1);
    }
    lists.length = depth + 1;
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    if (isBlankText(lineText)) {
      inParagraph = false;
      continue;
    }
    const indent = leadingSpaces(lineText);
    if (lineText.charCodeAt(indent) === 0x09) return undefined;
    const content = lineText.slice(indent);
    // Items nest by column: the open items whose text starts at or before this line's indentation contain it.
    let depth = open.length;
    while (depth > 0 && open[depth - 1]!.column > indent) depth--;
    const base = depth > 0 ? open[depth - 1]!.column : 0;
    const item = ITEM.test(content);
    if (item) {
      if (indent !== base || !safeStart(content.slice(2))) return undefined;
      close(depth, line);
      const block: Block = { type: 'listItem', startLine: line, endLine: line, children: [] };
      block.children.push({ type: 'paragraph', startLine: line, endLine: line, children: [] });
      let list = lists[depth];
      if (!list) {
        list = { type: 'list', startLine: line, endLine: line, ordered: false, children: [] };
        (depth > 0 ? open[depth - 1]!.item : root).children.push(list);
        lists[depth] = list;
      }
      list.children.push(block);
      open.push({ item: block, column: indent + 2 });
      lists.push(undefined);
      inParagraph = true;
      continue;
    }
    if (ATX.test(content)) {
      if (indent > 0) return undefined;
      close(0, line);
      lists[0] = undefined;
      root.children.push(atxHeading(lineText, line));
      inParagraph = false;
      continue;
    }
    if (!safeStart(content)) return undefined;
    if (inParagraph) {
      // Continuation text, indented or lazy: the paragraph goes on, in whichever item holds it.
      continue;
    }
    // A new paragraph, in the innermost item its indentation reaches, or at the top level;
    // indented four columns past that, it would be code.
    if (indent - base >= 4) return undefined;
    close(depth, line);
    // A paragraph at some level ends the list open at that level.
    lists[depth] = undefined;
    inParagraph = true;
  }
  close(0, lines.lineCount);
  for (const list of allLists(root)) list.endLine = list.children[list.children.length - 1]!.endLine;
  return { text, lines, root, codeLines: new Set() };
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
/** A bullet item's marker and one space before its text; a constant, since a literal is a new object on every line. */
const ITEM = /^[-+*] (?=\S)/;
/** Whatever could open a block of its own, interrupt a paragraph or underline one. */
const UNSAFE =
  /^(?:[>< \t]|#{1,6}(?:[ \t]|$)|```|~~~|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|\[[^\]]*\]:|(?:=+|-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$)/;

/** A line's text (an item's after its marker) starts nothing but paragraph text. */
function safeStart(content: string): boolean {
  return content !== '' && !UNSAFE.test(content);
}

function* allLists(block: Block): Generator<Block> {
  for (const child of block.children) {
    if (child.type === 'list') yield child;
    if (child.type === 'list' || child.type === 'listItem') yield* allLists(child);
  }
}

/** markdown-it's block extent: trailing blank lines (as `trim` sees them) are not part of it. */
function lastContentLine(lines: LineIndex, from: number, to: number): number {
  let end = Math.min(to, lines.lineCount - 1);
  while (end > from && lines.lineText(end).trim() === '') end--;
  return end;
}
