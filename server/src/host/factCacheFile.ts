// @spec specthread-core#21.3
import { Stats, existsSync, promises as fs, statSync } from 'fs';
import * as path from 'path';
import { CancellationToken, throwIfCancelled, yieldToEventLoop } from '../core/cancellation';
import { CodeOutcome, FactCache } from '../core/engine/factCache';
import { SpecResultCache } from '../core/engine/specResultCache';
import { Finding } from '../core/findings';
import { writeFileAtomic } from './atomicWrite';
import { contentHash as hashOf } from './contentHash';
import { cryptoModule, osModule } from './lazyBuiltins';
import { readCacheFile } from './cacheFileRead';
import { toPosixPath } from './paths';
import { Stamp, stampOf, statInWorker } from './statWorker';

declare const SPECTHREAD_VERSION: string;

/** Bumped whenever the stored shape or the facts' types change, so an older file is rebuilt, not misread. */
export const CACHE_FORMAT = 'specthread-fact-cache/3';
export const CACHE_FILE_NAME = 'facts.json';

/**
 * Where the cache lives when no folder is named: beside other tools' caches (ESLint, Babel, Vite)
 * in the project's node_modules/.cache when the project has node_modules; otherwise in the user's
 * cache folder, one subfolder per project, so a Python or Go repository never gains a node_modules.
 */
export function defaultCacheDir(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  if (existsSync(`${projectRoot}/node_modules`)) return `${projectRoot}/node_modules/.cache/specthread`;
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || path.join(osModule().homedir(), '.cache');
  const id = cryptoModule().createHash('sha1').update(projectRoot).digest('hex').slice(0, 16);
  return toPosixPath(path.join(base, 'specthread', `${path.basename(projectRoot)}-${id}`));
}

/**
 * A file whose mtime is this close to the start of the run (or later) may have changed while it
 * was being read, within one mtime tick of the stamp we would record ("racy git"): it is not
 * recorded, so the next run reads it again instead of trusting a stamp that cannot tell.
 */
const RACY_MILLIS = 2000;

/**
 * Stats are synchronous, this many between yields to the event loop: at 100,000 files a loop of
 * statSync measured a quarter of the CPU of the same stats through the thread pool (0.27 s
 * against 1.2 s), and the yields keep a server answering requests meanwhile.
 */
const STATS_PER_TURN = 2000;

/**
 * A code file as recorded: its stamp, its content hash, what it came to (`0`: read, no tags, no
 * note), and its ctime, which moves when the content is rewritten with the mtime set back (or the
 * file replaced by one with the old mtime), so such a file has its content checked too.
 */
type CodeEntry = [path: string, size: number, mtimeMs: number, hash: string, outcome: CodeOutcome | 0, ctimeMs: number];

/** A spec folder's own findings, under the hash of the inputs they were computed from (see core/engine/specResultCache.ts). */
type SpecEntry = [specDir: string, inputsHash: string, findings: Finding[]];

interface StoredCache {
  readonly format: string;
  readonly engine: string;
  readonly fingerprint: string;
  readonly code: CodeEntry[];
  readonly specs: SpecEntry[];
}

export interface FactCacheFileOptions {
  /** Notes for the user (stderr, the output channel): a cache rebuilt or not written is said, never fatal. */
  readonly warn: (message: string) => void;
  /** Reads a file as the workspace would (same decoding), for the content check of a file whose mtime moved. */
  readonly read: (path: string) => Promise<string | undefined>;
  /** Overrides the engine identity, so tests can write a cache "from another version". */
  readonly engine?: string;
}

/**
 * The warm cache on disk (the host side of core/engine/factCache.ts): loaded once, consulted
 * while one index run lasts, written once at its end, atomically. Code files are validated by
 * size and mtime, all of them in one pass of stats before the first lookup; when only the mtime
 * moved, the content hash decides. The file holds only what the last run saw, so a deleted
 * file's entry goes with the next write.
 */
