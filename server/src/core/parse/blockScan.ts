// @spec specthread-core#1.4, specthread-core#15.1
import { Block, lastContentLine } from './blocks';
import { LineIndex } from '../text/lineIndex';

/**
 * markdown-it's block parser, as configured in `markdown.ts` (CommonMark, HTML on, inline off),
 * ported rule for rule for the blocks spec files are made of: ATX and setext headings,
 * paragraphs, lists, fenced code and thematic breaks. It builds the block tree `parseMarkdown`
 * builds from markdown-it's tokens, without the tokens: a CPU profile of `check` at L showed
 * markdown-it and the tree built from its tokens as over half of parsing the spec files, and the
 * language server parses a file on every keystroke.
 *
 * Each function follows its markdown-it rule line by line (`list` is `rules_block/list.ts`, and so
 * on), so the same lines take the same branches. The rules it does not port, indented code,
 * blockquotes, HTML blocks other than comments and link reference definitions, are only asked
 * whether they could match, the way markdown-it asks them; where one could, the scan gives up (`undefined`) and
 * markdown-it parses the file. `test/core/blockScan.test.ts` compares both on generated documents
 * and on every Markdown file of the corpus.
 */
export function scanBlocks(text: string, lines: LineIndex): { root: Block; codeLines: Set<number> } | undefined {
  const root: Block = { type: 'root', startLine: 0, endLine: Math.max(0, lines.lineCount - 1), children: [] };
  const codeLines = new Set<number>();
  // markdown-it's normalize rule: one kind of line break, and no NUL.
  let src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (src.includes('\0')) src = src.replace(/\0/g, '\uFFFD');
  if (!src) return { root, codeLines };
  const state = new BlockState(src, lines, root, codeLines);
  return state.tokenize(0, state.lineMax) ? { root, codeLines } : undefined;
}

/** The rules that may end a paragraph (`paragraph` alternatives) or a list (`list` alternatives). */
type Terminators = 'paragraph' | 'list';

/** markdown-it's `maxNesting` in the CommonMark preset. */
const MAX_NESTING = 20;

function isSpace(code: number): boolean {
  return code === 0x09 || code === 0x20;
}

/** markdown-it's `asciiTrim`: spaces, tabs and line breaks only, so other Unicode spaces stay. */
function asciiTrim(str: string): string {
  let start = 0;
  while (start < str.length && isAsciiTrimmable(str.charCodeAt(start))) start++;
  let end = str.length - 1;
  while (end >= start && isAsciiTrimmable(str.charCodeAt(end))) end--;
  return str.slice(start, end + 1);
}

