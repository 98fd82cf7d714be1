// @spec specthread-core#2.4, specthread-core#8.4, specthread-core#14.1, specthread-core#15.1, specthread-core#21.1, specthread-core#21.2, specthread-core#21.4
import { CancellationToken, throwIfCancelled, yieldToEventLoop } from '../cancellation';
import { FileNote, isDeclined } from '../fileNote';
import { FileNoteStore } from '../fileNoteStore';
import { formatById } from '../formats/registry';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';
import { stripBom } from '../text/bom';
import { CodeFiles, PIN_STORE } from '../trace/codeFiles';
import { TraceRole } from '../trace/model';
import { Workspace } from '../workspace';
import { archivesNeeded } from './archiveNeed';
import { CodeIndex } from './codeIndex';
import { ConfigState } from './configState';
import type { NameVerdict } from '../glob/glob';
import { lastSlashOf } from '../glob/rootRelative';
import { SpecFileStore } from './fileStore';
import { FindingsIndex } from './findingsIndex';
import { CodeReads, ListingSlices, SortedListing } from './listingSlices';
import { IndexProgress, NotedRead, StatementPrecheck, readNoted } from './options';
import { SpecIndex } from './specIndex';
import { beginPrecheck } from './statementPrecheck';

/** The pin store's file name: no other name is asked whether it is the pin store. */
const PIN_STORE_NAME = PIN_STORE.slice(PIN_STORE.lastIndexOf('/') + 1);

/** Code files read per request to the workspace: enough to amortise a round trip to a reader thread, few enough to yield often. */
const CODE_BATCH = 256;

/**
 * Code files per request when the host reads them all off the engine's thread while specs are
 * parsed (Workspace.readsCodeInBackground): the engine's thread only posts and applies those
 * batches, and at 100,000 files each of 391 messages cost it some 0.1 ms to post and take back;
 * applying 1,024 reads between two yields still takes only a few milliseconds.
 */
const BACKGROUND_CODE_BATCH = 1024;

/** The engine's parts a change to the workspace reaches. */
export interface IndexedParts {
  readonly workspace: Workspace;
  readonly formats: readonly SpecFormatPlugin[];
  readonly config: ConfigState;
  readonly files: SpecFileStore;
  readonly specs: SpecIndex;
  readonly codeIndex: CodeIndex;
  readonly results: FindingsIndex;
  readonly notes: FileNoteStore;
  /** Archived specs are read only when needed (see EngineOptions.lazyArchives). */
  readonly lazyArchives?: boolean;
  /** Checks statements elsewhere during full index runs (see EngineOptions.statementPrecheck). */
  readonly statementPrecheck?: StatementPrecheck;
}

/**
 * How the workspace's contents reach the engine: the full index, one file's new text or a
 * watched-file event, and forgetting what is gone. Each change is stored once (spec files by
 * content, code files by scan) and invalidates exactly the models and findings that read it.
 */
export class WorkspaceIndexer {
  /** Every file the workspace listed at the last full index; workspace rules match globs against it. */
  private listed = new Set<string>();
  /** The listing `listed` was made from, while `listed` holds exactly it (see applyCodeReads). */
  private listing: readonly string[] | undefined;
  /** `listed` is CodeFiles' too (see CodeFiles.adoptListing): it is copied before it changes. */
  private listedShared = false;
  private readonly workspace: Workspace;
  private readonly formats: readonly SpecFormatPlugin[];
  private readonly config: ConfigState;
  private readonly files: SpecFileStore;
  private readonly specs: SpecIndex;
  private readonly codeIndex: CodeIndex;
  private readonly results: FindingsIndex;
  private readonly notes: FileNoteStore;
  private readonly lazyArchives: boolean;
  private readonly statementPrecheck: StatementPrecheck | undefined;

  constructor(parts: IndexedParts) {
    this.lazyArchives = parts.lazyArchives ?? false;
    this.statementPrecheck = parts.statementPrecheck;
    this.workspace = parts.workspace;
    this.formats = parts.formats;
    this.config = parts.config;
    this.files = parts.files;
    this.specs = parts.specs;
    this.codeIndex = parts.codeIndex;
    this.results = parts.results;
    this.notes = parts.notes;
  }

  private get code(): CodeFiles {
    return this.codeIndex.files;
  }

  /** The files listed at the last full index, plus spec files set since. */
  listedFiles(): Iterable<string> {
    return this.listed;
  }

