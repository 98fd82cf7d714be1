// @spec specthread-core#21.3
import { statSync } from 'fs';
import type { Worker } from 'worker_threads';
import { workerThreadsModule } from './lazyBuiltins';

/**
 * What the warm cache compares of a file's stat (see factCacheFile.ts). Only these three numbers
 * are kept: at 100,000 files, whole `fs.Stats` objects (with their dates) held some 85 MB while
 * the server saved its cache.
 */
export interface Stamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

/**
 * The worker's whole program, inline rather than a file of its own, so that it runs the same
 * from the bundle, from the sources under test and from dist/. It stats every file in order and
 * hands back one Float64Array of size, mtime and ctime per file (size -1: gone, or not a file).
 */
const SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const fs = require('fs');
const files = workerData;
const out = new Float64Array(files.length * 3);
for (let i = 0; i < files.length; i++) {
  let s;
  try {
    s = fs.statSync(files[i], { throwIfNoEntry: false });
  } catch {
    s = undefined;
  }
  if (s && s.isFile()) {
    out[3 * i] = s.size;
    out[3 * i + 1] = s.mtimeMs;
    out[3 * i + 2] = s.ctimeMs;
  } else out[3 * i] = -1;
}
parentPort.postMessage(out, [out.buffer]);
`;

/**
 * The stamps of many files, taken on a worker thread: the warm cache begins them as soon as it is
 * loaded, so 100,000 stats (0.3-0.5 s of CPU at the benchmark's L size) run beside the walk and
 * the spec parsing on the main thread instead of after them. Rejects when the worker cannot run;
 * the caller then stats on the main thread.
 */
export function statInWorker(files: readonly string[]): Promise<(Stamp | undefined)[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new (workerThreadsModule().Worker)(SOURCE, { eval: true, workerData: files });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    let settled = false;
    worker.once('message', (out: Float64Array) => {
      settled = true;
      const stamps: (Stamp | undefined)[] = new Array<Stamp | undefined>(files.length);
      for (let i = 0; i < files.length; i++) {
        stamps[i] = out[3 * i]! < 0 ? undefined : { size: out[3 * i]!, mtimeMs: out[3 * i + 1]!, ctimeMs: out[3 * i + 2]! };
      }
      resolve(stamps);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the stat worker exited with code ${code} before answering`));
    });
  });
}

/**
 * The stamp of one file on this thread, as the worker takes it: undefined when the file is gone,
 * is not a file, or the system refuses to stat it (a file whose stamp cannot be taken is never
 * trusted, so it is read again).
 */
export function stampOf(file: string): Stamp | undefined {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    return s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs } : undefined;
  } catch {
    return undefined;
  }
}
