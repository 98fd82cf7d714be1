// @spec specthread-core#21.3
import type { SpecThreadSettings } from '../../../../shared/settings';
import { DEFAULT_TRACE_SETTINGS } from '../../../../shared/traceSettings';
import { CancellationToken } from '../cancellation';
import { FileNote } from '../fileNote';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';
import { CodeFileFacts, SkipReason } from '../trace/model';

/**
 * What scanning one code file came to: the tags it carries (absent when it has none, which is
 * most files, so "no tags" is remembered too), or why it was not scanned, with the note the host
 * gave when it read the file in a degraded way.
 */
export type CodeOutcome =
  | { readonly facts?: CodeFileFacts; readonly note?: FileNote; readonly skipped?: undefined }
  | { readonly skipped: SkipReason; readonly facts?: undefined; readonly note?: undefined };

/**
 * The port of the warm cache (like ESLint's `--cache`): facts of files from an earlier run, which
 * the engine takes in place of reading and scanning a file that has not changed since. The core
 * only asks and records; the host decides whether a file is unchanged (its size, mtime and ctime, and
 * its content hash when only the times moved) and where the facts are stored.
 *
 * A cache only answers for the fingerprint it was begun with: facts depend on the settings (test
 * globs decide a code file's role), so facts recorded under other settings are dropped, never reused.
 *
 * Only code files' facts are cached here. Spec files are read anyway (their text is kept for rules
 * and edits), and at 2,000 specs loading their facts from JSON measured about as slow as parsing
 * them again (1.0 s against 1.2 s of CPU) for a cache file six times larger, so they are parsed;
 * what the per-spec rules made of them is cached by content (specResultCache.ts).
 */
export interface FactCache {
  /** Called once, before the first lookup, with the fingerprint of the settings the engine runs with. */
  begin(fingerprint: string): void;
  /** What this code file came to when it is unchanged since it was recorded; undefined means read and scan it. */
  code(path: string, token: CancellationToken): Promise<CodeOutcome | undefined>;
  /**
   * Records what a code file read as `text` came to (`text` is undefined when the file was not
   * read). `hash` is given instead of the text when the workspace scanned the file itself
   * (Workspace.readCodeFiles): the host's hash of the text, made where the text was.
   */
  putCode(path: string, outcome: CodeOutcome, text: string | undefined, hash?: string): void;
}

/**
 * The settings part of a cache's fingerprint: what decides a code file's facts besides its text.
 * The test globs give its role and the size limit whether it is scanned; excludes are not here,
 * since the engine asks whether a file is traced before it asks the cache. Only these, so the CLI
 * and the language server (whose editor settings differ in other ways) share one cache.
 */
export function settingsFingerprint(settings: SpecThreadSettings, formats: readonly SpecFormatPlugin[], roots: readonly string[]): string {
  const trace = settings.codeTrace ?? DEFAULT_TRACE_SETTINGS;
  return JSON.stringify({ testFiles: trace.testFiles, maxFileSize: trace.maxFileSize, formats: formats.map((f) => f.id), roots });
}

/**
 * A cache begun lazily on first use: the fingerprint is only known once the engine has read the
 * repository's config files, which indexing does before the first file is looked up.
 */
export class BoundFactCache {
  private begun = false;

  constructor(
    private readonly cache: FactCache,
    private readonly fingerprint: () => string,
  ) {}

  private ready(): FactCache {
    if (!this.begun) this.cache.begin(this.fingerprint());
    this.begun = true;
    return this.cache;
  }

  code(path: string, token: CancellationToken): Promise<CodeOutcome | undefined> {
    return this.ready().code(path, token);
  }

  putCode(path: string, outcome: CodeOutcome, text: string | undefined, hash?: string): void {
    this.ready().putCode(path, outcome, text, hash);
  }
}
