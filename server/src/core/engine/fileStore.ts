// @spec specthread-core#2.4, specthread-core#14.1, specthread-core#21.4
import { CancellationToken } from '../cancellation';
import { Log, internalError, isCancellation } from '../faults';
import { Finding } from '../findings';
import { SpecLocation } from '../formats/location';
import { SpecFileFacts } from '../model';

/** One spec file as the engine holds it: its text, where it sits, and the facts parsed from it. */
export interface FileEntry {
  readonly text: string;
  readonly facts: SpecFileFacts;
  readonly location: SpecLocation;
  /** Set when the parser threw: the file is kept, empty, with this internal.error finding. */
  readonly failure?: Finding;
  /** Set when the workspace declined the file (see fileNote.ts): kept, empty, with its note as a finding. */
  readonly declined?: true;
}

export type FileParser = (path: string, location: SpecLocation, text: string, token: CancellationToken) => SpecFileFacts;

/**
 * The spec files the engine holds, by path and by spec folder, each parsed once per content:
 * setting the same text again parses nothing. A file may also be held as deferred: listed, with
 * its place in the layout, but not yet read (an archived change that no check reads). It counts
 * as a file of its spec folder, yet has no entry until it is put.
 */
export class SpecFileStore {
  private readonly files = new Map<string, FileEntry>();
  private readonly specFiles = new Map<string, Set<string>>();
  private readonly deferred = new Map<string, SpecLocation>();
  /**
   * The location first held for each spec folder: later files of the folder take its `specDir`
   * and `specId` strings instead of keeping copies of their own (at L, 4,000 copies, about 0.5 MB).
   */
  private readonly folderLocations = new Map<string, SpecLocation>();

  constructor(
    private readonly parser: FileParser,
    private readonly log: Log | undefined,
  ) {}

  get(path: string): FileEntry | undefined {
    return this.files.get(path);
  }

  /** True for a file held read or deferred. */
  has(path: string): boolean {
    return this.files.has(path) || this.deferred.has(path);
  }

  /** Every file held, read or deferred. */
  paths(): string[] {
    return [...this.files.keys(), ...this.deferred.keys()];
  }

  clear(): void {
    this.files.clear();
    this.specFiles.clear();
    this.deferred.clear();
    this.folderLocations.clear();
  }

  /** Holds a file as listed but not read; putting its text later replaces this. */
  defer(path: string, location: SpecLocation): void {
    if (this.files.has(path)) return;
    this.deferred.set(path, this.shared(location));
    const set = this.specFiles.get(location.specDir) ?? new Set<string>();
    set.add(path);
    this.specFiles.set(location.specDir, set);
  }

  /** The files held as deferred, with where they sit. */
  deferredFiles(): ReadonlyMap<string, SpecLocation> {
    return this.deferred;
  }

  /**
   * Stores a file's text (parsed), an empty entry for a declined file, or with `undefined`
   * removes it. Returns false when nothing changed (same text, or an unknown file removed).
   */
  put(path: string, location: SpecLocation, text: string | undefined, token: CancellationToken, declined: boolean): boolean {
    const previous = this.files.get(path);
    const wasDeferred = this.deferred.delete(path);
    if (text === undefined) {
      if (!previous) {
        if (wasDeferred) this.leave(location.specDir, path);
        return wasDeferred;
      }
      this.files.delete(path);
      this.leave(location.specDir, path);
      return true;
    }
    if (previous?.text === text && !previous.declined === !declined) return false;
    const at = this.shared(location);
    this.files.set(path, declined ? declinedEntry(path, at) : this.parse(path, at, text, token));
    const set = this.specFiles.get(location.specDir) ?? new Set<string>();
    set.add(path);
    this.specFiles.set(location.specDir, set);
    return true;
  }

  /** The location with the strings of the first location held for its folder (see folderLocations). */
  private shared(location: SpecLocation): SpecLocation {
    const first = this.folderLocations.get(location.specDir);
    if (!first) {
      this.folderLocations.set(location.specDir, location);
      return location;
    }
    if (first === location) return location;
    return { ...location, specDir: first.specDir, specId: first.specId === location.specId ? first.specId : location.specId };
  }

  /** Takes a file out of its folder's list; a folder left with no file forgets its shared location. */
  private leave(specDir: string, path: string): void {
    const set = this.specFiles.get(specDir);
    set?.delete(path);
    if (!set?.size) this.folderLocations.delete(specDir);
  }

  /** Parses every held file again from its text, for when the parser's configuration (its keyword tables) changed. */
  reparseAll(token: CancellationToken): void {
    for (const [path, entry] of this.files) if (!entry.declined) this.files.set(path, this.parse(path, entry.location, entry.text, token));
  }

  private parse(path: string, location: SpecLocation, text: string, token: CancellationToken): FileEntry {
    try {
      return { text, location, facts: this.parser(path, location, text, token) };
    } catch (err) {
      if (isCancellation(err, token)) throw err;
      // A parser bug must never take the server down or hide the rest of the workspace: the
      // file is kept, empty, so its spec is still checked and the finding says why it is empty.
      const failure = internalError(`the ${location.format} ${location.kind} parser`, path, err, this.log);
      return { text, location, facts: emptyFacts(path, location), failure };
    }
  }

  /** The spec folders currently known, sorted. */
  specDirs(): string[] {
    return [...this.specFiles.entries()]
      .filter(([, files]) => files.size > 0)
      .map(([dir]) => dir)
      .sort();
  }

  /** The files of one spec folder, sorted, deferred ones included. */
  filesOfSpec(specDir: string): string[] {
    return [...(this.specFiles.get(specDir) ?? [])].sort();
  }

  /** The files of one spec folder that were read, sorted: what its model is built from. */
  readFilesOfSpec(specDir: string): string[] {
    return this.filesOfSpec(specDir).filter((p) => this.files.has(p));
  }
}

function declinedEntry(path: string, location: SpecLocation): FileEntry {
  return { text: '', location, facts: emptyFacts(path, location), declined: true };
}

/** The facts of a file whose parser threw or that was declined: no structure, so nothing in it is linked or checked. */
export function emptyFacts(path: string, location: SpecLocation): SpecFileFacts {
  return { path, kind: location.kind, requirements: [], tasks: [], refs: [], headings: [], glossary: [], notes: [], lineCount: 0 };
}
