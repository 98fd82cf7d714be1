// @spec specthread-core#15.3, specthread-core#4.4, specthread-core#14.1, specthread-core#20.3
import { Engine } from '../core/engine';
import { uriToPath } from '../host/paths';
import { Guard } from './guard';
import { ClientLink, OpenDocuments } from './link';
import { Writer } from './writer';

/** Reports indexing progress to the client: files done of the files to read. */
export type ProgressReport = (done: number, total: number) => void;

/**
 * Start-up, as one task of the writer: reads the configuration, indexes the workspace (the
 * specs of open documents first), then publishes every spec and tells the client it is done.
 * Requests are served between indexing batches; edits made meanwhile are applied in turns.
 */
export function indexWorkspace(
  writer: Writer,
  engine: Engine,
  documents: OpenDocuments,
  link: ClientLink,
  guard: Guard,
  report: ProgressReport,
): Promise<void> {
  const started = Date.now();
  const priority = documents
    .all()
    .map((d) => uriToPath(d.uri))
    .map((p) => (p ? engine.specDirOf(p) : undefined))
    .filter((d): d is string => !!d);
  return writer.enqueue('indexing', async () => {
    try {
      await writer.reloadRepoConfig();
      // Both ways: `$/progress` for editors that show work-done progress, and the typed
      // notification the VS Code client's status item counts with.
      await engine.indexWorkspace(
        writer.token,
        (p) => {
          report(p.done, p.total);
          link.indexingProgress?.({ done: p.done, total: p.total });
        },
        priority,
      );
    } catch (err) {
      // A failure part-way still publishes what was read: silence would hide every spec.
      guard.logFailure('indexing', err);
    }
    const findings = writer.publishEverything();
    reportSkipped(engine, link);
    const dirs = engine.specDirs();
    link.indexed({ specs: dirs.length, files: dirs.reduce((n, d) => n + engine.filesOfSpec(d).length, 0), findings, millis: Date.now() - started });
  });
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
