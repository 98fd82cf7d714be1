// @spec specthread-core#21.4
import type { PrecheckFile } from '../core/checks/statementPrecheck';
import type { PrecheckSettings, PrecheckedStatement } from '../core/engine/options';
import type { PlainStatement } from '../core/requirements/statement';

/** The engine's thread to the statement thread: a run's settings, then its files in batches (see StatementBatch). */
export type ToStatementThread =
  | { readonly type: 'begin'; readonly run: number; readonly settings: PrecheckSettings }
  | { readonly type: 'check'; readonly run: number; readonly id: number; readonly batch: StatementBatch };

/**
 * A batch of files' statements as numbers and one string. Cloned as objects, each statement's
 * ranges and strings cost the engine's thread about 9 µs in `postMessage` (some 370 ms for the
 * 41,000 criteria of the benchmark's L size, most of what the thread saved); a typed array is
 * handed over without a copy and a string is copied flat, so a statement costs a few array writes.
 */
export interface StatementBatch {
  /** Per file: its path, its glossary, and how many statements it has. */
  readonly files: readonly { readonly path: string; readonly glossary: readonly string[]; readonly count: number }[];
  /** Per statement, FIELDS numbers: its range, its source's start (line -1 for none), and the lengths of its id and text in `texts`. */
  readonly numbers: Int32Array;
  /** Every statement's id and text (its raw source, or its fallback text when it has none), one after the other. */
  readonly texts: string;
}

const FIELDS = 8;

/** Builds a StatementBatch file by file. */
export class StatementBatchWriter {
  private files: { path: string; glossary: readonly string[]; count: number }[] = [];
  private numbers: number[] = [];
  private texts: string[] = [];
  statements = 0;

  add(glossary: readonly string[], statements: readonly PlainStatement[]): void {
    this.files.push({ path: statements[0]!.path, glossary, count: statements.length });
    const { numbers, texts } = this;
    for (const { id, range, source, fallbackText } of statements) {
      const text = source ? source.raw : fallbackText;
      numbers.push(
        range.start.line,
        range.start.character,
        range.end.line,
        range.end.character,
        source ? source.start.line : -1,
        source ? source.start.character : 0,
        id.length,
        text.length,
      );
      texts.push(id, text);
    }
    this.statements += statements.length;
  }

  /** The batch so far, as a message and the buffer to transfer with it; the writer starts empty again. */
  take(): StatementBatch {
    const batch: StatementBatch = { files: this.files, numbers: Int32Array.from(this.numbers), texts: this.texts.join('') };
    this.files = [];
    this.numbers = [];
    this.texts = [];
    this.statements = 0;
    return batch;
  }
}

/** The files of a batch with their statements, as the engine submitted them. */
export function filesOf({ files, numbers, texts }: StatementBatch): PrecheckFile[] {
  let n = 0;
  let at = 0;
  return files.map(({ path, glossary, count }) => {
    const statements: PlainStatement[] = [];
    for (let i = 0; i < count; i++, n += FIELDS) {
      const id = texts.slice(at, (at += numbers[n + 6]!));
      const text = texts.slice(at, (at += numbers[n + 7]!));
      const range = { start: { line: numbers[n]!, character: numbers[n + 1]! }, end: { line: numbers[n + 2]!, character: numbers[n + 3]! } };
      const hasSource = numbers[n + 4]! >= 0;
      statements.push({
        path,
        id,
        range,
        source: hasSource ? { raw: text, start: { line: numbers[n + 4]!, character: numbers[n + 5]! } } : undefined,
        fallbackText: hasSource ? '' : text,
      });
    }
    return { glossary, statements };
  });
}

/** The statement thread's answer to one batch: per file, per statement, its findings (undefined: none). */
export interface StatementBatchDone {
  readonly run: number;
  readonly id: number;
  readonly results: readonly (readonly (PrecheckedStatement | undefined)[])[];
}
