/**
 * The index of the first of the ascending `sorted` at or after `value` (its length when none is):
 * where `value` is, or would go. Parsers keep line numbers and offsets in ascending lists and ask
 * this once per item they place, so a binary search keeps those files linear.
 */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
