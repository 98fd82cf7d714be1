/**
 * "Did you mean" for ids: candidates ranked by edit distance, ties broken by sharing the
 * requirement number (a mistyped `2.7` is more likely `2.6` than `7.2`).
 */
export function suggestIds(wrong: string, candidates: Iterable<string>, max = 2): string[] {
  const major = wrong.split('.')[0];
  const all = [...candidates];
  // A criterion of the same requirement beats any look-alike elsewhere in the spec.
  const sameRequirement = all.filter((id) => id.includes('.') && id.split('.')[0] === major);
  const pool = sameRequirement.length ? sameRequirement : all;
  const scored: { id: string; score: number }[] = [];
  let limit = Math.max(2, Math.ceil(wrong.length / 2));
  /** The `max` best scores so far, ascending. */
  const best: number[] = [];
  const distanceTo = boundedDistanceFrom(wrong);
  for (const id of pool) {
    const d = distanceTo(id, limit);
    if (d > limit) continue;
    // Within the same requirement the numerically nearest criterion is the likeliest intent.
    const sameMajor = id.split('.')[0] === major;
    const near = sameMajor ? Math.abs(lastNumber(id) - lastNumber(wrong)) / 1000 : 1;
    const score = d * 2 + near;
    scored.push({ id, score });
    // A score is at least twice the distance: once `max` candidates score S or better, one
    // farther than S / 2 scores worse than all of them and cannot be suggested, so the bound tightens.
    let at = best.length;
    while (at > 0 && best[at - 1]! > score) at--;
    best.splice(at, 0, score);
    if (best.length > max) best.pop();
    if (best.length === max) limit = Math.min(limit, Math.floor(best[max - 1]! / 2));
  }
  scored.sort((a, b) => a.score - b.score || compareIds(a.id, b.id));
  return scored.slice(0, max).map((s) => s.id);
}

/** Orders dotted ids numerically: 1.2 < 1.10 < 2. */
export function compareIds(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const d = parseInt(x, 10) - parseInt(y, 10);
    if (d) return d;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(tmp + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * The edit distance of `a` and `b` when it is at most `limit`, otherwise `limit + 1`. Suggestions
 * only keep candidates within a bound, and most candidates are far; unknown delta targets compare
 * long requirement names with every name of their base spec, where the full table was the largest
 * part of the cross-spec checks.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  return boundedDistanceFrom(a)(b, limit);
}

/**
 * `editDistanceWithin(a, ·, ·)` with the work that depends on `a` alone done once, for comparing one
 * name with many. When either string has 1 to 32 characters the distance is computed 32 cells at a
 * time (bitParallelDistance); otherwise only the band of the table within `limit` of the diagonal.
 */
function boundedDistanceFrom(a: string): (b: string, limit: number) => number {
  const masks = a.length >= 1 && a.length <= WORD ? masksOf(a) : undefined;
  return (b, limit) => {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let d: number;
    if (masks) d = bitParallelDistance(masks, a.length, b);
    else if (b.length >= 1 && b.length <= WORD) d = bitParallelDistance(masksOf(b), b.length, a);
    else return bandedDistance(a, b, limit);
    return d > limit ? limit + 1 : d;
  };
}

/** Bits per step of bitParallelDistance: the pattern must fit in one 32-bit integer. */
const WORD = 32;

/** For each character of a pattern, the bit mask of the positions where it occurs. */
interface PatternMasks {
  readonly ascii: Int32Array;
  readonly other: Map<number, number>;
}

function masksOf(pattern: string): PatternMasks {
  const masks: PatternMasks = { ascii: new Int32Array(128), other: new Map() };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c < 128) masks.ascii[c]! |= 1 << i;
    else masks.other.set(c, (masks.other.get(c) ?? 0) | (1 << i));
  }
  return masks;
}

/**
 * The edit distance of a pattern of `m` characters (1 to 32, given by its masks) and `text`:
 * Myers' bit-vector algorithm in Hyyrö's form for the whole-string distance. Bit i of `pv` / `mv`
 * says the table's entry at pattern row i + 1 is one more / one less than the row above it, in the
 * current text column; one column costs a dozen integer operations instead of m cells. Bits above
 * the pattern hold junk, but carries and shifts only move upwards, so they never reach its bits.
 */
function bitParallelDistance(masks: PatternMasks, m: number, text: string): number {
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    const eq = c < 128 ? masks.ascii[c]! : (masks.other.get(c) ?? 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // Row 0 of the table counts up along the text (a whole-string distance, not a search).
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

/**
 * The banded table for two long strings: only cells within `limit` of the diagonal are computed
 * (a cell `i - j` or more off it is at least that distance), entries are capped at `limit + 1`,
 * which leaves every entry within the bound exact, and a row whose every entry exceeds the bound
 * ends the comparison.
 */
function bandedDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  const over = limit + 1;
  // row[j] is the capped entry (i, j) of the table for the row being filled, (i - 1, j) ahead of it.
  const row = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) row[j] = j < over ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = i > limit ? i - limit : 1;
    const to = i + limit < m ? i + limit : m;
    // Entry (i, from - 1): column 0 holds i; any other is off the band.
    const first = from === 1 && i < over ? i : over;
    let diag = row[from - 1]!;
    row[from - 1] = first;
    let left = first;
    let rowMin = first;
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const up = row[j]!;
      let d = diag + (code === b.charCodeAt(j - 1) ? 0 : 1);
      if (up + 1 < d) d = up + 1;
      if (left + 1 < d) d = left + 1;
      if (d > over) d = over;
      row[j] = d;
      diag = up;
      left = d;
      if (d < rowMin) rowMin = d;
    }
    // Entries never decrease from one row to the next along any path, so the distance is at least this.
    if (rowMin > limit) return over;
  }
  return row[m]!;
}

function lastNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('.') + 1)) || 0;
}
