// @spec specthread-core#8.3, specthread-core#8.4, specthread-core#21.2
import { GlobMatcher, compileGlobs } from '../glob/glob';
import { RootRelative, lastSlashOf } from '../glob/rootRelative';
import { DEFAULT_TRACE_SETTINGS, TraceSettings } from '../../../../shared/traceSettings';
import { CancellationToken } from '../cancellation';
import { Position } from '../text/range';
import { syntaxForName } from './languages';
import { CodeFileFacts, SkipReason, TraceRole } from './model';
import { ScannedCode } from '../workspace';
import { TextScan, scanCodeText } from './scanCodeFile';

/** Where SpecThread remembers the text each pin was taken from, so "show what changed" can show it. */
export const PIN_STORE = '.specthread/pins.json';
const PIN_STORE_SUFFIX = `/${PIN_STORE}`;

/**
 * The code side of the workspace: trace facts of every scanned file (kept only for files that
 * have tags), the files that were too large or binary, every file that exists (tasks name files),
 * and the pin store. Files are rescanned one at a time as they change.
 */
export class CodeFiles {
  private readonly facts = new Map<string, CodeFileFacts>();
  private readonly skipped = new Map<string, SkipReason>();
  /** Files known to exist beyond the adopted listing (see adoptListing). */
  private readonly known = new Set<string>();
  /**
   * A workspace listing adopted whole (see adoptListing): its files are known, except those
   * found gone since. Never changed here; whoever hands it over promises not to change it either.
   */
  private listing: ReadonlySet<string> = new Set();
  /** Files of `listing` found gone since it was adopted. */
  private readonly gone = new Set<string>();
  /**
   * Every folder above a known file, so that `exists` answers in constant time. Built lazily: a new
   * file adds its missing ancestors (walking up stops at the first folder already there, so a full
   * index costs one step per folder, not per file and level); a forgotten file drops the set,
   * which is rebuilt at the next question, because a folder cannot tell whether it still holds others.
   */
  private folders: Set<string> | undefined;
  private readonly pinStores = new Map<string, { pins: ReadonlyMap<string, string>; end: Position }>();
  private testGlobs: GlobMatcher = compileGlobs([]);
  private excludeGlobs: GlobMatcher = compileGlobs([]);
  private readonly relative: RootRelative;
  /** The folder (with its `/`) and roots that traceRole last answered for, and its test of names there. */
  private lastFolder: string | undefined;
  private lastRoots: readonly string[] | undefined;
  private lastRoles: ((name: string) => TraceRole | undefined) | undefined;
  settings: TraceSettings = DEFAULT_TRACE_SETTINGS;

  constructor(private readonly roots: () => readonly string[]) {
    this.relative = new RootRelative(roots);
    this.configure(DEFAULT_TRACE_SETTINGS);
  }

  /** Forgets every file, before a full re-index (the workspace folders or their config changed). */
  clear(): void {
    this.facts.clear();
    this.skipped.clear();
    this.known.clear();
    this.listing = new Set();
    this.gone.clear();
    this.folders = undefined;
    this.pinStores.clear();
  }

  /** Returns true when the test globs changed, so that roles must be recomputed by a rescan. */
  configure(settings: TraceSettings): boolean {
    const rolesChanged = JSON.stringify(settings.testFiles) !== JSON.stringify(this.settings.testFiles) || settings.maxFileSize !== this.settings.maxFileSize;
    this.settings = settings;
    this.testGlobs = compileGlobs(settings.testFiles);
    this.excludeGlobs = compileGlobs(settings.exclude);
    this.lastRoles = undefined;
    return rolesChanged;
  }

  /** Could `path` carry tags: a known language, inside a root, not excluded. Spec files are the caller's to rule out. */
  isScannable(path: string): boolean {
    return this.traceRole(path) !== undefined;
  }

  roleOf(path: string): TraceRole {
    // A scannable file's role is its trace role; the others are matched here.
    const role = this.traceRole(path);
    if (role !== undefined) return role;
    const rel = this.relative.of(path);
    return rel !== undefined && this.testGlobs.match(rel) ? 'test' : 'source';
  }

  /**
   * `isScannable` and `roleOf` in one: the role to scan `path` as, or undefined when it is not
   * scannable. The reads of an index come folder by folder, as listed: the last folder's test
   * (see traceRolesIn) answers the next file of the same folder by its name.
   */
  traceRole(path: string): TraceRole | undefined {
    const slash = lastSlashOf(path);
    const folder = path.slice(0, slash + 1);
    const roots = this.roots();
    if (folder !== this.lastFolder || roots !== this.lastRoots || !this.lastRoles) {
      this.lastFolder = folder;
      this.lastRoots = roots;
      this.lastRoles = this.traceRolesIn(path);
    }
    return this.lastRoles(path.slice(slash + 1));
  }