export class FactCacheFile implements FactCache, SpecResultCache {
  private loaded: StoredCache | undefined;
  private fingerprint = '';
  private readonly startedAt = Date.now();
  /** Cached code files whose stamps still hold, and those whose size holds but mtime moved (content check on lookup). */
  private validated: Promise<{ fresh: Map<string, CodeEntry>; moved: Map<string, { entry: CodeEntry; stat: Stamp }> }> | undefined;
  /** What the next write holds: entries confirmed or recorded in this run. */
  private readonly nextCode = new Map<string, CodeEntry>();
  private readonly recorded = new Map<string, { outcome: CodeOutcome; hash: string }>();
  private dirty = false;
  /** The stats the worker thread is taking of the loaded code entries (see statEarly). */
  private early: { entries: readonly CodeEntry[]; stamps: Promise<(Stamp | undefined)[]> } | undefined;
  /** The stored spec entries by folder, indexed on the first spec lookup. */
  private storedSpecs: Map<string, SpecEntry> | undefined;
  /** Spec entries confirmed or recorded in this run; a run that asked about no spec (the CLI) keeps the stored ones. */
  private readonly nextSpecs = new Map<string, SpecEntry>();
  /** The hash of the inputs a spec lookup just missed with, so recording the same inputs does not hash them again. */
  private readonly missed = new Map<string, { inputs: string; hash: string }>();
  /** What this run took from the cache and what it read (code files) or checked (specs), for the benchmark and the tests. */
  readonly counts = { hits: 0, misses: 0, specHits: 0, specMisses: 0 };

  private constructor(
    readonly file: string,
    private readonly engine: string,
    private readonly options: FactCacheFileOptions,
  ) {}

  /** Loads the cache in `dir`; a missing file is an empty cache, a broken or foreign one an empty cache and a note. */
  static async open(dir: string, options: FactCacheFileOptions): Promise<FactCacheFile> {
    const cache = new FactCacheFile(path.join(dir, CACHE_FILE_NAME), options.engine ?? engineIdentity(), options);
    await cache.load();
    cache.statEarly();
    return cache;
  }

  private async load(): Promise<void> {
    const read = await readCacheFile(this.file, checkStored);
    if (!read) return;
    if (!('value' in read)) {
      this.rebuild(read.problem);
      return;
    }
    const stored = read.value;
    if (stored.format !== CACHE_FORMAT || stored.engine !== this.engine) {
      this.rebuild(`was written by another version of SpecThread (${stored.engine}, ${stored.format}; this is ${this.engine}, ${CACHE_FORMAT})`);
      return;
    }
    this.loaded = stored;
  }

  /**
   * Begins the stats of every cached code file on a worker thread (statWorker.ts), while the
   * caller walks the workspace and parses its specs; `validate` takes them when the first code
   * file is looked up. A stamp taken earlier says no less: a file changed after its stat is
   * as unseen as one changed after a later stat, and the watchers report both.
   */
  private statEarly(): void {
    const entries = this.loaded?.code;
    if (!entries?.length) return;
    const stamps = statInWorker(entries.map((e) => e[0]));
    // A worker that cannot run is not a failure: validate stats on the main thread instead.
    stamps.catch(() => undefined);
    this.early = { entries, stamps };
  }

  private rebuild(why: string): void {
    this.dirty = true;
    this.options.warn(`SpecThread: the cache ${this.file} ${why}; it is rebuilt from the files.`);
  }

  begin(fingerprint: string): void {
    this.fingerprint = fingerprint;
    if (this.loaded && this.loaded.fingerprint !== fingerprint) {
      this.loaded = undefined;
      this.rebuild('was written with other settings or workspace folders');
    }
  }

