// @spec specthread-core#21.4
import { existsSync } from 'fs';
import { join } from 'path';
import type { Worker } from 'worker_threads';
import type { PrecheckSettings, PrecheckedStatement, StatementPrecheck } from '../core/engine/options';
import { PlainStatement } from '../core/requirements/statement';
import { Range } from '../core/text/range';
import { workerThreadsModule } from './lazyBuiltins';
import { StatementBatch, StatementBatchDone, StatementBatchWriter, ToStatementThread } from './statementProtocol';

/**
 * Where the worker's bundle is: next to the bundle that loads it (dist/). Undefined when this
 * module runs from its TypeScript source (tests, scripts under tsx), where there is no bundle and
 * so no thread: every statement is then checked on the engine's thread, as before.
 */
export const DEFAULT_STATEMENT_WORKER_SCRIPT: string | undefined = __filename.endsWith('.ts') ? undefined : join(__dirname, 'statementWorker.js');

/**
 * Requirements files below which a run starts no thread. The thread's start-up (its isolate and
 * the rules' bundle, some 40 ms of the other core) and sending each statement there and back
 * pay only when there are many statements to check; a small repository checks its few on the
 * engine's thread, as before.
 */
const MIN_FILES = 200;

/** Statements sent per message: enough to amortise a message, few enough that the first results come back early. */
const BATCH_STATEMENTS = 1_000;

/** One submitted file: its statements, and their findings once the thread sent them. */
interface Submitted {
  readonly glossary: readonly string[];
  /** The glossary's key as the statement cache writes it (terms joined by NUL), made on first lookup. */
  glossaryKey?: string;
  readonly statements: readonly PlainStatement[];
  results?: readonly (PrecheckedStatement | undefined)[];
  /** Where the next lookup starts: a spec's statements are asked for in the order they were sent. */
  next: number;
  /** Statements not asked for yet; the file is forgotten when none is left. */
  left: number;
}

export interface StatementThreadOptions {
  /** The worker's entry; undefined for no thread (see DEFAULT_STATEMENT_WORKER_SCRIPT). */
  readonly script?: string;
  /** Requirements files below which no thread starts (see MIN_FILES). */
  readonly minFiles?: number;
}

/**
 * The engine's statement precheck in the CLI (EngineOptions.statementPrecheck): a worker thread
 * that checks requirement statements with the statement rules while the engine parses specs
 * and scans code, the work the second core otherwise has little of. Each file's results are kept
 * until its statements are looked up, and each answer is forgotten as it is given. The thread
 * stops once it answered the last batch of a run; when it cannot start or dies, what it did not
 * answer is simply missing, and the engine checks those statements itself.
 */
export class StatementThread implements StatementPrecheck {
  private worker: Worker | undefined;
  private failed = false;
  private run = 0;
  private nextId = 0;
  private ended = false;
  private readonly files = new Map<string, Submitted>();
  /** Batches sent and not answered yet, by id: the paths of their files. */
  private readonly inFlight = new Map<number, readonly string[]>();
  private buffer = new StatementBatchWriter();
  private bufferPaths: string[] = [];
  private readonly script: string | undefined;
  private readonly minFiles: number;
  /** Callers of `answered` waiting for the batches in flight. */
  private waiting: (() => void)[] = [];
  /** What the first batch of a run waits for before it is sent (see holdUntil). */
  private gate: (() => Promise<void>) | undefined;
  /** Batches of this run kept back until the gate opens; undefined once it is open (or without a gate). */
  private held: { readonly id: number; readonly batch: StatementBatch }[] | undefined;

  constructor(options: StatementThreadOptions = { script: DEFAULT_STATEMENT_WORKER_SCRIPT }) {
    this.script = options.script;
    this.minFiles = options.minFiles ?? MIN_FILES;
  }

  /**
   * Sends a run's batches only once `gate` resolves (asked at the run's first batch). The CLI
   * holds them until the code-reading thread has read every code file (openWorkspace.ts): while
   * it reads, the engine's thread parses specs on the other core, and a third busy thread only
   * took turns with both (at the benchmark's L size the statement thread saved the engine's
   * thread ~0.45 s of CPU time and the run no wall time). Sent when the reads are done, its
   * work runs on the core they free, and the check waits for its answers before the rules run.
   */
  holdUntil(gate: () => Promise<void>): void {
    this.gate = gate;
  }

  /** Whether a thread is running now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Starts the thread before the run begins, so that it boots while the workspace is listed and
   * the other core is idle, not while it reads code (see openWorkspace.ts). A run that does not
   * use it (too few requirements files) stops it in `begin`; it never keeps the process alive.
   */
  prestart(): void {
    if (this.script !== undefined && !this.failed) this.start();
  }

  begin(settings: PrecheckSettings, files: number): boolean {
    this.forget();
    if (this.script === undefined || this.failed || files < this.minFiles) {
      // A thread started early for a large listing is not kept for a run too small to use it.
      this.stop();
      return false;
    }
    const worker = this.start();
    if (!worker) return false;
    this.run++;
    this.ended = false;
    this.held = this.gate ? [] : undefined;
    try {
      worker.postMessage({ type: 'begin', run: this.run, settings } satisfies ToStatementThread);
    } catch {
      // Settings that cannot be sent (none should be: they are parsed JSON) leave every statement to the engine.
      this.fail();
      return false;
    }
    return true;
  }

