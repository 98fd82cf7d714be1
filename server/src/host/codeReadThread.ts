// @spec specthread-core#21.2
import { existsSync } from 'fs';
import { join } from 'path';
import type { Worker } from 'worker_threads';
import { CancellationToken, CancelledError } from '../core/cancellation';
import { CodeRead, CodeReadBatch } from '../core/workspace';
import { BatchDone, PlainDirsUpdate, TagReader, encodeBatch, fromWire } from './codeReadProtocol';
import { workerThreadsModule } from './lazyBuiltins';
import { FOLLOW_LINK } from './readCodeFiles';

/** How long the thread waits for another batch before it stops (see CodeReadThread.idle). */
const IDLE_MS = 100;

/**
 * Where the worker's bundle is: next to the bundle that loads it (dist/). Undefined when this
 * module runs from its TypeScript source (tests, scripts under tsx), where there is no bundle:
 * code files are then read on the main thread, as a missing thread is no fault there.
 */
export const DEFAULT_WORKER_SCRIPT: string | undefined = __filename.endsWith('.ts') ? undefined : join(__dirname, 'codeReadWorker.js');

interface Pending {
  /** The batch asked for: its paths and roles complete what comes back (see fromWire). */
  readonly batch: CodeReadBatch;
  readonly token: CancellationToken;
  readonly cancelled: Int32Array;
  readonly resolve: (reads: (CodeRead | typeof FOLLOW_LINK)[] | undefined) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * The engine's side of the code-reading thread (codeReadWorker.ts). Started on the first batch,
 * kept for later ones, and referenced only while a batch is in flight, so it never keeps a CLI run
 * alive. When the thread cannot start or dies, every batch in flight, and every later one, is
 * answered `undefined`: the workspace then reads on its own thread, as it did before, after one note.
 */
export class CodeReadThread {
  private worker: Worker | undefined;
  /** Stops the idle thread (see IDLE_MS). */
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private failed = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** The listing's plain folders the running worker holds: the list, and how many of its entries (see read). */
  private sentPlainDirs: readonly string[] | undefined;
  private sentPlainCount = 0;
  /** Callers of `whenIdle` waiting for the batches in flight. */
  private idleWaiters: (() => void)[] = [];

  constructor(
    /** The worker's entry; undefined for no thread (see DEFAULT_WORKER_SCRIPT). */
    private readonly script: string | undefined,
    private readonly onFailure: (message: string) => void,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Whether a thread is running now (it stops when idle, see idle()). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** False once the thread failed: the workspace then does not ask it again. */
  get usable(): boolean {
    return this.script !== undefined && !this.failed;
  }

  /**
   * Reads a batch on the thread: each result as `readCodeFileSync` gives it, except that the text
   * of a file with a role comes back scanned (see codeReadWorker.ts), or `undefined` for the whole
   * batch when the thread is not available. Rejects with CancelledError once `token` is cancelled
   * (noticed as batches come back); the thread then stops reading that batch. With `plainDirs`
   * (the folders a listing entered without a symlink, in the order entered), a path in any other
   * folder is not read and comes back as FOLLOW_LINK. The list only grows while its listing goes
   * on, and each folder crosses to the worker once: a batch carries the folders entered since the
   * last one, and a new listing's list (a new array) replaces what the worker held.
   */
  read(
    batch: CodeReadBatch,
    hostMaxBytes: number,
    token: CancellationToken,
    plainDirs?: readonly string[],
  ): Promise<(CodeRead | typeof FOLLOW_LINK)[] | undefined> {
    const worker = this.start();
    if (!worker) return Promise.resolve(undefined);
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    const cancelled = new Int32Array(new SharedArrayBuffer(4));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { batch, token, cancelled, resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage(encodeBatch(id, batch, hostMaxBytes, cancelled, plainDirs !== undefined, this.plainDirsUpdate(plainDirs)));
    });
  }