function isAsciiTrimmable(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * markdown-it's `StateBlock` with the parts the ported rules use. The rules return `true` when
 * they matched, `false` when not; when a rule that is not ported could have matched, `giveUp`
 * sets `gaveUp` and every caller returns `false` up to `scanBlocks`. Blocks are built as markdown-it would push their tokens.
 */
class BlockState {
  readonly bMarks: number[] = [];
  readonly eMarks: number[] = [];
  readonly tShift: number[] = [];
  readonly sCount: number[] = [];
  readonly lineMax: number;
  blkIndent = 0;
  line = 0;
  listIndent = -1;
  parentType: 'root' | 'list' | 'paragraph' = 'root';
  level = 0;
  /** Set when a rule that is not ported could match: markdown-it must parse the file. */
  gaveUp = false;
  private readonly stack: Block[];

  constructor(
    readonly src: string,
    private readonly lines: LineIndex,
    root: Block,
    private readonly codeLines: Set<number>,
  ) {
    this.stack = [root];
    // StateBlock's constructor, by line breaks found with indexOf rather than a loop over every
    // character: each line's start, end and leading white space (tShift in characters, sCount in
    // columns with tabs to the next multiple of 4), and its quirk that a last line of only white
    // space, with no line break after it, is dropped.
    const len = src.length;
    for (let start = 0; start < len;) {
      const br = src.indexOf('\n', start);
      const end = br < 0 ? len : br;
      let pos = start;
      let offset = 0;
      for (; pos < end; pos++) {
        const ch = src.charCodeAt(pos);
        if (ch === 0x20) offset++;
        else if (ch === 0x09) offset += 4 - (offset % 4);
        else break;
      }
      if (br < 0 && pos === end) break;
      this.bMarks.push(start);
      this.eMarks.push(end);
      this.tShift.push(pos - start);
      this.sCount.push(offset);
      start = end + 1;
    }
    this.bMarks.push(len);
    this.eMarks.push(len);
    this.tShift.push(0);
    this.sCount.push(0);
    this.lineMax = this.bMarks.length - 1;
  }

  /** Gives up the scan; every rule returns at once when `gaveUp` is set. */
  private giveUp(): false {
    this.gaveUp = true;
    return false;
  }

  isEmpty(line: number): boolean {
    return this.bMarks[line]! + this.tShift[line]! >= this.eMarks[line]!;
  }

  skipEmptyLines(from: number): number {
    for (const max = this.lineMax; from < max; from++) if (this.bMarks[from]! + this.tShift[from]! < this.eMarks[from]!) break;
    return from;
  }

  skipSpaces(pos: number): number {
    for (const max = this.src.length; pos < max; pos++) if (!isSpace(this.src.charCodeAt(pos))) break;
    return pos;
  }

  skipSpacesBack(pos: number, min: number): number {
    if (pos <= min) return pos;
    while (pos > min) if (!isSpace(this.src.charCodeAt(--pos))) return pos + 1;
    return pos;
  }

  skipChars(pos: number, code: number): number {
    for (const max = this.src.length; pos < max; pos++) if (this.src.charCodeAt(pos) !== code) break;
    return pos;
  }

  skipCharsBack(pos: number, code: number, min: number): number {
    if (pos <= min) return pos;
    while (pos > min) if (code !== this.src.charCodeAt(--pos)) return pos + 1;
    return pos;
  }

  /** StateBlock.getLines; `bsCount` is always 0 outside blockquotes, which are not ported. */
  getLines(begin: number, end: number, indent: number, keepLastLF: boolean): string {
    if (begin >= end) return '';
    let out = '';
    for (let line = begin; line < end; line++) {
      let lineIndent = 0;
      const lineStart = this.bMarks[line]!;
      let first = lineStart;
      const last = line + 1 < end || keepLastLF ? this.eMarks[line]! + 1 : this.eMarks[line]!;
      while (first < last && lineIndent < indent) {
        const ch = this.src.charCodeAt(first);
        if (isSpace(ch)) {
          if (ch === 9) lineIndent += 4 - (lineIndent % 4);
          else lineIndent++;
        } else if (first - lineStart < this.tShift[line]!) lineIndent++;
        else break;
        first++;
      }
      out += lineIndent > indent ? ' '.repeat(lineIndent - indent) + this.src.slice(first, last) : this.src.slice(first, last);
    }
    return out;
  }

  // --- building the tree, where markdown-it pushes tokens ---

  private open(type: Block['type'], startLine: number, extra: { depth?: number; ordered?: boolean; number?: string }): Block {
    // The same properties, in the same order, as parseMarkdown's blocks.
    const block: Block = { type, startLine, endLine: startLine, depth: extra.depth, ordered: extra.ordered, number: extra.number, children: [] };
    this.stack[this.stack.length - 1]!.children.push(block);
    this.stack.push(block);
    this.level++;
    return block;
  }

  /** Closes the innermost block; `end` is its map's end (exclusive), as markdown-it records it. */
  private close(end: number): void {
    const block = this.stack.pop()!;
    block.endLine = lastContentLine(this.lines, block.startLine, end - 1);
    this.level--;
  }

  private inline(content: string): void {
    (this.stack[this.stack.length - 1] as { content?: string }).content = content;
  }

  private leaf(type: 'code' | 'html' | 'rule', startLine: number, end: number): void {
    const endLine = type === 'rule' ? startLine : lastContentLine(this.lines, startLine, end - 1);
    this.stack[this.stack.length - 1]!.children.push({ type, startLine, endLine, children: [] });
    if (type !== 'rule') for (let l = startLine; l <= endLine; l++) this.codeLines.add(l);
  }

  // --- ParserBlock.tokenize ---

  /** False when the scan gave up. */
  tokenize(startLine: number, endLine: number): boolean {
    let line = startLine;
    while (line < endLine) {
      this.line = line = this.skipEmptyLines(line);
      if (line >= endLine) break;
      if (this.sCount[line]! < this.blkIndent) break;
      // markdown-it stops parsing below its nesting limit; such a file is left to it.
      if (this.level >= MAX_NESTING) return this.giveUp();
      if (!this.block(line, endLine) || this.gaveUp) return this.giveUp();
      line = this.line;
      if (line < endLine && this.isEmpty(line)) {
        line++;
        this.line = line;
      }
    }
    return !this.gaveUp;
  }

  /** The block rules in markdown-it's order: code, fence, blockquote, hr, list, reference, html_block, heading, lheading, paragraph. */
  private block(line: number, endLine: number): boolean {
    // code: indented code is not ported.
    if (this.sCount[line]! - this.blkIndent >= 4) return this.giveUp();
    if (this.fence(line, endLine, false)) return true;
    const first = this.src.charCodeAt(this.bMarks[line]! + this.tShift[line]!);
    // blockquote, and (after hr and list) html_block: not ported, and they match only on `>` and `<`.
    if (first === 0x3e) return this.giveUp();
    if (this.hr(line, false)) return true;
    if (this.list(line, endLine, false)) return true;
    if (this.gaveUp) return false;
    if (first === 0x5b && this.mayBeReference(line)) return this.giveUp();
    if (first === 0x3c) return this.isComment(line) ? this.htmlComment(line, endLine) : this.giveUp();
    if (this.heading(line, false)) return true;
    return this.paragraphOrSetextHeading(line, endLine);
  }

  /** Whether any rule of markdown-it's terminator chain for a paragraph or a list matches `line` (silent mode). */
  private terminates(chain: Terminators, line: number, endLine: number): boolean {
    if (this.fence(line, endLine, true)) return true;
    const pos = this.bMarks[line]! + this.tShift[line]!;
    const first = this.src.charCodeAt(pos);
    // A blockquote (or, ending a paragraph, an HTML block other than a comment) that could start here: not ported.
    if (this.sCount[line]! - this.blkIndent < 4 && (first === 0x3e || (chain === 'paragraph' && first === 0x3c && !this.isComment(line)))) {
      this.giveUp();
      return true;
    }
    if (this.hr(line, true)) return true;
    if (chain === 'list') return false;
    if (this.list(line, endLine, true)) return true;
    // html_block, of which only comments are ported; they end a paragraph.
    if (first === 0x3c && this.sCount[line]! - this.blkIndent < 4) return true;
    return this.heading(line, true);
  }

  /**
   * A link reference definition starts with `[label]:`. The label cannot hold `[` and ends at the
   * first `]`; when the first line shows a `]` not followed by `:`, or a `[`, before any escape,
   * it is certainly not one. Anything else (an escape, a label running onto the next line) might be.
   */
  private mayBeReference(line: number): boolean {
    const max = this.eMarks[line]!;
    for (let pos = this.bMarks[line]! + this.tShift[line]! + 1; pos < max; pos++) {
      const ch = this.src.charCodeAt(pos);
      if (ch === 0x5b) return false;
      if (ch === 0x5d) return this.src.charCodeAt(pos + 1) === 0x3a;
      if (ch === 0x5c) return true;
    }
    return true;
  }

  // --- rules_block/html_block.ts, for comments only ---

  /** The line starts an HTML comment (`<!--`), the one HTML block spec files hold often (suppressions, template notes). */
  private isComment(line: number): boolean {
    return this.src.startsWith('<!--', this.bMarks[line]! + this.tShift[line]!);
  }

  /**
   * An HTML block of markdown-it's comment sequence (`/^<!--/` to `/-->/`): no earlier sequence
   * matches a line starting `<!--`. It runs to the line holding `-->`, or stops before a
   * non-blank line indented less than its container.
   */
  private htmlComment(startLine: number, endLine: number): boolean {
    let nextLine = startLine + 1;
    if (!this.src.slice(this.bMarks[startLine]! + this.tShift[startLine]!, this.eMarks[startLine]!).includes('-->')) {
      for (; nextLine < endLine; nextLine++) {
        if (this.sCount[nextLine]! < this.blkIndent && !this.isEmpty(nextLine)) break;
        const lineText = this.src.slice(this.bMarks[nextLine]! + this.tShift[nextLine]!, this.eMarks[nextLine]!);
        if (lineText.includes('-->')) {
          if (lineText.length !== 0) nextLine++;
          break;
        }
      }
    }
    this.line = nextLine;
    this.leaf('html', startLine, nextLine);
    return true;
  }

  // --- rules_block/fence.ts ---

  private fence(startLine: number, endLine: number, silent: boolean): boolean {
    let pos = this.bMarks[startLine]! + this.tShift[startLine]!;
    let max = this.eMarks[startLine]!;
    if (this.sCount[startLine]! - this.blkIndent >= 4) return false;
    if (pos + 3 > max) return false;
    const marker = this.src.charCodeAt(pos);
    if (marker !== 0x7e && marker !== 0x60) return false;
    let mem = pos;
    pos = this.skipChars(pos, marker);
    const len = pos - mem;
    if (len < 3) return false;
    if (marker === 0x60 && this.src.slice(pos, max).includes('`')) return false;
    if (silent) return true;
    let nextLine = startLine;
    let haveEndMarker = false;
    for (;;) {
      nextLine++;
      if (nextLine >= endLine) break;
      pos = mem = this.bMarks[nextLine]! + this.tShift[nextLine]!;
      max = this.eMarks[nextLine]!;
      if (pos < max && this.sCount[nextLine]! < this.blkIndent) break;
      if (this.src.charCodeAt(pos) !== marker) continue;
      if (this.sCount[nextLine]! - this.blkIndent >= 4) continue;
      pos = this.skipChars(pos, marker);
      if (pos - mem < len) continue;
      pos = this.skipSpaces(pos);
      if (pos < max) continue;
      haveEndMarker = true;
      break;
    }
    this.line = nextLine + (haveEndMarker ? 1 : 0);
    this.leaf('code', startLine, this.line);
    return true;
  }

  // --- rules_block/hr.ts ---

  private hr(startLine: number, silent: boolean): boolean {
    const max = this.eMarks[startLine]!;
    if (this.sCount[startLine]! - this.blkIndent >= 4) return false;
    let pos = this.bMarks[startLine]! + this.tShift[startLine]!;
    const marker = this.src.charCodeAt(pos++);
    if (marker !== 0x2a && marker !== 0x2d && marker !== 0x5f) return false;
    let cnt = 1;
    while (pos < max) {
      const ch = this.src.charCodeAt(pos++);
      if (ch !== marker && !isSpace(ch)) return false;
      if (ch === marker) cnt++;
    }
    if (cnt < 3) return false;
    if (silent) return true;
    this.line = startLine + 1;
    this.leaf('rule', startLine, this.line);
    return true;
  }

  // --- rules_block/list.ts ---

  private skipBulletListMarker(startLine: number): number {
    const max = this.eMarks[startLine]!;
    let pos = this.bMarks[startLine]! + this.tShift[startLine]!;
    const marker = this.src.charCodeAt(pos++);
    if (marker !== 0x2a && marker !== 0x2d && marker !== 0x2b) return -1;
    if (pos < max && !isSpace(this.src.charCodeAt(pos))) return -1;
    return pos;
  }

  private skipOrderedListMarker(startLine: number): number {
    const start = this.bMarks[startLine]! + this.tShift[startLine]!;
    const max = this.eMarks[startLine]!;
    let pos = start;
    if (pos + 1 >= max) return -1;
    let ch = this.src.charCodeAt(pos++);
    if (ch < 0x30 || ch > 0x39) return -1;
    for (;;) {
      if (pos >= max) return -1;
      ch = this.src.charCodeAt(pos++);
      if (ch >= 0x30 && ch <= 0x39) {
        if (pos - start >= 10) return -1;
        continue;
      }
      if (ch === 0x29 || ch === 0x2e) break;
      return -1;
    }
    if (pos < max && !isSpace(this.src.charCodeAt(pos))) return -1;
    return pos;
  }

  private list(startLine: number, endLine: number, silent: boolean): boolean {
    let nextLine = startLine;
    if (this.sCount[nextLine]! - this.blkIndent >= 4) return false;
    if (this.listIndent >= 0 && this.sCount[nextLine]! - this.listIndent >= 4 && this.sCount[nextLine]! < this.blkIndent) return false;
    let isTerminatingParagraph = false;
    if (silent && this.parentType === 'paragraph' && this.sCount[nextLine]! >= this.blkIndent) isTerminatingParagraph = true;
    let isOrdered: boolean;
    let start = 0;
    let posAfterMarker = this.skipOrderedListMarker(nextLine);
    if (posAfterMarker >= 0) {
      isOrdered = true;
      start = this.bMarks[nextLine]! + this.tShift[nextLine]!;
      if (isTerminatingParagraph && Number(this.src.slice(start, posAfterMarker - 1)) !== 1) return false;
    } else if ((posAfterMarker = this.skipBulletListMarker(nextLine)) >= 0) isOrdered = false;
    else return false;
    if (isTerminatingParagraph && this.skipSpaces(posAfterMarker) >= this.eMarks[nextLine]!) return false;
    if (silent) return true;

    const markerCharCode = this.src.charCodeAt(posAfterMarker - 1);
    this.open('list', startLine, { ordered: isOrdered });
    const oldParentType = this.parentType;
    this.parentType = 'list';
    while (nextLine < endLine) {
      let pos = posAfterMarker;
      const max = this.eMarks[nextLine]!;
      const initial = this.sCount[nextLine]! + posAfterMarker - (this.bMarks[nextLine]! + this.tShift[nextLine]!);
      let offset = initial;
      while (pos < max) {
        const ch = this.src.charCodeAt(pos);
        if (ch === 0x09) offset += 4 - (offset % 4);
        else if (ch === 0x20) offset++;
        else break;
        pos++;
      }
      const contentStart = pos;
      let indentAfterMarker = contentStart >= max ? 1 : offset - initial;
      if (indentAfterMarker > 4) indentAfterMarker = 1;
      const indent = initial + indentAfterMarker;
      // list_item_open: the number as written is its `info`; a bullet's is empty, which parseMarkdown leaves out.
      const itemNumber = isOrdered ? this.src.slice(start, posAfterMarker - 1) : '';
      this.open('listItem', nextLine, { number: itemNumber || undefined });
      const oldTShift = this.tShift[nextLine]!;
      const oldSCount = this.sCount[nextLine]!;
      const oldListIndent = this.listIndent;
      this.listIndent = this.blkIndent;
      this.blkIndent = indent;
      this.tShift[nextLine] = contentStart - this.bMarks[nextLine]!;
      this.sCount[nextLine] = offset;
      if (contentStart >= max && this.isEmpty(nextLine + 1)) this.line = Math.min(this.line + 2, endLine);
      else if (!this.tokenize(nextLine, endLine)) return false;
      this.blkIndent = this.listIndent;
      this.listIndent = oldListIndent;
      this.tShift[nextLine] = oldTShift;
      this.sCount[nextLine] = oldSCount;
      nextLine = this.line;
      this.close(nextLine);
      if (nextLine >= endLine) break;
      if (this.sCount[nextLine]! < this.blkIndent) break;
      if (this.sCount[nextLine]! - this.blkIndent >= 4) break;
      if (this.terminates('list', nextLine, endLine)) break;
      if (isOrdered) {
        posAfterMarker = this.skipOrderedListMarker(nextLine);
        if (posAfterMarker < 0) break;
        start = this.bMarks[nextLine]! + this.tShift[nextLine]!;
      } else {
        posAfterMarker = this.skipBulletListMarker(nextLine);
        if (posAfterMarker < 0) break;
      }
      if (markerCharCode !== this.src.charCodeAt(posAfterMarker - 1)) break;
    }
    this.close(nextLine);
    this.line = nextLine;
    this.parentType = oldParentType;
    return !this.gaveUp;
  }

  // --- rules_block/heading.ts ---

  private heading(startLine: number, silent: boolean): boolean {
    let pos = this.bMarks[startLine]! + this.tShift[startLine]!;
    let max = this.eMarks[startLine]!;
    if (this.sCount[startLine]! - this.blkIndent >= 4) return false;
    let ch = this.src.charCodeAt(pos);
    if (ch !== 0x23 || pos >= max) return false;
    let level = 1;
    ch = this.src.charCodeAt(++pos);
    while (ch === 0x23 && pos < max && level <= 6) {
      level++;
      ch = this.src.charCodeAt(++pos);
    }
    if (level > 6 || (pos < max && !isSpace(ch))) return false;
    if (silent) return true;
    max = this.skipSpacesBack(max, pos);
    const tmp = this.skipCharsBack(max, 0x23, pos);
    if (tmp > pos && isSpace(this.src.charCodeAt(tmp - 1))) max = tmp;
    this.line = startLine + 1;
    this.open('heading', startLine, { depth: level });
    this.inline(asciiTrim(this.src.slice(pos, max)));
    this.close(this.line);
    return true;
  }

  // --- rules_block/lheading.ts and paragraph.ts ---

  /**
   * markdown-it tries lheading, then paragraph, on the same lines with the same terminators; they
   * stop at the same line unless lheading finds an underline first, so one loop serves both.
   */
  private paragraphOrSetextHeading(startLine: number, endLine: number): boolean {
    const oldParentType = this.parentType;
    this.parentType = 'paragraph';
    let level = 0;
    let nextLine = startLine + 1;
    for (; nextLine < endLine && !this.isEmpty(nextLine); nextLine++) {
      if (this.sCount[nextLine]! - this.blkIndent > 3) continue;
      if (this.sCount[nextLine]! >= this.blkIndent) {
        let pos = this.bMarks[nextLine]! + this.tShift[nextLine]!;
        const max = this.eMarks[nextLine]!;
        if (pos < max) {
          const marker = this.src.charCodeAt(pos);
          if (marker === 0x2d || marker === 0x3d) {
            pos = this.skipSpaces(this.skipChars(pos, marker));
            if (pos >= max) {
              level = marker === 0x3d ? 1 : 2;
              break;
            }
          }
        }
      }
      if (this.terminates('paragraph', nextLine, endLine)) break;
    }
    this.parentType = oldParentType;
    if (this.gaveUp) return false;
    const content = asciiTrim(this.getLines(startLine, nextLine, this.blkIndent, false));
    if (level) {
      this.line = nextLine + 1;
      this.open('heading', startLine, { depth: level });
    } else {
      this.line = nextLine;
      this.open('paragraph', startLine, {});
    }
    this.inline(content);
    this.close(this.line);
    return true;
  }
}
