import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Root, RootContent, Nodes, Heading as MdHeading } from 'mdast';
import { LineIndex } from '../text/lineIndex';
import { Range } from '../text/range';
import { Heading } from '../model';

/**
 * One Markdown file parsed with a CommonMark parser that keeps positions (mdast). Spec parsers
 * walk this tree for structure instead of matching lines, so fenced code, HTML blocks and
 * lazy continuation lines are understood the way a Markdown renderer understands them.
 */
export interface MarkdownDoc {
  readonly text: string;
  readonly lines: LineIndex;
  readonly root: Root;
  /** Line numbers (zero-based) that belong to code blocks, where nothing is parsed as spec. */
  readonly codeLines: ReadonlySet<number>;
}

export function parseMarkdown(text: string): MarkdownDoc {
  const root = fromMarkdown(text);
  const lines = new LineIndex(text);
  const codeLines = new Set<number>();
  visit(root, (node) => {
    if (node.type === 'code' || node.type === 'html') {
      const r = nodeRange(lines, node);
      if (r) for (let l = r.start.line; l <= r.end.line; l++) codeLines.add(l);
    }
  });
  return { text, lines, root, codeLines };
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

export function nodeRange(lines: LineIndex, node: Nodes): Range | undefined {
  if (!node.position) return undefined;
  return lines.rangeOf(startOffset(node), endOffset(node));
}

/** Depth-first walk over every node; the callback returns false to skip a node's children. */
export function visit(node: Nodes, fn: (node: Nodes, depth: number) => boolean | void, depth = 0): void {
  if (fn(node, depth) === false) return;
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, fn, depth + 1);
}

/** Plain text of a node: inline markup dropped, code spans kept as their content. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/**
 * Headings with the extent of their sections: a section runs until the next heading of the
 * same or a higher level, or the end of the file.
 */
export function collectHeadings(doc: MarkdownDoc): Heading[] {
  const found: { node: MdHeading; index: number }[] = [];
  doc.root.children.forEach((node: RootContent, index: number) => {
    if (node.type === 'heading') found.push({ node, index });
  });
  return found.map(({ node }, i) => {
    let end = doc.text.length;
    for (let j = i + 1; j < found.length; j++) {
      if (found[j].node.depth <= node.depth) {
        end = startOffset(found[j].node);
        break;
      }
    }
    const start = startOffset(node);
    return {
      text: plainText(node).trim(),
      depth: node.depth,
      range: doc.lines.rangeOf(start, endOffset(node)),
      sectionRange: doc.lines.rangeOf(start, trimTrailingWhitespace(doc.text, end)),
    };
  });
}

export function trimTrailingWhitespace(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
