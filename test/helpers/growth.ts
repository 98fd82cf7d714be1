// @spec specthread-core#14.3
/**
 * How much slower `work` gets when its input grows by `factor`, measured in one run: the best of
 * a few timings at each size, so a busy machine inflates both sides alike. Linear work gives about
 * `factor`; quadratic work gives about `factor²`. Tests assert with wide margins (well under
 * `factor²`), never against absolute times.
 */
export function growthRatio(work: (size: number) => unknown, size: number, factor: number, runs = 3): number {
  // A machine busy with other work can stall one measurement for long; quadratic work is slow on
  // every attempt, so the smallest ratio of a few attempts tells the two apart without flaking.
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio > factor * 2; attempt++) ratio = Math.min(ratio, measureOnce(work, size, factor, runs));
  return ratio;
}

function measureOnce(work: (size: number) => unknown, size: number, factor: number, runs: number): number {
  const best = (n: number) => {
    let min = Infinity;
    for (let r = 0; r < runs; r++) {
      const start = process.hrtime.bigint();
      work(n);
      min = Math.min(min, Number(process.hrtime.bigint() - start));
    }
    return Math.max(min, 1);
  };
  // The first call warms the JIT up, so that neither size pays for compilation.
  work(size);
  const small = best(size);
  const large = best(size * factor);
  // Below a millisecond timer noise dominates; such work is fast enough whatever its ratio.
  return large < 1e6 ? 1 : large / small;
}
