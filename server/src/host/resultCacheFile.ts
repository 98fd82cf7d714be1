// @spec specthread-core#21.3
import * as path from 'path';
import { CancellationToken } from '../core/cancellation';
import { engineIdentity } from './factCacheFile';
import { Listing } from './recordingWorkspace';
import { StampedCacheFile } from './stampedCacheFile';

/** Bumped whenever the stored shape changes, so an older file is ignored, not misread. */
export const RESULT_CACHE_FORMAT = 'specthread-result-cache/1';
export const RESULT_CACHE_FILE_NAME = 'results.json';

/** What a command printed and how it exited, and the report files it wrote (`--output`), written again on a hit. */
export interface CachedOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly reports?: readonly { readonly file: string; readonly format: string; readonly text: string }[];
}

export interface ResultCacheFileOptions {
  /** Notes for the user (stderr): a cache rebuilt or not written is said, never fatal. */
  readonly warn: (message: string) => void;
  /** Overrides the engine identity, so tests can write a cache "from another version". */
  readonly engine?: string;
}

/**
 * The result cache of `check --cache` (ESLint's cache, one level up): the whole output of a run,
 * stored under everything it was computed from (see stampedCacheFile.ts): the engine build, the
 * command's options and project roots (`key`), the listing of the roots, and the stamp of every
 * file the run read or looked up. When nothing moved, the stored output is the output, byte for
 * byte, without parsing a spec. Any difference is a miss and the run analyses as usual.
 */
export class ResultCacheFile {
  private constructor(private readonly stamped: StampedCacheFile<CachedOutput>) {}

  get file(): string {
    return this.stamped.file;
  }

  /** Loads the cache in `dir`: a missing file is an empty cache, a broken one an empty cache and a note. */
  static async open(dir: string, options: ResultCacheFileOptions): Promise<ResultCacheFile> {
    const file = path.join(dir, RESULT_CACHE_FILE_NAME);
    const stamped = await StampedCacheFile.open(file, {
      format: RESULT_CACHE_FORMAT,
      engine: options.engine ?? engineIdentity(),
      checkOutput,
      warn: (problem, unreadable) =>
        options.warn(`SpecThread: the result cache ${file} ${problem}; ${unreadable ? 'the specs are analysed' : 'it is rebuilt from the files'}.`),
      unwritten: (code) => options.warn(`SpecThread: the result cache could not be written to ${file} (${code}); the next run analyses the specs.`),
    });
    return new ResultCacheFile(stamped);
  }

  /** The stored output when it was computed under `key` from exactly this listing and every file it read is unchanged (see StampedCacheFile.lookup). */
  lookup(key: string, list: () => Promise<Listing>, token: CancellationToken): Promise<CachedOutput | undefined> {
    return this.stamped.lookup(key, list, token);
  }

  /**
   * Stores `output` as the result of a run under `key` that saw `listing` and read `read` (see
   * StampedCacheFile.save). Every listed file is stamped, read or not: code files the fact cache
   * answered for were not read, yet the output depends on them.
   */
  async save(key: string, listing: Listing, read: ReadonlyMap<string, boolean>, output: CachedOutput, token: CancellationToken): Promise<void> {
    await this.stamped.save(key, listing, read, output, token, true);
  }
}

/** The output's shape, checked before anything is trusted: a file cut short or edited by hand is rebuilt, never half used. */
function checkOutput(raw: unknown): CachedOutput {
  const o = raw as Record<string, unknown> | undefined;
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
  return raw as CachedOutput;
}