  /** Is this a code or test file the engine scans for trace tags (or the pin store)? */
  isTraceable(path: string): boolean {
    if (this.config.locate(path) !== undefined || this.config.isExcluded(path)) return false;
    return this.code.isScannable(path) || this.code.isPinStore(path);
  }

  /**
   * `isTracked` and `isTraceable` of every listed path, in one pass (see SortedListing). A listing
   * gives the files folder by folder, so what the globs decide by the folder (the excludes, the
   * test globs) is decided once per run of paths in the same folder, then per file name.
   */
  private sortListing(listed: readonly string[]): SortedListing {
    const tracked: string[] = [];
    const traceable: string[] = [];
    const roles: (TraceRole | undefined)[] = [];
    // The current folder: its path with the `/` (undefined before the first path).
    let folder: string | undefined;
    let excludedIn: NameVerdict = false;
    let rolesIn: (name: string) => TraceRole | undefined = () => undefined;
    for (const path of listed) {
      const slash = lastSlashOf(path);
      // Compared as a cut string: V8 compares equal strings a block at a time, where
      // `startsWith` goes character by character (48 ms against 12 for this listing).
      const here = path.slice(0, slash + 1);
      if (here !== folder) {
        folder = here;
        excludedIn = this.config.excludedIn(path);
        rolesIn = this.code.traceRolesIn(path);
      }
      // Every answer below needs the path not excluded.
      if (excludedIn === true) continue;
      const name = path.slice(slash + 1);
      // The exclude globs are matched last: a file that is neither a spec file nor traceable (an
      // image, a lock file) is dropped whatever they say, so it need not be matched against them.
      if (this.config.mayLocate(name) && this.config.locate(path) !== undefined) {
        if (excludedIn === false || !excludedIn(name)) tracked.push(path);
      } else if (name === PIN_STORE_NAME && this.code.isPinStore(path)) {
        if (excludedIn !== false && excludedIn(name)) continue;
        traceable.push(path);
        roles.push(undefined);
      } else {
        const role = rolesIn(name);
        if (role === undefined || (excludedIn !== false && excludedIn(name))) continue;
        traceable.push(path);
        roles.push(role);
      }
    }
    return { tracked, traceable, roles };
  }

  /**
   * Reads and parses every spec file in the workspace. Files under `priority` folders (the
   * specs of open documents) are read first; the loop yields to the event loop so requests
   * are served while a large workspace is indexed.
   */
  async indexWorkspace(token: CancellationToken, onProgress?: (p: IndexProgress) => void, priority: readonly string[] = []): Promise<void> {
    await this.config.load(this.notes, token);
    const listingNotes: FileNote[] = [];
    // A host that reads code files on another thread reads them while the specs are parsed below,
    // and while it lists when it lists in slices (Workspace.listFiles).
    const slices = new ListingSlices(
      {
        sort: (paths) => this.sortListing(paths),
        inBackground: (count) => this.readsInBackground(count),
        read: (paths, total, roles) => this.codeIndex.read(paths, token, total, roles),
      },
      BACKGROUND_CODE_BATCH,
    );
    const listed = await this.workspace.listFiles(
      token,
      (note) => listingNotes.push(note),
      (slice) => slices.add(slice),
    );
    this.listed = new Set(listed);
    this.listing = listed;
    this.listedShared = false;
    this.results.listChanged();
    this.notes.setListing(listingNotes);
    // A spec file behind a symlink that is not followed still belongs to its spec, with the note.
    for (const note of listingNotes) if (this.config.isTracked(note.path)) this.put(note.path, '', token, true);
    const { sorted, reads: early } = slices.finish(listed);
    const all = sorted.tracked.filter((p) => !this.deferred(p));
    // Each requirements file's statements are checked elsewhere as soon as it is parsed (engine/statementPrecheck.ts).
    const precheck = beginPrecheck(this.statementPrecheck, this.config, this.workspace, this.files, all);
    const first = (p: string) => (priority.some((dir) => p.startsWith(dir + '/')) ? 0 : 1);
    const ordered = [...all].sort((a, b) => first(a) - first(b));
    let done = 0;
    // Reads run a few at a time: the disk, not the parser, is the bottleneck of a cold index.
    const BATCH = 16;
    for (let i = 0; i < ordered.length; i += BATCH) {
      throwIfCancelled(token);
      const batch = ordered.slice(i, i + BATCH);
      const reads = await Promise.all(batch.map((p) => readNoted(this.workspace, p, token)));
      batch.forEach((path, j) => {
        if (!this.files.has(path)) this.storeRead(path, reads[j]!, token);
      });
      precheck?.(batch);
      done += batch.length;
      onProgress?.({ done, total: ordered.length });
      await yieldToEventLoop();
    }
    onProgress?.({ done, total: ordered.length });
    if (precheck) this.statementPrecheck!.end();
    await this.applyCodeReads(early ?? this.startCodeReads(listed, sorted, token), token);
    if (this.files.deferredFiles().size && archivesNeeded(this.specs.allSpecs(token), this.code.all(), this.files.deferredFiles(), this.formats)) {
      await this.loadArchives(token);
    }
  }

