// @spec specthread-core#21.2
import { parentPort } from 'worker_threads';
import { BatchDone, ReadBatch, requestsOf, toWire, WireRead } from './codeReadProtocol';
import { readCodeFileSync, scratchBuffer } from './readCodeFiles';

/**
 * The code-reading thread (its own small bundle, dist/codeReadWorker.js): reads each batch of code
 * files exactly as the engine's thread would (readCodeFiles.ts: open, size check, read, marker
 * test, decode) and sends back what it found, so the engine parses specs meanwhile. It holds no
 * state between batches; a batch the engine cancelled stops at the next file.
 */
function serve(): void {
  const scratch = scratchBuffer();
  parentPort?.on('message', (batch: ReadBatch) => {
    const reads: WireRead[] = [];
    for (const request of requestsOf(batch)) {
      if (Atomics.load(batch.cancelled, 0) !== 0) {
        parentPort!.postMessage({ id: batch.id } satisfies BatchDone);
        return;
      }
      reads.push(toWire(readCodeFileSync(request, batch.hostMaxBytes, scratch)));
    }
    parentPort!.postMessage({ id: batch.id, reads } satisfies BatchDone);
  });
}

serve();