  /**
   * `traceRole` of every file in the folder that holds `path`, as a function of the file's name.
   * A listing gives the files folder by folder, and the exclude and test globs mostly decide by
   * the folder (`**∕test/**`) or by the name (`**∕*.test.*`): the folder's part is decided here
   * once (see GlobMatcher.inFolder), where traceRole matched every path against every glob.
   */
  traceRolesIn(path: string): (name: string) => TraceRole | undefined {
    // Every file of a folder lies below the same root, at the same relative folder.
    const rel = this.relative.of(path);
    if (rel === undefined) return () => undefined;
    const slash = rel.lastIndexOf('/');
    const dir = slash < 0 ? undefined : rel.slice(0, slash);
    const excluded = this.excludeGlobs.inFolder(dir);
    if (excluded === true) return () => undefined;
    const test = this.testGlobs.inFolder(dir);
    return (name) => {
      if (!syntaxForName(name) || (excluded !== false && excluded(name))) return undefined;
      return test === true || (test !== false && test(name)) ? 'test' : 'source';
    };
  }

  isPinStore(path: string): boolean {
    // Asked several times for every code file: the name is compared before any path is built.
    return path.endsWith(PIN_STORE_SUFFIX) && this.roots().some((r) => path === `${r}/${PIN_STORE}`);
  }

  markKnown(path: string, exists: boolean): void {
    if (exists) {
      if (this.isKnown(path)) return;
      if (this.listing.has(path)) this.gone.delete(path);
      else this.known.add(path);
      if (this.folders) addFoldersOf(this.folders, path);
      return;
    }
    const was = this.isKnown(path);
    this.known.delete(path);
    if (this.listing.has(path)) this.gone.add(path);
    if (was) this.folders = undefined;
  }

  /**
   * Marks every file of a listing known, as `markKnown` of each would, by keeping the set itself:
   * the engine already holds the listing as a set (100,000 files at the largest benchmark size),
   * and copying it here cost a set insertion per file. The caller must not change the set after.
   * With a listing adopted already, the files are marked one by one.
   */
  adoptListing(listing: ReadonlySet<string>): void {
    if (this.listing.size > 0) {
      for (const path of listing) this.markKnown(path, true);
      return;
    }
    this.listing = listing;
    this.gone.clear();
    // Rebuilt at the next question from the files now known (see `folders`).
    this.folders = undefined;
  }

  private isKnown(path: string): boolean {
    // The listing first: every scanned file asks, and nearly all are listed and none gone.
    return (this.listing.has(path) && (this.gone.size === 0 || !this.gone.has(path))) || this.known.has(path);
  }

  /** Every file known to exist, once each: the others, then the adopted listing's. */
  private *knownFiles(): IterableIterator<string> {
    yield* this.known;
    for (const path of this.listing) if ((this.gone.size === 0 || !this.gone.has(path)) && !this.known.has(path)) yield path;
  }

  /** Does a file exist at `path`, or any file below it when it names a folder? */
  exists(path: string): boolean {
    const p = path.endsWith('/') ? path.replace(/(?<!\/)\/+$/, '') : path;
    if (this.isKnown(p)) return true;
    if (!this.folders) {
      this.folders = new Set();
      for (const k of this.knownFiles()) addFoldersOf(this.folders, k);
    }
    return this.folders.has(p);
  }

  /** Every file this holds anything about: known to exist, scanned, or skipped. */
  knownPaths(): Set<string> {
    return new Set([...this.knownFiles(), ...this.facts.keys(), ...this.skipped.keys()]);
  }

  /** Records that a file was not scanned; returns true when that changed anything. */
  skip(path: string, reason: SkipReason): boolean {
    const had = this.facts.delete(path);
    const before = this.skipped.get(path);
    this.skipped.set(path, reason);
    return had || before !== reason;
  }

  /**
   * Sets a file's text (or removes it with `undefined`) and rescans it. Returns true when its
   * trace facts changed, i.e. when anything derived from tags must be recomputed.
   */
  set(path: string, text: string | undefined, token: CancellationToken): boolean {
    this.markKnown(path, text !== undefined);
    if (this.isPinStore(path)) {
      const root = path.slice(0, -PIN_STORE.length - 1);
      if (text === undefined) this.pinStores.delete(root);
      else this.pinStores.set(root, { pins: parsePinStore(text), end: endOf(text) });
      return true;
    }
    if (!this.isScannable(path)) return false;
    if (text === undefined) {
      this.skipped.delete(path);
      return this.facts.delete(path);
    }
    let scan: TextScan;
    try {
      scan = scanCodeText(path, text, this.roleOf(path), this.settings.maxFileSize, token);
    } catch (err) {
      // As before the scan: a file whose scanner threw is no longer skipped (its old tags stay).
      this.skipped.delete(path);
      throw err;
    }
    return this.record(path, scan);
  }