  /** With lazy archives, holds an archived spec file as deferred instead of reading it; true when it did. */
  private deferred(path: string): boolean {
    if (!this.lazyArchives || this.files.has(path)) return false;
    const location = this.config.locate(path);
    if (!location?.archived) return false;
    this.files.defer(path, location);
    return true;
  }

  /** Reads the archived spec files that indexing deferred (see EngineOptions.lazyArchives). */
  async loadArchives(token: CancellationToken): Promise<void> {
    const paths = [...this.files.deferredFiles().keys()];
    const BATCH = 16;
    for (let i = 0; i < paths.length; i += BATCH) {
      throwIfCancelled(token);
      const batch = paths.slice(i, i + BATCH);
      const reads = await Promise.all(batch.map((p) => readNoted(this.workspace, p, token)));
      batch.forEach((path, j) => this.storeRead(path, reads[j]!, token));
    }
  }

  /**
   * Scans every code and test file for trace tags (specs first, so a user sees spec diagnostics
   * before a large repository is scanned). Also called again when test globs change.
   */
  async indexCode(token: CancellationToken, listed?: readonly string[]): Promise<void> {
    const files = listed ?? (await this.workspace.listFiles(token));
    await this.applyCodeReads(this.startCodeReads(files, this.sortListing(files), token), token);
  }

  /** Does the host read this many code files off the engine's thread (see Workspace.readsCodeInBackground)? */
  private readsInBackground(count: number): boolean {
    return count > 0 && (this.workspace.readsCodeInBackground?.(count) ?? false);
  }

  /**
   * The listed files that are traceable, in batches, each asked for while the one before is
   * applied (see applyCodeReads); reads all asked for at once come from ListingSlices.
   */
  private startCodeReads(listed: readonly string[], { traceable, roles }: SortedListing, token: CancellationToken): CodeReads {
    const batches: string[][] = [];
    for (let i = 0; i < traceable.length; i += CODE_BATCH) batches.push(traceable.slice(i, i + CODE_BATCH));
    const read = (b: number) => {
      const reading = this.codeIndex.read(batches[b]!, token, traceable.length, roles.slice(b * CODE_BATCH, (b + 1) * CODE_BATCH));
      // Handled where it is awaited; marked here so that a cancellation in between is no unhandled rejection.
      reading.catch(() => undefined);
      return reading;
    };
    return { listed, batches, read };
  }

  /** Applies the reads in order. Batches not yet asked for are read while the one before is scanned, so a host that reads in turn still saves a round trip per file. */
  private async applyCodeReads({ listed, batches, read }: CodeReads, token: CancellationToken): Promise<void> {
    // Only now: a spec file stored meanwhile may have been found gone, and every listed file counts as known after it.
    // The set of the listing is handed over whole while it holds the listing alone, instead of a copy made file by file.
    if (listed === this.listing) {
      this.listedShared = true;
      this.code.adoptListing(this.listed);
    } else for (const path of listed) this.code.markKnown(path, true);
    let next = batches.length > 0 ? read(0) : undefined;
    for (let b = 0; b < batches.length; b++) {
      const reads = await next!;
      throwIfCancelled(token);
      next = b + 1 < batches.length ? read(b + 1) : undefined;
      batches[b]!.forEach((path, j) => this.codeIndex.apply(path, reads[j]!, token));
      await yieldToEventLoop();
    }
    this.workspace.codeReadsDone?.();
    this.results.traceChanged();
  }

  /**
   * Stores a spec file as read from disk: its text, or an empty entry when the host declined it,
   * plus its note. Returns the spec folder whose analysis changed, if any.
   */
  private storeRead(path: string, read: NotedRead, token: CancellationToken): string | undefined {
    const dir = read.note && isDeclined(read.note) ? this.put(path, '', token, true) : this.put(path, read.text, token, false);
    if (!this.notes.setRead(path, read.note) || !this.config.isTracked(path)) return dir;
    const specDir = this.config.locate(path)!.specDir;
    this.specs.invalidate(specDir);
    this.results.specChanged(specDir);
    return specDir;
  }