  submit(glossary: readonly string[], statements: readonly PlainStatement[]): void {
    if (!this.worker || statements.length === 0) return;
    const path = statements[0]!.path;
    this.files.set(path, { glossary, statements, next: 0, left: statements.length });
    this.buffer.add(glossary, statements);
    this.bufferPaths.push(path);
    if (this.buffer.statements >= BATCH_STATEMENTS) this.flush();
  }

  end(): void {
    this.flush();
    this.ended = true;
    this.stopWhenAnswered();
  }

  take(statement: PlainStatement, glossary: string): PrecheckedStatement | undefined {
    const file = this.files.get(statement.path);
    if (!file?.results) return undefined;
    const { statements } = file;
    let at = -1;
    for (let n = 0, i = file.next; n < statements.length; n++, i = i + 1 === statements.length ? 0 : i + 1) {
      if (sameStatement(statements[i]!, statement)) {
        at = i;
        break;
      }
    }
    if (at < 0) return undefined;
    file.glossaryKey ??= file.glossary.join('\u0000');
    if (file.glossaryKey !== glossary) return undefined;
    file.next = at + 1 === statements.length ? 0 : at + 1;
    if (--file.left === 0) this.files.delete(statement.path);
    // No result means no rule found anything there (see precheckStatements).
    return file.results[at] ?? { line: statements[at]!.range.start.line };
  }

  /** Whether batches of the run are sent (or held) and not answered yet. */
  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** Resolves once no batch is in flight (answered, or lost with the thread): tests wait for it to see every answer used. */
  answered(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    // Referenced only while someone waits: see start().
    this.worker?.ref();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private settle(): void {
    if (this.inFlight.size > 0) return;
    if (this.waiting.length) this.worker?.unref();
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** Stops the thread and forgets every result (the language server's shutdown, or a new run). */
  dispose(): void {
    this.forget();
    this.stop();
  }

  private forget(): void {
    this.files.clear();
    this.inFlight.clear();
    this.held = undefined;
    this.settle();
    this.buffer = new StatementBatchWriter();
    this.bufferPaths = [];
  }

  private flush(): void {
    const worker = this.worker;
    if (!worker || this.bufferPaths.length === 0) return;
    const id = this.nextId++;
    this.inFlight.set(id, this.bufferPaths);
    const batch = this.buffer.take();
    this.bufferPaths = [];
    if (this.held) {
      if (this.held.length === 0) this.openGateLater(this.run);
      this.held.push({ id, batch });
      return;
    }
    this.post(worker, id, batch);
  }

  private post(worker: Worker, id: number, batch: StatementBatch): void {
    try {
      worker.postMessage({ type: 'check', run: this.run, id, batch } satisfies ToStatementThread, [batch.numbers.buffer as ArrayBuffer]);
    } catch {
      this.fail();
    }
  }

  /** Sends the held batches of `run` once the gate resolves (or fails: then at once), unless another run began meanwhile. */
  private openGateLater(run: number): void {
    const open = () => {
      const held = this.held;
      if (run !== this.run || !held) return;
      this.held = undefined;
      for (const { id, batch } of held) {
        const worker = this.worker;
        if (!worker) return;
        this.post(worker, id, batch);
      }
    };
    const waiting = this.gate?.() ?? Promise.resolve();
    waiting.then(open, open);
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      // A missing bundle would only fail in the thread, after the batch was sent; say so at once.
      const script = this.script!;
      if (!existsSync(script)) throw new Error(`${script} is missing`);
      const worker = new (workerThreadsModule().Worker)(script);
      worker.on('message', (done: StatementBatchDone) => this.done(done));
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      // Never keeps the process alive: answers are used only while the index awaits its reads (the
      // rules run synchronously after it), so a CLI run that has printed its report does not wait
      // for a thread that fell behind.
      worker.unref();
      this.worker = worker;
    } catch {
      this.fail();
    }
    return this.worker;
  }

  private done({ run, id, results }: StatementBatchDone): void {
    const paths = this.inFlight.get(id);
    if (run !== this.run || !paths) return;
    this.inFlight.delete(id);
    paths.forEach((path, i) => {
      const file = this.files.get(path);
      if (file && results[i]) file.results = results[i];
    });
    this.stopWhenAnswered();
    this.settle();
  }

  /** After the last batch of a run, the thread has nothing more to do: its memory goes back now. */
  private stopWhenAnswered(): void {
    if (this.ended && this.inFlight.size === 0) this.stop();
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    // Its exit is no failure: the next run starts a new thread.
    worker.removeAllListeners('exit');
    void worker.terminate();
  }

  /**
   * The thread could not start or died: batches in flight get no answer, so their statements are
   * checked on the engine's thread, and no later run starts a thread again.
   */
  private fail(): void {
    this.failed = true;
    this.held = undefined;
    this.inFlight.clear();
    this.settle();
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
  }
}

/**
 * Equal in every field `statementKey` reads, and on the same line: the statement the engine looks
 * up is the one it submitted when both come from the same parse, which makes the strings the same
 * objects and the comparison cheap. Compared field by field, as making both keys cost as much as
 * the comparison saves.
 */
function sameStatement(a: PlainStatement, b: PlainStatement): boolean {
  if (a.id !== b.id || !sameRange(a.range, b.range)) return false;
  if (!a.source || !b.source) return !a.source && !b.source && a.fallbackText === b.fallbackText;
  return a.source.raw === b.source.raw && a.source.start.line === b.source.start.line && a.source.start.character === b.source.start.character;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