  async code(file: string, token: CancellationToken): Promise<CodeOutcome | undefined> {
    const { fresh, moved } = await (this.validated ??= this.validate(token));
    const hit = fresh.get(file) ?? (await this.unchangedContent(file, moved));
    // Facts that name another file than the entry they are stored under were not written by this code: read the file.
    if (!hit || (hit[4] !== 0 && hit[4].facts !== undefined && hit[4].facts.path !== file)) {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    this.nextCode.set(file, hit);
    return hit[4] === 0 ? {} : hit[4];
  }

  /** A file whose mtime moved but whose size did not is kept when its content is what was recorded (a checkout, a `touch`). */
  private async unchangedContent(file: string, moved: Map<string, { entry: CodeEntry; stat: Stamp }>): Promise<CodeEntry | undefined> {
    const suspect = moved.get(file);
    if (!suspect) return undefined;
    const text = await this.options.read(file);
    if (text === undefined || hashOf(text) !== suspect.entry[3]) return undefined;
    this.dirty = true;
    return [file, suspect.stat.size, suspect.stat.mtimeMs, suspect.entry[3], suspect.entry[4], suspect.stat.ctimeMs];
  }

  /** One pass of stats over every cached code file, before the first lookup, instead of one round trip per lookup. */
  private async validate(token: CancellationToken): Promise<{ fresh: Map<string, CodeEntry>; moved: Map<string, { entry: CodeEntry; stat: Stamp }> }> {
    const fresh = new Map<string, CodeEntry>();
    const moved = new Map<string, { entry: CodeEntry; stat: Stamp }>();
    const entries = this.loaded?.code ?? [];
    const early = this.early?.entries === entries ? await this.early.stamps.catch(() => undefined) : undefined;
    this.early = undefined;
    const stats =
      early ??
      (await statAll(
        entries.map((e) => e[0]),
        token,
      ));
    entries.forEach((entry, i) => {
      const stat = stats[i];
      if (!stat || stat.size !== entry[1]) return;
      if (stat.mtimeMs === entry[2] && stat.ctimeMs === entry[5]) fresh.set(entry[0], entry);
      else moved.set(entry[0], { entry, stat });
    });
    if (fresh.size !== entries.length) this.dirty = true;
    return { fresh, moved };
  }

  ownFindings(specDir: string, inputs: string): readonly Finding[] | undefined {
    this.storedSpecs ??= new Map((this.loaded?.specs ?? []).map((e) => [e[0], e]));
    const hash = hashOf(inputs);
    const entry = this.storedSpecs.get(specDir);
    if (entry && entry[1] === hash) {
      this.counts.specHits++;
      this.nextSpecs.set(specDir, entry);
      return entry[2];
    }
    this.counts.specMisses++;
    this.missed.set(specDir, { inputs, hash });
    return undefined;
  }

  putOwnFindings(specDir: string, inputs: string, findings: readonly Finding[]): void {
    const missed = this.missed.get(specDir);
    this.missed.delete(specDir);
    this.dirty = true;
    this.nextSpecs.set(specDir, [specDir, missed?.inputs === inputs ? missed.hash : hashOf(inputs), [...findings]]);
  }

  putCode(file: string, outcome: CodeOutcome, text: string | undefined, hash?: string): void {
    this.dirty = true;
    this.recorded.set(file, { outcome, hash: hash ?? (text === undefined ? '' : hashOf(text)) });
  }

  /**
   * Writes what this run saw, atomically, when anything changed. Newly recorded code files are
   * stamped now, after they were read; one modified since the run began is left out (see
   * RACY_MILLIS). A cache that cannot be written is a note, never a failure.
   */
  async save(token: CancellationToken): Promise<void> {
    const specs = this.storedSpecs ? [...this.nextSpecs.values()] : (this.loaded?.specs ?? []);
    if (!this.dirty && this.nextCode.size === (this.loaded?.code.length ?? 0) && specs.length === (this.loaded?.specs.length ?? 0)) return;
    const files = [...this.recorded.keys()];
    const stats = await statAll(files, token);
    files.forEach((file, i) => {
      const stat = stats[i];
      const { outcome, hash } = this.recorded.get(file)!;
      if (!stat || stat.mtimeMs >= this.startedAt - RACY_MILLIS) return;
      this.nextCode.set(file, [file, stat.size, stat.mtimeMs, hash, isPlain(outcome) ? 0 : outcome, stat.ctimeMs]);
    });
    const stored: StoredCache = {
      format: CACHE_FORMAT,
      engine: this.engine,
      fingerprint: this.fingerprint,
      code: [...this.nextCode.values()],
      specs,
    };
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify(stored));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      this.options.warn(`SpecThread: the cache could not be written to ${this.file} (${code ?? String(err)}); the next run starts cold.`);
    }
  }
}

