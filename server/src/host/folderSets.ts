// @spec specthread-core#14.6
import { parentOf } from './paths';

/** Sets of folders: which to re-list after a burst of watcher events, and whether a path lies in one. */

/** Past this many separate folders, re-listing the roots is cheaper than listing each. */
const MAX_FOLDERS = 64;

/**
 * The folders to re-list after a burst of events on `paths`: the parent folder of each path,
 * keeping only the outermost ones (re-listing a folder covers everything below it), or the
 * roots themselves when the burst is spread over many folders.
 */
export function affectedFolders(paths: readonly string[], roots: readonly string[]): string[] {
  const parents = new Set(paths.map(parentOf).filter((p) => p.length > 0));
  const outermost = [...parents].filter((dir) => !hasAncestorIn(dir, parents));
  return outermost.length > MAX_FOLDERS ? [...roots] : outermost.sort();
}

/** Walks up one folder at a time: linear in the depth, not in the number of folders. */
function hasAncestorIn(dir: string, set: ReadonlySet<string>): boolean {
  for (let p = parentOf(dir); p.length > 0; p = parentOf(p)) if (set.has(p)) return true;
  return false;
}

/** True when `path` is one of `folders` or lies below one of them. */
export function isAtOrUnder(path: string, folders: ReadonlySet<string>): boolean {
  return folders.has(path) || hasAncestorIn(path, folders);
}
