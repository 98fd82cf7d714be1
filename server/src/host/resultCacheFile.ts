// @spec specthread-core#21.3
import { createHash } from 'crypto';
import { Stats, promises as fs, statSync } from 'fs';
import * as path from 'path';
import { CancellationToken, throwIfCancelled, yieldToEventLoop } from '../core/cancellation';
import { writeFileAtomic } from './atomicWrite';
import { readCacheFile } from './cacheFileRead';
import { engineIdentity } from './factCacheFile';
import { Listing } from './recordingWorkspace';

/** Bumped whenever the stored shape changes, so an older file is ignored, not misread. */
export const RESULT_CACHE_FORMAT = 'specthread-result-cache/1';
export const RESULT_CACHE_FILE_NAME = 'results.json';

/** See factCacheFile.ts: a file changed this close to the run's start cannot be told from the state the run read. */
const RACY_MILLIS = 2000;
const STATS_PER_TURN = 2000;

/** What a command printed and how it exited, and the report files it wrote (`--output`), written again on a hit. */
export interface CachedOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly reports?: readonly { readonly file: string; readonly format: string; readonly text: string }[];
}

/**
 * The stored file. `stamps` holds one line per file the run read or looked up: its index in the
 * listing (`#12`) or, for a file outside the listing, its path, then size, mtime and ctime, with
 * size -1 for a file that did not exist. Lines in one string, since parsing one JSON string is
 * far cheaper than parsing a hundred thousand small arrays.
 */
interface StoredResult {
  readonly format: string;
  readonly engine: string;
  readonly key: string;
  readonly listing: string;
  readonly stamps: string;
  readonly output: CachedOutput;
}

export interface ResultCacheFileOptions {
  /** Notes for the user (stderr): a cache rebuilt or not written is said, never fatal. */
  readonly warn: (message: string) => void;
  /** Overrides the engine identity, so tests can write a cache "from another version". */
  readonly engine?: string;
}

/**
 * The result cache of `check --cache` (ESLint's cache, one level up): the whole output of a run,
 * stored under everything it was computed from: the engine build, the command's options and
 * project roots (`key`), the listing of the roots (files and the walk's notes), and the stamp
 * (size, mtime, ctime) of every file the run read or looked up, including those that did not
 * exist. A later run with the same key walks the roots and stats those files; when nothing
 * moved, the stored output is the output, byte for byte, without parsing a spec. Any
 * difference is a miss and the run analyses as usual. The file is read once and dropped after
 * the look-up; it is written once, atomically.
 */
export class ResultCacheFile {
  private stored: StoredResult | undefined;
  private readonly startedAt = Date.now();

  private constructor(
    readonly file: string,
    private readonly engine: string,
    private readonly options: ResultCacheFileOptions,
  ) {}

  /** Loads the cache in `dir`: a missing file is an empty cache, a broken one an empty cache and a note. */
  static async open(dir: string, options: ResultCacheFileOptions): Promise<ResultCacheFile> {
    const cache = new ResultCacheFile(path.join(dir, RESULT_CACHE_FILE_NAME), options.engine ?? engineIdentity(), options);
    await cache.load();
    return cache;
  }

  private async load(): Promise<void> {
    const read = await readCacheFile(this.file, checkStored);
    if (read && 'value' in read) this.stored = read.value;
    else if (read)
      this.options.warn(
        `SpecThread: the result cache ${this.file} ${read.problem}; ${read.unreadable ? 'the specs are analysed' : 'it is rebuilt from the files'}.`,
      );
  }

