// @spec specthread-core#15.3, specthread-core#4.4, specthread-core#14.1, specthread-core#20.3, specthread-core#21.3
import { CancellationToken } from '../core/cancellation';
import { Engine } from '../core/engine';
import { Finding } from '../core/findings';
import { FactCacheFile } from '../host/factCacheFile';
import { uriToPath } from '../host/paths';
import { Guard } from './guard';
import { ClientLink, OpenDocuments } from './link';
import { PublishedMoment, PublishedState, PublishedStateCache } from './publishedState';
import { Writer } from './writer';

/** Reports indexing progress to the client: files done of the files to read. */
export type ProgressReport = (done: number, total: number) => void;

/** The warm start's parts (see publishedState.ts): the stored state, and how the session shows it. */
export interface WarmStart {
  readonly cache: PublishedStateCache;
  /** Shows the stored diagnostics (the publisher's restore). */
  readonly restore: (state: PublishedState) => void;
  /** Start-up's publish is recorded, so it can be stored. */
  readonly record: () => void;
  readonly takeRecorded: () => ReadonlyMap<string, readonly Finding[]> | undefined;
  /** Indexed was reported from the stored state; `models` settles once they are built and published. */
  readonly onHit: (models: Promise<void>) => void;
}

/**
 * Start-up, as one task of the writer: reads the configuration, indexes the workspace (the
 * specs of open documents first), then publishes every spec and tells the client it is done.
 * Requests are served between indexing batches; edits made meanwhile are applied in turns.
 * With `openCache` (`specthread.cache.enabled`), code files unchanged since the last start are
 * taken from the warm cache, and so are the own findings of specs whose files, settings and
 * baselines are what they were (the first publish asks for them); the cache is written again
 * after the writer's task, off the edit path; `onSaving` is handed that write, so a shutdown can
 * let it finish.
 *
 * With `warm`, what the last start published is looked up first: when nothing it depends on
 * moved, those diagnostics are shown and `specthread/indexed` is sent after the walk and the
 * stats, and the models are built right after in the same task, so that everything queued
 * behind it (file events, settings, and in the session edits and requests) waits for them.
 * "Indexed" then means: every file shows the diagnostics a full index gives, and every answer
 * will be computed from the full index. Any miss is the cold path, whose publish is stored.
 */
export function indexWorkspace(
  writer: Writer,
  engine: Engine,
  documents: OpenDocuments,
  link: ClientLink,
  guard: Guard,
  report: ProgressReport,
  openCache?: (token: CancellationToken) => Promise<FactCacheFile | undefined>,
  onSaving?: (saving: Promise<void>) => void,
  warm?: WarmStart,
): Promise<void> {
  const started = Date.now();
  const priority = documents
    .all()
    .map((d) => uriToPath(d.uri))
    .map((p) => (p ? engine.specDirOf(p) : undefined))
    .filter((d): d is string => !!d);
  let cache: FactCacheFile | undefined;
  /** Indexed was reported from the stored state (whose findings are not held past their publish). */
  let hit = false;
  let recorded: ReadonlyMap<string, readonly Finding[]> | undefined;
  let counts: PublishedState['counts'] | undefined;
  let moment: PublishedMoment | undefined;
  const indexed = writer.enqueue('indexing', async () => {
    try {
      await writer.reloadRepoConfig();
      // A document opened with the editor is published before the walk competes with it.
      await writer.openedPublished();
      const stored = await lookUp(warm, engine, writer.token, guard);
      if (stored) {
        hit = true;
        // Requests and edits wait for the models from here on, before the client hears of indexed.
        warm!.onHit(indexed);
        warm!.restore(stored);
        link.log.info('SpecThread: nothing changed since the last start: its diagnostics are shown while the specs are read again.');
        link.indexed({ ...stored.counts, millis: Date.now() - started });
      }
      cache = await openCache?.(writer.token);
      // Spec results too, until the first publish has computed every spec's findings.
      engine.useSpecResults(cache);
      // Both ways: `$/progress` for editors that show work-done progress, and the typed
      // notification the VS Code client's status item counts with. Not after a warm indexed:
      // the client's status item already says indexed.
      const progress = byPercent((done, total) => {
        if (hit) return;
        report(done, total);
        link.indexingProgress?.({ done, total });
      });
      await engine.indexWorkspace(writer.token, (p) => progress(p.done, p.total), priority, cache);
    } catch (err) {
      // A failure part-way still publishes what was read: silence would hide every spec.
      guard.logFailure('indexing', err);
    }
    let findings: number;
    if (warm && !hit) {
      moment = warm.cache.moment(engine);
      warm.record();
    }
    try {
      findings = writer.publishEverything();
    } finally {
      engine.useSpecResults(undefined);
      recorded = warm?.takeRecorded();
    }
    reportSkipped(engine, link);
    const dirs = engine.specDirs();
    counts = { specs: dirs.length, files: dirs.reduce((n, d) => n + engine.filesOfSpec(d).length, 0), findings };
    if (!hit) link.indexed({ ...counts, millis: Date.now() - started });
  });
  return indexed.then(() => {
    // One after the other: each stats every file and builds its file as one string, and at L the
    // two at once raised the cold server's peak RSS.
    const saving = saveCache(cache, link, guard, writer.token).then(() => savePublished(warm, hit ? undefined : recorded, counts, moment, guard, writer.token));
    onSaving?.(saving);
    return saving;
  });
}

