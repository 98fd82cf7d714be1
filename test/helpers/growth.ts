// @spec specthread-core#14.3
/**
 * How much more work `work` does when its input grows by `factor`: linear work gives about
 * `factor`, quadratic work about `factor²`. Tests assert with wide margins (well under
 * `factor²`), never against absolute times.
 *
 * The measure is this process's CPU time (`process.cpuUsage`), not the wall clock: while other
 * processes hold the cores, a descheduled run does not advance its CPU time, so a loaded machine
 * (CI, or several test runs at once) no longer turns a linear run into a "quadratic" ratio. It
 * still grows with every step a super-linear regex or parser takes, so a real regression fails.
 */
export function growthRatio(work: (size: number) => unknown, size: number, factor: number, runs = 3): number {
  // What load still leaks into CPU time (cold caches after a switch, a GC slice) inflates one
  // measurement, never every one; quadratic work is slow on every attempt, so the smallest ratio
  // of a few attempts tells the two apart.
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio > factor * 2; attempt++) ratio = Math.min(ratio, measureOnce(work, size, factor, runs));
  return ratio;
}

/** CPU time (user + system) of this process, in microseconds. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function measureOnce(work: (size: number) => unknown, size: number, factor: number, runs: number): number {
  const best = (n: number) => {
    let min = Infinity;
    for (let r = 0; r < runs; r++) {
      const start = cpuMicros();
      work(n);
      min = Math.min(min, cpuMicros() - start);
    }
    return Math.max(min, 1);
  };
  // The first call warms the JIT up, so that neither size pays for compilation.
  work(size);
  const small = best(size);
  const large = best(size * factor);
  // Below a millisecond of CPU the clock's granularity dominates; such work is fast enough whatever its ratio.
  return large < 1000 ? 1 : large / small;
}
