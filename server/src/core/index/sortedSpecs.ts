import { SpecModel } from './specModel';

/**
 * The first index whose model's folder sorts at or after `dir` in `models`, a list sorted by folder
 * (the engine's spec list, in the order of `Array.prototype.sort`): where `dir`'s model is, or
 * would go. The spec list and the trace both patch it per edit instead of walking every spec.
 */
export function lowerBoundByDir(models: readonly SpecModel[], dir: string): number {
  let lo = 0;
  let hi = models.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (models[mid]!.dir < dir) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
