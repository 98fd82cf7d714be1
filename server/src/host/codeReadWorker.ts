// @spec specthread-core#21.2
import { parentPort } from 'worker_threads';
import { BatchDone, ReadBatch, requestsOf, toWire, WireRead } from './codeReadProtocol';
import { readCodeFileSync, scratchBuffer } from './readCodeFiles';

/**
 * The code-reading thread (its own small bundle, dist/codeReadWorker.js): reads each batch of code
 * files exactly as the engine's thread would (readCodeFiles.ts: open, size check, read, marker
 * test, decode) and sends back what it found, so the engine parses specs meanwhile. It holds no
 * state between batches but their queue; a batch the engine cancelled stops at the next file.
 *
 * Batches are read one per turn of the event loop, so that batches sent meanwhile arrive between
 * two, and an urgent one (whole texts the engine waits for, see ReadBatch.urgent) is read before
 * the code files asked for earlier.
 */
function serve(): void {
  const scratch = scratchBuffer();
  const urgent: ReadBatch[] = [];
  const queued: ReadBatch[] = [];
  let scheduled = false;
  const next = () => {
    scheduled = false;
    const batch = urgent.shift() ?? queued.shift();
    if (!batch) return;
    read(batch);
    if (urgent.length + queued.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(next);
  };
  const read = (batch: ReadBatch) => {
    const reads: WireRead[] = [];
    for (const request of requestsOf(batch)) {
      if (Atomics.load(batch.cancelled, 0) !== 0) {
        parentPort!.postMessage({ id: batch.id } satisfies BatchDone);
        return;
      }
      reads.push(toWire(readCodeFileSync(request, batch.hostMaxBytes, scratch)));
    }
    parentPort!.postMessage({ id: batch.id, reads } satisfies BatchDone);
  };
  parentPort?.on('message', (batch: ReadBatch) => {
    (batch.urgent ? urgent : queued).push(batch);
    schedule();
  });
}

serve();