/** The stored published state, when the warm start has one that still holds; a failure is logged and is a cold start. */
async function lookUp(warm: WarmStart | undefined, engine: Engine, token: CancellationToken, guard: Guard): Promise<PublishedState | undefined> {
  try {
    return await warm?.cache.lookup(engine, token);
  } catch (err) {
    guard.logFailure('reading the published state', err);
    return undefined;
  }
}

/** Stores what a cold start-up published, for the next start; after a warm one only stops recording. */
async function savePublished(
  warm: WarmStart | undefined,
  recorded: ReadonlyMap<string, readonly Finding[]> | undefined,
  counts: PublishedState['counts'] | undefined,
  moment: PublishedMoment | undefined,
  guard: Guard,
  token: CancellationToken,
): Promise<void> {
  if (!warm) return;
  if (!recorded || !counts || !moment) return warm.cache.drop();
  const files = [...recorded].filter(([, list]) => list.length > 0);
  try {
    await warm.cache.save(moment, { counts, files }, token);
  } catch (err) {
    guard.logFailure('writing the published state', err);
  }
}

/**
 * Passes on progress only when the whole percentage moves (and at the end): indexing reports
 * every batch of 16 files, and at 6,000 spec files the two notifications per batch cost some
 * 0.15 s of a warm start's CPU in JSON and socket writes, for a bar that shows percents.
 */
export function byPercent(report: ProgressReport): ProgressReport {
  let last = -1;
  return (done, total) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    if (percent === last && done !== total) return;
    last = percent;
    report(done, total);
  };
}

/** Writes the warm cache once indexing is published; a failure is logged, never fatal. */
async function saveCache(cache: FactCacheFile | undefined, link: ClientLink, guard: Guard, token: CancellationToken): Promise<void> {
  if (!cache) return;
  try {
    await cache.save(token);
    const { hits, misses, specHits, specMisses } = cache.counts;
    link.log.info(
      `SpecThread: code files from the cache: ${hits}, read: ${misses}; spec findings from the cache: ${specHits}, checked: ${specMisses} (${cache.file}).`,
    );
  } catch (err) {
    guard.logFailure('writing the cache', err);
  }
}

/** Files too large or binary to scan are reported once, not as one diagnostic each. */
function reportSkipped(engine: Engine, link: ClientLink): void {
  const skipped = engine.code.skippedFiles();
  if (skipped.size === 0) return;
  const large = [...skipped.values()].filter((r) => r === 'too-large').length;
  link.log.info(
    `SpecThread: ${skipped.size} file(s) not scanned for trace tags (${large} larger than specthread.codeTrace.maxFileSize = ${engine.code.settings.maxFileSize} bytes, ${skipped.size - large} binary), e.g. ${[...skipped.keys()][0]}`,
  );
}
