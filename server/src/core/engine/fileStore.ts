// @spec specthread-core#2.4, specthread-core#14.1
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
 * setting the same text again parses nothing.
 */
export class SpecFileStore {
  private readonly files = new Map<string, FileEntry>();
  private readonly specFiles = new Map<string, Set<string>>();

  constructor(
    private readonly parser: FileParser,
    private readonly log: Log | undefined,
  ) {}

  get(path: string): FileEntry | undefined {
    return this.files.get(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  clear(): void {
    this.files.clear();
    this.specFiles.clear();
  }

  /**
   * Stores a file's text (parsed), an empty entry for a declined file, or with `undefined`
   * removes it. Returns false when nothing changed (same text, or an unknown file removed).
   */
  put(path: string, location: SpecLocation, text: string | undefined, token: CancellationToken, declined: boolean): boolean {
    const previous = this.files.get(path);
    if (text === undefined) {
      if (!previous) return false;
      this.files.delete(path);
      this.specFiles.get(location.specDir)?.delete(path);
      return true;
    }
    if (previous?.text === text && !previous.declined === !declined) return false;
    this.files.set(path, declined ? declinedEntry(path, location) : this.parse(path, location, text, token));
    const set = this.specFiles.get(location.specDir) ?? new Set<string>();
    set.add(path);
    this.specFiles.set(location.specDir, set);
    return true;
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

  /** The files of one spec folder, sorted. */
  filesOfSpec(specDir: string): string[] {
    return [...(this.specFiles.get(specDir) ?? [])].sort();
  }
}

function declinedEntry(path: string, location: SpecLocation): FileEntry {
  return { text: '', location, facts: emptyFacts(path, location), declined: true };
}

/** The facts of a file whose parser threw or that was declined: no structure, so nothing in it is linked or checked. */
export function emptyFacts(path: string, location: SpecLocation): SpecFileFacts {
  return { path, kind: location.kind, requirements: [], tasks: [], refs: [], headings: [], glossary: [], notes: [], lineCount: 0 };
}
