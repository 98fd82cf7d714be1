// @spec specthread-core#14.3
import { Heading } from '../model';

/**
 * The last heading that starts at or above `line`, by binary search: headings come in line
 * order, and a scan per ref or per task made files with many headings quadratic.
 */
export function headingAtOrAbove(headings: readonly Heading[], line: number): Heading | undefined {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]!.range.start.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? headings[lo - 1] : undefined;
}
