// @spec specthread-core#14.7
import { Position, Range } from '../../../server/src/core/text/range';

/**
 * Whether positions and ranges lie inside a document as an LSP client sees it: lines end at
 * `\r\n`, `\r` or `\n` (and nothing else), characters are UTF-16 code units, and a position may
 * sit at most at the end of its line (before the line break).
 */

export class DocumentShape {
  private readonly lengths: number[];

  constructor(readonly text: string) {
    this.lengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
  }

  get lineCount(): number {
    return this.lengths.length;
  }

  lineLength(line: number): number {
    return this.lengths[line];
  }

  lineText(line: number): string {
    return this.text.split(/\r\n|\r|\n/)[line] ?? '';
  }

  /** Why `pos` lies outside the document, or undefined when it is inside. */
  positionProblem(pos: Position): string | undefined {
    if (!Number.isInteger(pos.line) || !Number.isInteger(pos.character) || pos.line < 0 || pos.character < 0) return `not a position: ${JSON.stringify(pos)}`;
    if (pos.line >= this.lengths.length) return `line ${pos.line} >= line count ${this.lengths.length}`;
    if (pos.character > this.lengths[pos.line])
      return `character ${pos.character} > length ${this.lengths[pos.line]} of line ${pos.line} (${JSON.stringify(this.lineText(pos.line).slice(0, 80))})`;
    return undefined;
  }

  rangeProblem(range: Range): string | undefined {
    const p = this.positionProblem(range.start) ?? this.positionProblem(range.end);
    if (p) return p;
    const { start, end } = range;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start after end: ${JSON.stringify(range)}`;
    return undefined;
  }

  /** A position inside the document chosen by two arbitrary naturals. */
  positionFrom(a: number, b: number): Position {
    const line = a % this.lengths.length;
    return { line, character: b % (this.lengths[line] + 1) };
  }

  end(): Position {
    const line = this.lengths.length - 1;
    return { line, character: this.lengths[line] };
  }
}
