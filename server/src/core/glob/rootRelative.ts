/**
 * The path of a file relative to the workspace folder that holds it, which is what globs are
 * matched against. Every code path of a workspace is classified this way several times (test
 * file? excluded? scannable?), so the folders' `/`-terminated prefixes are built once per list of
 * roots instead of once per question.
 */
export class RootRelative {
  private roots: readonly string[] | undefined;
  private prefixes: readonly { readonly root: string; readonly prefix: string }[] = [];

  constructor(private readonly currentRoots: () => readonly string[]) {}

  /** The path below the first root that holds it (one leading `/` dropped), or `undefined` outside every root. */
  of(path: string): string | undefined {
    const roots = this.currentRoots();
    if (roots !== this.roots) {
      // A host replaces the list when folders change, so identity tells when to rebuild.
      this.roots = roots;
      this.prefixes = roots.map((root) => ({ root, prefix: root.endsWith('/') ? root : root + '/' }));
    }
    for (const { root, prefix } of this.prefixes) {
      if (!path.startsWith(prefix)) continue;
      return path.charCodeAt(root.length) === 47 ? path.slice(root.length + 1) : path.slice(root.length);
    }
    return undefined;
  }
}

/**
 * `path.lastIndexOf('/')`, read from the end in script: V8 runs `lastIndexOf` in its runtime, a
 * call that costs more than the scan itself (60 M instructions for the 106,006 paths of the L
 * benchmark's listing under callgrind). Classifying a listing asks it of every path.
 */
export function lastSlashOf(path: string): number {
  let i = path.length - 1;
  while (i >= 0 && path.charCodeAt(i) !== 47) i--;
  return i;
}
