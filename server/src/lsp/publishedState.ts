// @spec specthread-core#21.3
import * as path from 'path';
import { IndexedParams } from '../../../shared/protocol';
import { CancellationToken } from '../core/cancellation';
import { Engine } from '../core/engine';
import { Finding } from '../core/findings';
import { engineIdentity, isStoredFinding } from '../host/factCacheFile';
import { uriToPath } from '../host/paths';
import { RecordingWorkspace } from '../host/recordingWorkspace';
import { STAT_WORKER_FROM, StampedCacheFile } from '../host/stampedCacheFile';
import { ClientLink, OpenDocuments } from './link';

/** Bumped whenever the stored shape changes, so an older file is ignored, not misread. */
export const PUBLISHED_STATE_FORMAT = 'specthread-published-state/1';
export const PUBLISHED_STATE_FILE_NAME = 'published.json';

/**
 * What start-up indexing last published: the counts of `specthread/indexed` and the findings of
 * every file that showed any (the publisher turns them into diagnostics exactly as it did).
 */
export interface PublishedState {
  readonly counts: Omit<IndexedParams, 'millis'>;
  readonly files: readonly (readonly [path: string, findings: readonly Finding[]])[];
}

/**
 * The language server's warm start, "start from the last published state": the diagnostics the
 * last start-up published and its indexed counts, stored (`published.json`, beside the fact
 * cache) under everything they were computed from, as `check --cache` stores its output
 * (host/stampedCacheFile.ts): the engine build, the effective settings, roots and formats, the
 * listing of the roots, and the stamp of every listed file and every other file start-up read
 * (`specthread.json`, baselines). On a hit the server publishes them and reports indexed before it
 * parses a spec; the models are then built as on a cold start and requests wait for them
 * (lsp/indexing.ts, Session.read).
 *
 * The state is of the disk files: it is neither used nor stored while an open document's text
 * differs from its file, nor while the editor's test reports (whose findings come from files
 * outside the stamps' reach) are configured.
 */
export class PublishedStateCache {
  private file: StampedCacheFile<PublishedState> | undefined;

  constructor(
    private readonly reader: RecordingWorkspace,
    private readonly dir: string,
    private readonly documents: OpenDocuments,
    private readonly link: ClientLink,
    /** False while something the stamps cannot see decides findings (the editor's test reports). */
    private readonly usable: () => boolean,
    /** Overrides the engine identity, for tests. */
    private readonly engine: string = engineIdentity(),
  ) {}

  /** The stored state when nothing it was computed from moved; undefined otherwise (a cold start). */
  async lookup(engine: Engine, token: CancellationToken): Promise<PublishedState | undefined> {
    // Opened first either way: the file's clock starts the run, so a file changed while start-up
    // reads the workspace is never stored as unchanged (see StampedCacheFile.save).
    const file = await this.open();
    if (!this.usable() || !(await this.openDocumentsAsOnDisk(token))) return undefined;
    return file.lookup(keyOf(engine, this.reader.roots), () => this.reader.list(token), token);
  }

  /**
   * What the publish about to be recorded is computed under: the key (settings change later in
   * tasks queued behind start-up) and the open documents' versions (a buffer edited after the
   * publish, even back to the disk text, may not be what was published).
   */
  moment(engine: Engine): PublishedMoment {
    return { key: keyOf(engine, this.reader.roots), documents: versionsOf(this.documents) };
  }

  /**
   * Stores what start-up published at `moment`, unless the roots were walked again meanwhile, an
   * open document changed since, or one is not what is on disk; then stops recording the reads
   * either way.
   */
  async save(moment: PublishedMoment, state: PublishedState, token: CancellationToken): Promise<void> {
    try {
      if (this.reader.relisted || !this.usable() || versionsOf(this.documents) !== moment.documents) return;
      if (!(await this.openDocumentsAsOnDisk(token)) || versionsOf(this.documents) !== moment.documents) return;
      const file = await this.open();
      await file.save(moment.key, await this.reader.list(token), this.reader.readPaths, state, token, true);
    } finally {
      this.reader.stop();
    }
  }

  /** Stops recording without storing anything (a warm start: the state stored is the state). */
  drop(): void {
    this.reader.stop();
  }

  private async open(): Promise<StampedCacheFile<PublishedState>> {
    const file = path.join(this.dir, PUBLISHED_STATE_FILE_NAME);
    return (this.file ??= await StampedCacheFile.open(file, {
      format: PUBLISHED_STATE_FORMAT,
      engine: this.engine,
      checkOutput: checkState,
      warn: (problem) => this.link.log.warn(`SpecThread: the published state ${file} ${problem}; the specs are indexed.`),
      statWorkerFrom: STAT_WORKER_FROM,
      unwritten: (code) => this.link.log.warn(`SpecThread: the published state could not be written to ${file} (${code}); the next start indexes first.`),
    }));
  }

  /** True when every open document's text is its file's (a buffer with unsaved changes is not what was stored). */
  private async openDocumentsAsOnDisk(token: CancellationToken): Promise<boolean> {
    for (const doc of this.documents.all()) {
      const file = uriToPath(doc.uri);
      if (file && (await this.reader.readFile(file, token)) !== doc.getText()) return false;
    }
    return true;
  }
}

/** The key and the open documents' versions at the moment a publish was recorded (see PublishedStateCache.moment). */
export interface PublishedMoment {
  readonly key: string;
  readonly documents: string;
}

/** Every open document with its version, as one string. */
function versionsOf(documents: OpenDocuments): string {
  return documents
    .all()
    .map((d) => `${d.uri}@${d.version}`)
    .sort()
    .join('\n');
}

/** What the published state depends on besides the files: the effective settings (editor and repository), the roots, the formats. */
function keyOf(engine: Engine, roots: readonly string[]): string {
  return JSON.stringify({ settings: engine.settings, roots, formats: engine.formats.map((f) => f.id) });
}

/** The state's shape, checked before anything is trusted: a file cut short or edited by hand is ignored, never half used. */
function checkState(raw: unknown): PublishedState {
  const s = raw as Record<string, unknown> | undefined;
  if (!s || typeof s !== 'object') throw new Error('no state');
  const counts = s.counts as Record<string, unknown> | undefined;
  if (!counts || typeof counts !== 'object' || !['specs', 'files', 'findings'].every((k) => typeof counts[k] === 'number')) throw new Error('no counts');
  if (!Array.isArray(s.files)) throw new Error('no files');
  for (const entry of s.files as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) throw new Error('a file entry is malformed');
    if (!(entry[1] as unknown[]).every(isStoredFinding)) throw new Error('a file entry holds a malformed finding');
  }
  return raw as PublishedState;
}