  /**
   * Takes what a host's scan of a file's text came to (see Workspace.readCodeFiles), as `set`
   * takes its own scan of the same text: the same facts, the same answer, and a scanner fault
   * rethrown for the caller to show, as `set` lets it through. The engine asked the host to scan
   * only files `traceRole` gave a role, so the file is scannable.
   */
  setScanned(path: string, scanned: ScannedCode): boolean {
    this.markKnown(path, true);
    if ('fault' in scanned) {
      this.skipped.delete(path);
      throw scanned.fault;
    }
    return this.record(path, scanned);
  }

  /** Stores one scan's outcome; returns true when the file's trace facts changed. */
  private record(path: string, scan: TextScan): boolean {
    if ('skipped' in scan) return this.skip(path, scan.skipped);
    this.skipped.delete(path);
    const facts = scan.facts;
    const previous = this.facts.get(path);
    if (!facts) return this.facts.delete(path);
    this.facts.set(path, facts);
    return !previous || JSON.stringify(previous) !== JSON.stringify(facts);
  }

  /**
   * Records a scannable file that exists and holds no tag, as `set` would after scanning it: the
   * host found no marker in its bytes (see traceMarkers.ts). Returns true when that changed its facts.
   */
  setNoTags(path: string): boolean {
    this.markKnown(path, true);
    this.skipped.delete(path);
    return this.facts.delete(path);
  }

  /**
   * Takes a file's facts as an earlier scan of the same text found them (the warm cache, see
   * engine/factCache.ts): `undefined` when it had no tags. Returns true when that changed anything.
   */
  adopt(path: string, facts: CodeFileFacts | undefined): boolean {
    this.markKnown(path, true);
    const hadSkip = this.skipped.delete(path);
    if (!facts) return this.facts.delete(path) || hadSkip;
    this.facts.set(path, facts);
    return true;
  }

  get(path: string): CodeFileFacts | undefined {
    return this.facts.get(path);
  }

  /** Files that carry at least one tag or test-title ref. */
  all(): IterableIterator<CodeFileFacts> {
    return this.facts.values();
  }

  /** How many files carry at least one tag or test-title ref. */
  get taggedCount(): number {
    return this.facts.size;
  }

  skippedFiles(): ReadonlyMap<string, SkipReason> {
    return this.skipped;
  }

  /** The text a pin was taken from, when a pin store recorded it. */
  pinnedText(pin: string): string | undefined {
    for (const store of this.pinStores.values()) {
      const text = store.pins.get(pin);
      if (text !== undefined) return text;
    }
    return undefined;
  }

  /** The pin store of the root that holds `path`: its path, pins and end, for the re-confirm fix to rewrite. */
  pinStoreFor(path: string): { path: string; pins: ReadonlyMap<string, string>; end: Position } | undefined {
    const root = this.roots().find((r) => path.startsWith(r + '/'));
    const store = root === undefined ? undefined : this.pinStores.get(root);
    return root !== undefined && store ? { path: `${root}/${PIN_STORE}`, ...store } : undefined;
  }
}

/** Adds the folders above `path` (down to `''`, the folder above an absolute path's first `/`) that `folders` lacks. */
function addFoldersOf(folders: Set<string>, path: string): void {
  for (let i = path.lastIndexOf('/'); i >= 0; i = path.lastIndexOf('/', i - 1)) {
    const dir = path.slice(0, i);
    if (folders.has(dir)) return;
    folders.add(dir);
    if (i === 0) return;
  }
}

function endOf(text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** `{ "pins": { "3f9a0c": "criterion text" } }`; anything else reads as an empty store. */
function parsePinStore(text: string | undefined): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  if (text === undefined) return map;
  try {
    const raw: unknown = JSON.parse(text);
    const pins = raw && typeof raw === 'object' ? (raw as { pins?: unknown }).pins : undefined;
    if (pins && typeof pins === 'object') {
      for (const [k, v] of Object.entries(pins as Record<string, unknown>)) if (/^[0-9a-f]{6}$/.test(k) && typeof v === 'string') map.set(k, v);
    }
  } catch {
    // A hand-broken pin store only loses the "was" half of "show what changed".
  }
  return map;
}

/** The pin store's text after recording `pin` → `text`, keys sorted so diffs stay small. */
export function renderPinStore(pins: ReadonlyMap<string, string>, pin: string, text: string): string {
  const all = new Map(pins);
  all.set(pin, text);
  const sorted = Object.fromEntries([...all.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ pins: sorted }, null, 2) + '\n';
}
