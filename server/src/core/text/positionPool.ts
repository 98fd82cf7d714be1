// @spec specthread-core#21.4
import { cacheKey } from '../analysisCache';
import { Position, Range } from './range';

/**
 * One frozen `Position` per place, shared by every range that starts or ends there. Parsed spec
 * files hold most of the engine's positions (a criterion has five, a task eight), and each was an
 * object of its own: at the benchmark's L size 1.07 million of them, 43 MB of the CLI's heap.
 * Positions are values, and spec files repeat the same few places (line 12, column 3) again and
 * again, so the engine keeps one of each and parsers take theirs from here: equal positions then
 * cost one object, whichever file or range they belong to. They are frozen because a shared
 * position that one reader moved would move for all.
 *
 * Ranges within one line are shared the same way (a criterion's id `1.` on line 12, a task's
 * checkbox): 463,000 ranges were another 18 MB at L, and most lie within one line.
 *
 * The pool is bounded: past `limit` places (and as many ranges), or for places too far out to key
 * by one number, it hands out fresh objects, which are equal in every respect but identity.
 */
export class PositionPool {
  private readonly positions = new Map<number, Position>();
  private readonly ranges = new Map<number, Range>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  at(line: number, character: number): Position {
    // line < 2^19 and character < 2^12 keep the key a small integer (a Smi: no heap number per key).
    if (!(line >= 0 && line < 0x80000 && character >= 0 && character < 0x1000) || !Number.isInteger(line) || !Number.isInteger(character)) {
      return { line, character };
    }
    const key = line * 0x1000 + character;
    const shared = this.positions.get(key);
    if (shared) return shared;
    const made = Object.freeze({ line, character });
    if (this.positions.size < this.limit) this.positions.set(key, made);
    return made;
  }

  /** The range between two places; shared when both lie on one line. */
  range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
    if (startLine !== endLine || !(endCharacter >= 0 && endCharacter < 0x1000) || !Number.isInteger(endCharacter)) {
      return { start: this.at(startLine, startCharacter), end: this.at(endLine, endCharacter) };
    }
    const start = this.at(startLine, startCharacter);
    // A start the pool did not key (out of range) is a fresh object; so is its range.
    if (this.positions.get(startLine * 0x1000 + startCharacter) !== start) return { start, end: this.at(endLine, endCharacter) };
    // Below 2^43: an exact integer, so no two ranges share a key.
    const key = (startLine * 0x1000 + startCharacter) * 0x1000 + endCharacter;
    const shared = this.ranges.get(key);
    if (shared) return shared;
    const made = Object.freeze({ start, end: this.at(endLine, endCharacter) });
    if (this.ranges.size < this.limit) this.ranges.set(key, made);
    return made;
  }

  /** How many places the pool holds; for tests. */
  get size(): number {
    return this.positions.size;
  }
}

/**
 * Enough for every place of a large workspace's spec files with room to spare: the 6,003 spec
 * files of the benchmark's L size need 11,801 places and 7,140 ranges. At most some 10 MB each,
 * however long a language server runs.
 */
const DEFAULT_LIMIT = 100_000;

/** The engine's pool, for the parsers it hands its `AnalysisCache` to. */
export const POSITION_POOL = cacheKey('positions', () => new PositionPool());
