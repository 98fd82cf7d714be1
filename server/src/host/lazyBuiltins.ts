// @spec specthread-core#21.4
import type * as ChildProcess from 'child_process';
import type * as Crypto from 'crypto';
import type * as Os from 'os';
import type * as V8 from 'v8';
import type * as WorkerThreads from 'worker_threads';

/**
 * Node built-ins that only some runs use, loaded on their first use instead of when the bundle
 * loads. A `check` of a small repository hashes nothing (crypto: the caches, GitLab
 * fingerprints), runs no git (child_process, which loads net and dgram too), starts no thread
 * (worker_threads: large workspaces only) and, with a full code cache, never asks V8 for its heap
 * statistics (v8, which loads Node's streams); loading them all at start cost some 9 ms of CPU
 * time on every run, a tenth of a `check` of a small repository above Node's own start. Node
 * keeps a built-in once loaded, so a later call costs a table lookup.
 */

/* eslint-disable @typescript-eslint/no-require-imports -- a require in a function body is what loads a module on first use. */
export function childProcessModule(): typeof ChildProcess {
  return require('child_process') as typeof ChildProcess;
}

export function cryptoModule(): typeof Crypto {
  return require('crypto') as typeof Crypto;
}

export function osModule(): typeof Os {
  return require('os') as typeof Os;
}

export function v8Module(): typeof V8 {
  return require('v8') as typeof V8;
}

export function workerThreadsModule(): typeof WorkerThreads {
  return require('worker_threads') as typeof WorkerThreads;
}
/* eslint-enable @typescript-eslint/no-require-imports */
