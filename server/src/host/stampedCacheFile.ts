// @spec specthread-core#21.3
import { promises as fs } from 'fs';
import * as path from 'path';
import { CancellationToken, throwIfCancelled, yieldToEventLoop } from '../core/cancellation';
import { writeFileAtomic } from './atomicWrite';
import { readCacheFile } from './cacheFileRead';
import { cryptoModule } from './lazyBuiltins';
import { Listing } from './recordingWorkspace';
import { Stamp, stampOf, statInWorker } from './statWorker';

/** See factCacheFile.ts: a file changed this close to the run's start cannot be told from the state the run read. */
const RACY_MILLIS = 2000;
const STATS_PER_TURN = 2000;

/**
 * The stored file. `stamps` holds one line per file the run read or looked up (and, when asked,
 * per listed file): its index in the listing (`#12`) or, for a file outside the listing, its
 * path, then size, mtime and ctime, with size -1 for a file that did not exist. Lines in one
 * string, since parsing one JSON string is far cheaper than parsing a hundred thousand small arrays.
 */
interface Stored<T> {
  readonly format: string;
  readonly engine: string;
  readonly key: string;
  readonly listing: string;
  readonly stamps: string;
  /** The listed files, `\0`-joined, so that their stats can begin before the roots are walked again (only with `statWorkerFrom`). */
  readonly files?: string;
  readonly output: T;
}

export interface StampedCacheFileOptions<T> {
  /** The stored format; a file of another format is ignored, not misread. */
  readonly format: string;
  /** The identity of the engine build; a file written by another build is ignored. */
  readonly engine: string;
  /** Checks the stored output's shape (throws on a bad one), before anything is trusted. */
  readonly checkOutput: (raw: unknown) => T;
  /** Says that the file cannot be used (corrupt, unreadable) or not written; never fatal. */
  readonly warn: (problem: string, unreadable: boolean) => void;
  /** Says that the file could not be written. */
  readonly unwritten: (code: string) => void;
  /**
   * From this many stamps on, a look-up stats on a worker thread while the roots are walked
   * (STAT_WORKER_FROM; tests lower it), for which the listed files are stored too. Without it,
   * the stats run on the main thread after the walk: `check --cache` keeps that, since at
   * 100,000 files the stored listing and the worker raised its peak RSS by ~85 MB (128 -> 215 MB)
   * for about the same CPU time, while the server's start-up is waited on by an editor.
   */
  readonly statWorkerFrom?: number;
}

/** Below this many stamps, starting a worker thread costs more than the stats it would move. */
export const STAT_WORKER_FROM = 2000;

/**
 * One output stored under everything it was computed from: the engine build, a `key` (options,
 * settings, roots), the listing of the roots (files and the walk's notes) and the stamp (size,
 * mtime, ctime) of every file the run read or looked up, including those that did not exist.
 * A later run with the same key walks the roots and stats those files; when nothing moved, the
 * stored output is the output. Any difference is a miss. Shared by `check --cache`
 * (resultCacheFile.ts) and the language server's published state (lsp/publishedState.ts). The
 * file is read once and dropped after the look-up; it is written once, atomically.
 */
export class StampedCacheFile<T> {
  private stored: Stored<T> | undefined;
  private readonly startedAt = Date.now();

  private constructor(
    readonly file: string,
    private readonly options: StampedCacheFileOptions<T>,
  ) {}

  /** Loads `file`: a missing file is an empty cache, a broken one an empty cache and a note. */
  static async open<T>(file: string, options: StampedCacheFileOptions<T>): Promise<StampedCacheFile<T>> {
    const cache = new StampedCacheFile(file, options);
    const read = await readCacheFile(file, (raw) => checkStored(raw, options.checkOutput));
    if (read && 'value' in read) cache.stored = read.value;
    else if (read) options.warn(read.problem, read.unreadable);
    return cache;
  }

  /** True when a file was loaded and may answer a look-up under `key` (nothing is statted). */
  mayHold(key: string): boolean {
    const s = this.stored;
    return !!s && s.format === this.options.format && s.engine === this.options.engine && s.key === key;
  }

  /**
   * The stored output when it was computed under `key` by this engine from exactly this listing
   * and every file it read still has its stamp; undefined otherwise. Drops the stored file's
   * contents either way, so they are not held while a missed run analyses.
   */
  async lookup(key: string, list: () => Promise<Listing>, token: CancellationToken): Promise<T | undefined> {
    const stored = this.mayHold(key) ? this.stored : undefined;
    this.stored = undefined;
    if (!stored) return undefined;
    const lines = stored.stamps === '' ? [] : stored.stamps.split('\n');
    // The stored listing names every file a stamp line refers to, so their stats can run on a
    // worker thread while the main thread walks the roots (at 100,000 files both take about as
    // long); the stamps only count once the walk has shown the listing is the stored one.
    const storedFiles = stored.files === undefined ? undefined : stored.files === '' ? [] : stored.files.split('\0');
    const early =
      storedFiles && this.options.statWorkerFrom !== undefined && lines.length >= this.options.statWorkerFrom
        ? statInWorker(lines.map((line) => fileOf(refOf(line), storedFiles) ?? ''))
        : undefined;
    // A worker that cannot run is not a failure: the stats are taken on the main thread instead.
    early?.catch(() => undefined);
    const listing = await list();
    if (listingDigest(listing) !== stored.listing) return undefined;
    const taken = await early?.catch(() => undefined);
    for (let i = 0; i < lines.length; i++) {
      if (!taken && i % STATS_PER_TURN === 0 && i > 0) {
        throwIfCancelled(token);
        await yieldToEventLoop();
      }
      const line = lines[i]!;
      if (taken) {
        if (!line.startsWith(`${stampText(taken[i])} `)) return undefined;
        continue;
      }
      const file = fileOf(refOf(line), listing.files);
      if (file === undefined || !line.startsWith(`${stampText(stampOf(file))} `)) return undefined;
    }
    return stored.output;
  }