  /** The change to the worker's plain folders that brings it to `plainDirs` (see read); undefined for none. */
  private plainDirsUpdate(plainDirs: readonly string[] | undefined): PlainDirsUpdate | undefined {
    if (plainDirs === undefined) return undefined;
    const reset = plainDirs !== this.sentPlainDirs;
    const from = reset ? 0 : this.sentPlainCount;
    if (!reset && from === plainDirs.length) return undefined;
    this.sentPlainDirs = plainDirs;
    this.sentPlainCount = plainDirs.length;
    return { reset, added: from === 0 ? plainDirs : plainDirs.slice(from) };
  }

  /**
   * Resolves once no batch is in flight (at once when none is): an index asks for all its code
   * batches up front, so this is when the thread has read them all and its core is free again
   * (the CLI's statement thread waits for it, see statementThread.ts).
   */
  whenIdle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIfIdle(): void {
    if (this.pending.size > 0 || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * Starts the thread before its first batch, so that it boots while the engine's thread lists
   * the workspace and the other core is idle (see NodeWorkspace.listForReading). It does
   * not keep the process alive, and a run that sends no batch stops it with `stopIfIdle`.
   */
  prestart(): void {
    this.start();
  }

  /** Stops the thread (the language server's shutdown); batches in flight are answered `undefined`. */
  dispose(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.failed = true;
    this.settleAll();
    void worker?.terminate();
  }

  private start(): Worker | undefined {
    if (this.worker || !this.usable) return this.worker;
    try {
      // A missing bundle would only fail in the thread, after the batch was sent; say so at once.
      const script = this.script!;
      if (!existsSync(script)) throw new Error(`${script} is missing`);
      const worker = new (workerThreadsModule().Worker)(script);
      worker.on('message', (done: BatchDone) => this.done(done));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => this.fail(new Error(`it exited with code ${code}`)));
      worker.unref();
      this.worker = worker;
      this.sentPlainDirs = undefined;
    } catch (err) {
      this.fail(err);
    }
    return this.worker;
  }

  private done({ id, reads, tags }: BatchDone): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (reads && !pending.token.isCancellationRequested) {
      const { paths, roles } = pending.batch;
      const reader = new TagReader(tags);
      pending.resolve(reads.map((read, i) => fromWire(read, paths[i]!, roles[i], reader)));
    } else pending.reject(new CancelledError());
    this.noticeCancellations();
    if (this.pending.size === 0) this.idle();
    this.notifyIfIdle();
  }

  /**
   * Nothing in flight: the thread no longer keeps the process alive, and stops after IDLE_MS
   * unless another batch comes. An index reads its batches back to back; an idle thread held
   * about 11 MB for the rest of a CLI run, and of a language server's life.
   */
  private idle(): void {
    const worker = this.worker;
    if (!worker) return;
    worker.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.worker === worker) this.stopIfIdle();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  /** Stops the thread now unless a batch is in flight; the next batch starts a new one. */
  stopIfIdle(): void {
    const worker = this.worker;
    if (!worker || this.pending.size > 0) return;
    clearTimeout(this.idleTimer);
    this.worker = undefined;
    // Its exit is no failure: the next batch starts a new thread.
    worker.removeAllListeners('exit');
    void worker.terminate();
  }

  /** Batches whose token was cancelled meanwhile: the thread skips what is left of them, and their callers hear it now. */
  private noticeCancellations(): void {
    for (const [id, batch] of this.pending) {
      if (!batch.token.isCancellationRequested) continue;
      Atomics.store(batch.cancelled, 0, 1);
      this.pending.delete(id);
      batch.reject(new CancelledError());
    }
  }

  private fail(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.onFailure(`the code-reading thread could not run (${err instanceof Error ? err.message : String(err)}); code files are read on the main thread`);
    this.settleAll();
  }

  private settleAll(): void {
    for (const batch of this.pending.values()) batch.resolve(undefined);
    this.pending.clear();
    this.notifyIfIdle();
  }
}
