// @spec specthread-core#14.4
import { FileNote, isDeclined } from './fileNote';

/**
 * The notes the workspace gave the engine, by path: from the last listing (symlinks it would not
 * follow) and from the last read of each file (declined or degraded). A later read of the same
 * file replaces its note, so a fixed file loses it.
 */
export class FileNoteStore {
  private readonly fromReads = new Map<string, FileNote>();
  private fromListing = new Map<string, FileNote>();

  /** Records the outcome of one read; returns true when the file's note changed. */
  setRead(path: string, note: FileNote | undefined): boolean {
    const before = this.fromReads.get(path);
    if (note) this.fromReads.set(path, note);
    else this.fromReads.delete(path);
    return before?.reason !== note?.reason || before?.detail !== note?.detail;
  }

  /** Replaces every listing note with those of a new listing. */
  setListing(notes: readonly FileNote[]): void {
    this.fromListing = new Map(notes.map((n) => [n.path, n]));
  }

  /** The file is gone, or an editor buffer now gives its text: a declined note no longer holds. */
  forget(path: string, onlyDeclined: boolean): void {
    for (const map of [this.fromReads, this.fromListing]) {
      const note = map.get(path);
      if (note && (!onlyDeclined || isDeclined(note))) map.delete(path);
    }
  }

  /** Forgets every note, before a full re-index. */
  clear(): void {
    this.fromReads.clear();
    this.fromListing.clear();
  }

  get(path: string): FileNote | undefined {
    return this.fromReads.get(path) ?? this.fromListing.get(path);
  }

  /** Every note, sorted by path, one per path. */
  all(): FileNote[] {
    const byPath = new Map([...this.fromListing, ...this.fromReads]);
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