  /**
   * Stores `output` as the result of a run under `key` that saw `listing` and read `read` (each
   * path with whether a file was found there); with `everyListed`, every listed file is stamped
   * too, read or not (a file whose facts came from another cache was not read through the
   * recording). Nothing is stored when a file was changed or deleted since the run began (or
   * changed just before): the output may not be what its stamp now says. Returns whether the
   * file was written; a cache that cannot be written is a note, never a failure.
   */
  async save(key: string, listing: Listing, read: ReadonlyMap<string, boolean>, output: T, token: CancellationToken, everyListed = false): Promise<boolean> {
    const index = new Map<string, number>();
    listing.files.forEach((f, i) => index.set(f, i));
    const files: [string, boolean][] = [...read];
    if (everyListed) for (const file of listing.files) if (!read.has(file)) files.push([file, true]);
    // With a stat worker, the stamps come back as numbers, not as 100,000 `fs.Stats` objects
    // (with their dates) left for the server's collector just after start-up.
    const useWorker = this.options.statWorkerFrom !== undefined && files.length >= this.options.statWorkerFrom;
    const taken = useWorker ? await statInWorker(files.map(([file]) => file)).catch(() => undefined) : undefined;
    const lines: string[] = [];
    for (let i = 0; i < files.length; i++) {
      if (!taken && i % STATS_PER_TURN === 0 && i > 0) {
        throwIfCancelled(token);
        await yieldToEventLoop();
      }
      const [file, found] = files[i]!;
      const stat = taken ? taken[i] : stampOf(file);
      // The mtime may lag a write by a tick, hence the margin; the ctime only says a change (a chmod, an mtime set back) happened during the run.
      if (stat && (stat.mtimeMs >= this.startedAt - RACY_MILLIS || stat.ctimeMs >= this.startedAt)) return false;
      if (!stat && found) return false;
      const at = index.get(file);
      lines.push(`${stampText(stat)} ${at !== undefined ? `#${at}` : file}`);
    }
    const stored: Stored<T> = {
      format: this.options.format,
      engine: this.options.engine,
      key,
      listing: listingDigest(listing),
      stamps: lines.join('\n'),
      files: this.options.statWorkerFrom === undefined ? undefined : listing.files.join('\0'),
      output,
    };
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify(stored));
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      this.options.unwritten(code ?? String(err));
      return false;
    }
  }
}

/**
 * The listing's files in order and its notes, as one hash: any file created, deleted, renamed or
 * newly ignored changes it. Each file is followed by `\0`; hashed as one string, since 200,000
 * calls of `update` cost 0.15 s at 100,000 files.
 */
function listingDigest(listing: Listing): string {
  const hash = cryptoModule().createHash('sha1');
  if (listing.files.length) hash.update(`${listing.files.join('\0')}\0`);
  hash.update(JSON.stringify(listing.notes));
  return hash.digest('base64');
}

/** What a stored stamp line (`size mtime ctime ref`) is of: `#index` in the listing, or a path (last, so a path holding a space still reads back whole). */
function refOf(line: string): string {
  let at = -1;
  for (let n = 0; n < 3; n++) at = line.indexOf(' ', at + 1);
  return line.slice(at + 1);
}

/** The file a stamp line's ref names in `files` (the listing), or its path. */
function fileOf(ref: string, files: readonly string[]): string | undefined {
  return ref.startsWith('#') ? files[Number(ref.slice(1))] : ref;
}

/** Size, mtime and ctime (a chmod or a file replaced by rename moves the ctime even when the mtime is kept); `-1 0 0` for no file (or one the system refuses to stat: if it was read, the stored stamp differs and the run analyses). */
function stampText(stamp: Stamp | undefined): string {
  return stamp ? `${stamp.size} ${stamp.mtimeMs} ${stamp.ctimeMs}` : '-1 0 0';
}

/** The envelope's shape, checked before anything is trusted: a file cut short or edited by hand is rebuilt, never half used. */
function checkStored<T>(raw: unknown, checkOutput: (raw: unknown) => T): Stored<T> {
  if (!raw || typeof raw !== 'object') throw new Error('not an object');
  const s = raw as Record<string, unknown>;
  for (const field of ['format', 'engine', 'key', 'listing', 'stamps'] as const) if (typeof s[field] !== 'string') throw new Error(`no ${field}`);
  if (s.files !== undefined && typeof s.files !== 'string') throw new Error('bad files');
  checkOutput(s.output);
  return raw as Stored<T>;
}
