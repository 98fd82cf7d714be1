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
  for (const id of pool) {
    const d = editDistanceWithin(wrong, id, limit);
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
 * The edit distance of `a` and `b` when it is at most `limit`, otherwise some number above
 * `limit`. Suggestions only keep candidates within a bound, and most candidates are far: the
 * lengths alone, or a row of the table whose every entry already exceeds the bound, settle them
 * without filling the whole table (a workspace's every unknown delta target was compared in full
 * with every requirement name of its base spec).
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      const d = Math.min(tmp + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev[j] = d;
      if (d < rowMin) rowMin = d;
      diag = tmp;
    }
    // Entries never decrease from one row to the next along any path, so the distance is at least this.
    if (rowMin > limit) return limit + 1;
  }
  return prev[b.length]!;
}

function lastNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('.') + 1)) || 0;
}
