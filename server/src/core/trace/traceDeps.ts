// @spec specthread-core#21.1
import { editDistance } from '../checks/suggest';

/**
 * What the incremental trace analysis needs to know about its own dependencies: which parts an
 * edit moved, which spec names a ref naming no spec is compared with, and which path segments a
 * created or deleted file can change the answer for.
 */

/** The parts whose trace findings may have moved since the language server last asked, or `all`. */
export interface TraceChanges {
  all: boolean;
  readonly specDirs: Set<string>;
  readonly paths: Set<string>;
}

/**
 * Whether "did you mean" for a ref to the unknown spec `name` may list one of `names`: the
 * same distance bound as SpecDirectory.suggest, so only refs whose suggestions could move are
 * checked again.
 */
export function namesNear(name: string, names: readonly string[]): boolean {
  const bound = Math.max(2, Math.ceil(name.length / 3));
  return names.some((n) => Math.abs(n.length - name.length) <= bound && editDistance(name, n) <= bound);
}

/**
 * Every segment of a path. A file created or deleted at `path` changes whether a path exists
 * only for that path and the folders above it, and changes FilesElsewhere's answers only for
 * its name: all of them end in one of these segments.
 */
export function segmentsOf(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}