  /**
   * The stored output when it was computed under `key` by this engine from exactly this listing
   * and every file it read still has its stamp; undefined otherwise. Drops the stored file's
   * contents either way, so they are not held while a missed run analyses.
   */
  async lookup(key: string, list: () => Promise<Listing>, token: CancellationToken): Promise<CachedOutput | undefined> {
    const stored = this.stored;
    this.stored = undefined;
    if (!stored || stored.format !== RESULT_CACHE_FORMAT || stored.engine !== this.engine || stored.key !== key) return undefined;
    const listing = await list();
    if (listingDigest(listing) !== stored.listing) return undefined;
    const lines = stored.stamps === '' ? [] : stored.stamps.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (i % STATS_PER_TURN === 0 && i > 0) {
        throwIfCancelled(token);
        await yieldToEventLoop();
      }
      const line = lines[i]!;
      // The path comes last, so a path holding a space or a tab still reads back whole.
      const [size, mtime, ctime] = line.split(' ', 3);
      const ref = line.slice(size!.length + mtime!.length + ctime!.length + 3);
      const file = ref.startsWith('#') ? listing.files[Number(ref.slice(1))] : ref;
      if (file === undefined || stampOf(statOrUndefined(file)) !== `${size} ${mtime} ${ctime}`) return undefined;
    }
    return stored.output;
  }

  /**
   * Stores `output` as the result of a run under `key` that saw `listing` and read `read` (each
   * path with whether a file was found there). Nothing is stored when a file the run read was
   * changed or deleted since the run began (or changed just before): the output may not be what
   * its stamp now says. A cache that cannot be written is a
   * note, never a failure.
   */
  async save(key: string, listing: Listing, read: ReadonlyMap<string, boolean>, output: CachedOutput, token: CancellationToken): Promise<void> {
    const index = new Map<string, number>();
    listing.files.forEach((f, i) => index.set(f, i));
    const lines: string[] = [];
    let n = 0;
    for (const [file, found] of read) {
      if (++n % STATS_PER_TURN === 0) {
        throwIfCancelled(token);
        await yieldToEventLoop();
      }
      const stat = statOrUndefined(file);
      // The mtime may lag a write by a tick, hence the margin; the ctime only says a change (a chmod, an mtime set back) happened during the run.
      if (stat && (stat.mtimeMs >= this.startedAt - RACY_MILLIS || stat.ctimeMs >= this.startedAt)) return;
      if (!stat && found) return;
      const at = index.get(file);
      lines.push(`${stampOf(stat)} ${at !== undefined ? `#${at}` : file}`);
    }
    const stored: StoredResult = { format: RESULT_CACHE_FORMAT, engine: this.engine, key, listing: listingDigest(listing), stamps: lines.join('\n'), output };
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify(stored));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      this.options.warn(`SpecThread: the result cache could not be written to ${this.file} (${code ?? String(err)}); the next run analyses the specs.`);
    }
  }
}

/** The listing's files in order and its notes, as one hash: any file created, deleted, renamed or newly ignored changes it. */
function listingDigest(listing: Listing): string {
  const hash = createHash('sha1');
  for (const f of listing.files) hash.update(f).update('\0');
  hash.update(JSON.stringify(listing.notes));
  return hash.digest('base64');
}

/** Size, mtime and ctime (a chmod or a file replaced by rename moves the ctime even when the mtime is kept); `-1 0 0` for no file. */
function stampOf(stat: Stats | undefined): string {
  return stat ? `${stat.size} ${stat.mtimeMs} ${stat.ctimeMs}` : '-1 0 0';
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? stat : undefined;
  } catch {
    // A file the system refuses to stat is stamped as missing; if it was read, the stored stamp differs and the run analyses.
    return undefined;
  }
}

/** The envelope's shape, checked before anything is trusted: a file cut short or edited by hand is rebuilt, never half used. */
function checkStored(raw: unknown): StoredResult {
  if (!raw || typeof raw !== 'object') throw new Error('not an object');
  const s = raw as Record<string, unknown>;
  for (const field of ['format', 'engine', 'key', 'listing', 'stamps'] as const) if (typeof s[field] !== 'string') throw new Error(`no ${field}`);
  const o = s.output as Record<string, unknown> | undefined;
  if (!o || typeof o !== 'object' || typeof o.exitCode !== 'number' || typeof o.stdout !== 'string' || typeof o.stderr !== 'string')
    throw new Error('no output');
  const reports = o.reports as unknown;
  if (
    reports !== undefined &&
    !(
      Array.isArray(reports) &&
      reports.every((r: unknown) => {
        const f = r as Record<string, unknown> | null;
        return !!f && typeof f.file === 'string' && typeof f.format === 'string' && typeof f.text === 'string';
      })
    )
  )
    throw new Error('bad reports');
  return raw as StoredResult;
}
