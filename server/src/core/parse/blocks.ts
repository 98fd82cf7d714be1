import { LineIndex } from '../text/lineIndex';

/** The block tree of one Markdown file, as `markdown.ts` builds it from markdown-it or `blockScan.ts` scans it. */

export type BlockType = 'root' | 'heading' | 'paragraph' | 'list' | 'listItem' | 'code' | 'html' | 'blockquote' | 'table' | 'rule';

export interface Block {
  readonly type: BlockType;
  /** First line (zero-based). */
  readonly startLine: number;
  /** Last line (zero-based, inclusive), trailing blank lines excluded. */
  endLine: number;
  /** Heading level 1–6. */
  readonly depth?: number;
  /** For lists: numbered or bulleted. */
  readonly ordered?: boolean;
  /** For list items of numbered lists: the number as written (`3` in `3. …`). */
  readonly number?: string;
  /** Raw inline Markdown of headings and paragraphs. */
  readonly content?: string;
  readonly children: Block[];
}

export interface MarkdownDoc {
  readonly text: string;
  readonly lines: LineIndex;
  readonly root: Block;
  /** Line numbers (zero-based) inside code and HTML blocks, where nothing is parsed as spec. */
  readonly codeLines: ReadonlySet<number>;
  /**
   * The lines starting with `#` outside code, in order, when the reader that made the document
   * noted them on its way (OpenSpec's line scan); otherwise whoever needs them finds them.
   */
  readonly hashLines?: readonly number[];
}

/** The last line from `from` to `to` that is not blank: a block's map ends after its trailing blank lines. */
export function lastContentLine(lines: LineIndex, from: number, to: number): number {
  let end = Math.min(to, lines.lineCount - 1);
  while (end > from && isBlank(lines, end)) end--;
  return end;
}

/**
 * The line is empty after `trim()`. Runs for every block; most lines start with a printable ASCII
 * character, which answers without cutting the line out of the text, and the rest ask `trim()`.
 */
function isBlank(lines: LineIndex, line: number): boolean {
  const start = lines.lineStart(line);
  if (start < lines.lineEnd(line)) {
    const first = lines.text.charCodeAt(start);
    if (first > 0x20 && first < 0x7f) return false;
  }
  return lines.lineText(line).trim() === '';
}
