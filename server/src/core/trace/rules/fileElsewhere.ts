// @spec specthread-core#16.4, specthread-core#21.1
/**
 * Where a file a task names may live when it is not at the path read from the project root. Real
 * repositories nest projects (`apps/web/src/x.ts` for a task's `src/x.ts`, a spec written from
 * inside `backend/`), and files move after their task was ticked (`catalog/…/product_price.dart`
 * now under `pricing/`). A file that exists under the named path as a suffix, or the only file in
 * the workspace with that name, is the task's file: calling it missing would be a guess.
 */
export class FilesElsewhere {
  private byName?: Map<string, number>;

  constructor(private readonly paths: () => Iterable<string>) {}

  /** Files were created or deleted: the names are counted again when next asked. */
  reset(): void {
    this.byName = undefined;
  }

  /** Whether some file ends with `/rel`, or is the only file named like `rel`'s last segment. */
  has(rel: string): boolean {
    const suffix = '/' + rel;
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (!this.byName) {
      this.byName = new Map();
      for (const p of this.paths()) {
        const base = p.slice(p.lastIndexOf('/') + 1);
        this.byName.set(base, (this.byName.get(base) ?? 0) + 1);
      }
    }
    if (this.byName.get(name) === 1) return true;
    if (!this.byName.get(name)) return false;
    for (const p of this.paths()) if (p.endsWith(suffix)) return true;
    return false;
  }
}