/** A read with no tags and no note: stored as `0`, since it is what almost every file comes to. */
function isPlain(outcome: CodeOutcome): boolean {
  return !outcome.facts && !outcome.note && !outcome.skipped;
}

/**
 * The running engine: its version, and the build of the bundle (size and mtime of dist/cli.js,
 * which the CLI and the server are built with), so a rebuilt engine never trusts facts an
 * older parser produced, even at the same version number.
 */
export function engineIdentity(): string {
  const version = typeof SPECTHREAD_VERSION === 'string' ? SPECTHREAD_VERSION : 'dev';
  const bundle = [path.join(__dirname, 'cli.js'), __filename].map((f) => statSyncOrUndefined(f)).find((s) => s !== undefined);
  return `${version}+${bundle ? `${bundle.size}.${Math.floor(bundle.mtimeMs)}` : 'unknown'}`;
}

function statSyncOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    // A file the system refuses to stat (permissions, a name too long) is not trusted: it is read again.
    return undefined;
  }
}

/** Stamps of many files (see STATS_PER_TURN); undefined for a file that is gone or not a file. */
async function statAll(files: readonly string[], token: CancellationToken): Promise<(Stamp | undefined)[]> {
  const out: (Stamp | undefined)[] = [];
  for (let i = 0; i < files.length; i++) {
    if (i % STATS_PER_TURN === 0 && i > 0) {
      throwIfCancelled(token);
      await yieldToEventLoop();
    }
    out.push(stampOf(files[i]!));
  }
  return out;
}

/**
 * The stored envelope and every entry's shape, checked before anything is trusted: a file cut
 * short or edited by hand is rebuilt, never half used.
 */
function checkStored(raw: unknown): StoredCache {
  const fail = (what: string): never => {
    throw new Error(what);
  };
  if (!raw || typeof raw !== 'object') fail('not an object');
  const s = raw as Record<string, unknown>;
  if (typeof s.format !== 'string' || typeof s.engine !== 'string' || typeof s.fingerprint !== 'string') fail('no format, engine or fingerprint');
  if (!Array.isArray(s.code)) fail('no code entries');
  for (const e of s.code as unknown[]) {
    if (
      !Array.isArray(e) ||
      e.length !== 6 ||
      typeof e[0] !== 'string' ||
      typeof e[1] !== 'number' ||
      typeof e[2] !== 'number' ||
      typeof e[3] !== 'string' ||
      typeof e[5] !== 'number'
    )
      fail('a code entry is malformed');
    const o = (e as unknown[])[4];
    if (o !== 0 && (!o || typeof o !== 'object')) fail('a code entry has no outcome');
  }
  if (!Array.isArray(s.specs)) fail('no spec entries');
  for (const e of s.specs as unknown[]) {
    if (!Array.isArray(e) || e.length !== 3 || typeof e[0] !== 'string' || typeof e[1] !== 'string' || !Array.isArray(e[2])) fail('a spec entry is malformed');
    if (!(e as unknown[][])[2]!.every(isStoredFinding)) fail('a spec entry holds a malformed finding');
  }
  return raw as StoredCache;
}

const SEVERITIES: readonly unknown[] = ['error', 'warning', 'info', 'hint'];

/** The parts of a finding every reader of it relies on: where it is, what it says, how severe. */
export function isStoredFinding(raw: unknown): boolean {
  if (!raw || typeof raw !== 'object') return false;
  const f = raw as Record<string, unknown>;
  return typeof f.path === 'string' && typeof f.code === 'string' && typeof f.message === 'string' && SEVERITIES.includes(f.severity) && isRange(f.range);
}

function isRange(raw: unknown): boolean {
  const r = raw as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  const at = (p: { line?: unknown; character?: unknown } | undefined) => !!p && typeof p.line === 'number' && typeof p.character === 'number';
  return !!r && typeof r === 'object' && at(r.start) && at(r.end);
}
