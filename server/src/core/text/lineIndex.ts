// @spec specthread-core#14.7
import { PositionPool } from './positionPool';
import { Position, Range } from './range';

/**
 * Maps string offsets to line/character positions for one text. Built once per parse; lookups
 * are a binary search over line starts. With the engine's `pool`, the positions it makes are the
 * pool's shared ones (positionPool.ts); without one, each is an object of its own.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    private readonly pool?: PositionPool,
  ) {
    // Most texts hold no `\r`: then `indexOf` finds each line break in native code, where a loop
    // over every character was a visible share of parsing a repository's spec files.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a line break (between the \r and the \n of \r\n) is the end of its line:
    // positions never point past a line's last character.
    return this.at(lo, Math.min(clamped, this.lineEnd(lo)) - this.lineStarts[lo]!);
  }

  /** The position `line`:`character`, from the pool when there is one. */
  at(line: number, character: number): Position {
    return this.pool ? this.pool.at(line, character) : { line, character };
  }

  /** The range between two places given as lines and characters, its positions from the pool when there is one. */
  span(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
    if (this.pool) return this.pool.range(startLine, startCharacter, endLine, endCharacter);
    return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[pos.line]! + pos.character, this.lineEnd(pos.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset of the end of `line`, before its line break. */
  lineEnd(line: number): number {
    // Fields read once into locals: parsers call this a few times per line, mostly from code a
    // CLI run executes unoptimised, where each property read is a call of its own.
    const starts = this.lineStarts;
    const text = this.text;
    const start = starts[line];
    let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
    if (start === undefined || end <= start) return end;
    let last = text.charCodeAt(end - 1);
    if (last === 10) {
      end--;
      if (end <= start) return end;
      last = text.charCodeAt(end - 1);
    }
    if (last === 13) end--;
    return end;
  }

  /** The length of `line`'s text, without cutting it out. */
  lineLength(line: number): number {
    return this.lineEnd(line) - this.lineStarts[line]!;
  }

  /**
   * How many characters `trimStart` removes from `line`'s text: read from the text, so that ranges
   * from a line's first non-blank character do not cut the line out. White space other than ASCII
   * is left to `trimStart` itself.
   */
  leadingBlanks(line: number): number {
    const start = this.lineStarts[line]!;
    // Most lines start with a printable ASCII character (it cannot be the line's break): none to skip.
    const first = this.text.charCodeAt(start);
    if (first > 0x20 && first < 0x80) return 0;
    const end = this.lineEnd(line);
    let i = start;
    while (i < end) {
      const c = this.text.charCodeAt(i);
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) i++;
      else if (c < 0x80) break;
      else {
        const text = this.lineText(line);
        return text.length - text.trimStart().length;
      }
    }
    return i - start;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** `line` must be below lineCount. */
  lineStart(line: number): number {
    return this.lineStarts[line]!;
  }

  /**
   * True when `line` is empty or holds only the blanks `leadingBlanks` skips. Most lines start with
   * a printable ASCII character, which answers at once; OpenSpec's readers ask this of every line
   * of every file.
   */
  isBlank(line: number): boolean {
    const first = this.text.charCodeAt(this.lineStarts[line]!);
    if (first > 0x20 && first < 0x80) return false;
    return this.leadingBlanks(line) === this.lineLength(line);
  }

  /**
   * Every line's start offset, in order (line breaks after each but the last). For the passes that
   * read every line of a file: a call of `lineStart` per line was a visible share of them, as a CLI
   * run executes that code unoptimised.
   */
  get starts(): readonly number[] {
    return this.lineStarts;
  }
}
