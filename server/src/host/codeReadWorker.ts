// @spec specthread-core#21.2
import { parentPort } from 'worker_threads';
import { CancellationToken, CancelledError } from '../core/cancellation';
import { TraceRole } from '../core/trace/model';
import { scanCodeText } from '../core/trace/scanCodeFile';
import { CodeRead, CodeReadBatch, codeReadRequest } from '../core/workspace';
import {
  BatchDone,
  FOLLOW_LINK_CODE,
  MISSING_CODE,
  NO_TAGS_CODE,
  NO_TRACE_CODE,
  ReadBatch,
  TAGGED_CODE,
  TagWriter,
  WireRead,
  filesOf,
  wireFault,
} from './codeReadProtocol';
import { contentHash } from './contentHash';
import { parentOf } from './paths';
import { FOLLOW_LINK, readCodeFileSync, scratchBuffer } from './readCodeFiles';

/**
 * The code-reading thread (its own small bundle, dist/codeReadWorker.js): reads each batch of code
 * files exactly as the engine's thread would (readCodeFiles.ts: open, size check, read, marker
 * test, decode), scans the text of each file with a role as the engine would (scanCodeText, the
 * engine's own code, with the role and size limit the batch gives), and sends back what it found,
 * so the engine parses specs meanwhile and neither scans those texts nor receives them. It holds
 * no state between batches; a batch the engine cancelled stops at the next file.
 */
function serve(): void {
  const scratch = scratchBuffer();
  /** The plain folders of the engine's last listing (see ReadBatch.plainDirs). */
  let plainDirs = new Set<string>();
  parentPort?.on('message', (batch: ReadBatch) => {
    if (batch.plainDirs) {
      if (batch.plainDirs.reset) plainDirs = new Set();
      for (const dir of batch.plainDirs.added) plainDirs.add(dir);
    }
    const token: CancellationToken = {
      get isCancellationRequested() {
        return Atomics.load(batch.cancelled, 0) !== 0;
      },
    };
    const { paths, roles } = filesOf(batch);
    const files: CodeReadBatch = { paths, roles, maxBytes: batch.maxBytes, hashes: batch.hashes };
    const reads: WireRead[] = [];
    const tags = new TagWriter();
    for (let i = 0; i < paths.length; i++) {
      if (token.isCancellationRequested) return cancelled(batch);
      const path = paths[i]!;
      if (batch.checkPlain && !plainDirs.has(parentOf(path))) {
        // Not in a folder the listing entered without a symlink: the engine's thread reads it the careful way.
        reads.push(FOLLOW_LINK_CODE);
        continue;
      }
      const role = roles[i];
      const read = readCodeFileSync(codeReadRequest(files, i), batch.hostMaxBytes, scratch);
      if (read === FOLLOW_LINK) reads.push(FOLLOW_LINK_CODE);
      else if (read.noTrace) reads.push(NO_TRACE_CODE);
      else if (read.text === undefined) reads.push(read.note === undefined ? MISSING_CODE : { text: undefined, note: read.note });
      else if (role === undefined) reads.push({ text: read.text, note: read.note });
      else {
        const scanned = scan(path, read, role, batch, token, tags);
        if (scanned === undefined) return cancelled(batch);
        reads.push(scanned);
      }
    }
    parentPort!.postMessage({ id: batch.id, reads, tags: tags.done() } satisfies BatchDone);
  });
}

/** A file's text scanned as the engine's thread would (CodeFiles.set), as it crosses back; undefined when the batch was cancelled meanwhile. */
function scan(path: string, read: CodeRead, role: TraceRole, batch: ReadBatch, token: CancellationToken, tags: TagWriter): WireRead | undefined {
  const text = read.text!;
  let outcome;
  try {
    outcome = scanCodeText(path, text, role, batch.maxBytes, token);
  } catch (err) {
    if (err instanceof CancelledError || token.isCancellationRequested) return undefined;
    // A fault is the engine's to show, on this file, as it shows one of its own scan.
    return { scan: wireFault(err), note: read.note };
  }
  if ('skipped' in outcome) return { scan: outcome.skipped, note: read.note, hash: batch.hashes ? contentHash(text) : undefined };
  if (outcome.facts) tags.add(outcome.facts);
  const code = outcome.facts ? TAGGED_CODE : NO_TAGS_CODE;
  if (read.note === undefined && !batch.hashes) return code;
  return { scan: code, note: read.note, hash: batch.hashes ? contentHash(text) : undefined };
}

function cancelled(batch: ReadBatch): void {
  parentPort!.postMessage({ id: batch.id } satisfies BatchDone);
}

serve();