  /**
   * Loads the other files of the spec that `path` belongs to, so a document opened before
   * indexing finishes gets complete diagnostics at once.
   */
  async loadSpecOf(path: string, token: CancellationToken): Promise<void> {
    const location = this.config.locate(path);
    if (!location || this.config.isExcluded(path)) return;
    for (const name of formatById(this.formats, location.format)?.siblingFiles(location) ?? []) {
      const sibling = `${location.specDir}/${name}`;
      if (this.files.has(sibling)) continue;
      const read = await readNoted(this.workspace, sibling, token);
      if (!this.files.has(sibling)) this.storeRead(sibling, read, token);
    }
  }

  /**
   * Sets a file's current text (an editor buffer or the disk contents), or removes it with
   * `undefined`. Returns the spec folder whose analysis changed, if any. Parses only this file.
   */
  setText(path: string, text: string | undefined, token: CancellationToken): string | undefined {
    // Editor buffers and the disk alike: a byte order mark is never content.
    return this.put(path, text === undefined ? undefined : stripBom(text), token, false);
  }

  /** setText, or with `declined` an empty entry for a spec file the workspace would not read. */
  private put(path: string, text: string | undefined, token: CancellationToken, declined: boolean): string | undefined {
    // The file is gone, or a buffer now gives the text that the disk would not.
    if (!declined) this.notes.forget(path, text !== undefined);
    const location = this.config.locate(path);
    if (!location && declined) return undefined;
    if (!location) {
      // Code, tests and every other file: trace facts change, no spec analysis does. Only a file
      // created or deleted can change what task mentions find.
      const existed = this.code.exists(path);
      if (this.isTraceable(path) ? this.codeIndex.set(path, text, token) : (this.code.markKnown(path, text !== undefined), false))
        this.results.codeChanged(path);
      if (existed !== (text !== undefined)) this.results.pathChanged(path);
      return undefined;
    }
    const existed = this.files.has(path);
    if (this.config.isExcluded(path) || !this.files.put(path, location, text, token, declined)) return undefined;
    this.specs.invalidate(location.specDir);
    this.code.markKnown(path, text !== undefined);
    this.results.specChanged(location.specDir);
    if (existed !== (text !== undefined)) this.results.pathChanged(path);
    if (text !== undefined && !this.listed.has(path)) {
      this.changeListed().add(path);
      this.results.listChanged();
    }
    return location.specDir;
  }

  /** `listed`, to be changed: a copy when CodeFiles shares it, and no longer the listing alone. */
  private changeListed(): Set<string> {
    if (this.listedShared) this.listed = new Set(this.listed);
    this.listedShared = false;
    this.listing = undefined;
    return this.listed;
  }

  /** Re-reads a file from the workspace after a watched-file event. */
  async reload(path: string, token: CancellationToken): Promise<string | undefined> {
    if (!this.config.isTracked(path)) {
      const existed = this.code.exists(path);
      if (this.isTraceable(path)) {
        if (await this.codeIndex.load(path, token)) this.results.codeChanged(path);
      } else if (this.config.locate(path) === undefined) {
        // Tasks name files of any kind; only their existence matters.
        const exists = this.workspace.stat
          ? (await this.workspace.stat(path, token)) !== undefined
          : (await this.workspace.readFile(path, token)) !== undefined;
        this.code.markKnown(path, exists);
      }
      if (existed !== this.code.exists(path)) this.results.pathChanged(path);
      return undefined;
    }
    return this.storeRead(path, await readNoted(this.workspace, path, token), token);
  }

  /**
   * Forgets every file whose path `gone` accepts: the files under a deleted folder, whose own
   * deletion events a watcher may never deliver, or files a re-listing no longer finds. Returns
   * the spec folders whose analysis changed. One pass over what is known, however many are gone.
   */
  forget(gone: (path: string) => boolean, token: CancellationToken): string[] {
    const dirs = new Set<string>();
    for (const path of this.files.paths().filter(gone)) {
      const dir = this.setText(path, undefined, token);
      if (dir) dirs.add(dir);
    }
    for (const path of [...this.code.knownPaths()].filter(gone)) this.setText(path, undefined, token);
    const listed = this.changeListed();
    for (const path of [...listed].filter(gone)) listed.delete(path);
    this.results.listChanged();
    return [...dirs];
  }
}
