// @spec specthread-core#14.1, specthread-core#15.1
import { CancellationToken } from '../cancellation';
import { SpecRule } from '../checks/rule';
import { WorkspaceRule } from '../checks/workspaceRule';
import { Log } from '../faults';
import { FileNote } from '../fileNote';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';
import { parseSpecFile } from '../parse/parseSpecFile';
import type { SpecThreadSettings } from '../../../../shared/settings';
import type { PlainStatement } from '../requirements/statement';
import type { ReportedProblem } from '../checks/rule';
import { TraceRule } from '../trace/rules/traceRule';
import { Workspace } from '../workspace';

/** How the engine is embedded: where stacks of internal errors go, and seams for tests. */
export interface EngineOptions {
  /** Receives the stack of every internal error; the CLI passes stderr, the server its output channel. */
  readonly log?: Log;
  /** Rules run after the registered ones, so tests can add one that misbehaves. */
  readonly extraRules?: {
    readonly spec?: readonly SpecRule[];
    readonly workspace?: readonly WorkspaceRule[];
    readonly trace?: readonly TraceRule[];
  };
  /** Replaces the spec-file parser, so tests can make it throw on one file. */
  readonly parse?: typeof parseSpecFile;
  /** The spec formats the engine reads; the registered ones (formats/registry.ts) by default. */
  readonly formats?: readonly SpecFormatPlugin[];
  /**
   * Keep findings that a suppression comment or the baseline accepts, marked with `accepted`,
   * instead of dropping them: SARIF reports them as suppressed. Callers filter them out of
   * everything else; the language server never sets it.
   */
  readonly keepAccepted?: boolean;
  /**
   * Archived specs (OpenSpec's `changes/archive/`, Kiro's `specs/archive/`) are listed but not read
   * at indexing; the index reads them only when a ref or tag may name one (engine/archiveNeed.ts),
   * and `loadArchives` reads them on request. For one-shot runs whose analysis never changes after
   * indexing (`specthread check`): archives are records that no check reads, and on a repository
   * with a long history they are most of its spec files. An archived file that is not read gets no
   * host note (binary, not UTF-8) either.
   */
  readonly lazyArchives?: boolean;
  /**
   * Checks requirement statements off the engine's thread while the index runs (the CLI's
   * host/statementThread.ts), so that the statement rules look their findings up instead of
   * computing them. Used only in full index runs; whatever it answers or fails to answer, the
   * findings are the same, as every statement it has no result for is checked as before.
   */
  readonly statementPrecheck?: StatementPrecheck;
}

/** What a statement precheck runs with: the settings the rule context is compiled from, and the statement rules that may report. */
export interface PrecheckSettings {
  readonly settings: SpecThreadSettings;
  readonly roots: readonly string[];
  /** The codes of the statement rules to run, in the order the engine runs them. */
  readonly codes: readonly string[];
}

/**
 * One statement's findings from a precheck: per rule code, what the rule reported with the
 * statement at `line`. A code of the run that is in neither `found` nor `failed` found nothing.
 */
export interface PrecheckedStatement {
  /** The statement's first line when it was checked. */
  readonly line: number;
  readonly found?: Readonly<Record<string, readonly ReportedProblem[]>>;
  /** Rules that threw on this statement: the engine runs them itself, and reports their fault as it always does. */
  readonly failed?: readonly string[];
}

/**
 * Checks statements with the statement rules somewhere else (another thread) while the engine
 * parses and scans. The engine opens a run per full index, submits each requirements and bugfix
 * file's statements as soon as the file is parsed, and takes each statement's findings when its
 * spec's rules run (checks/statementResults.ts): a statement whose findings are not there yet,
 * were computed with other settings, or failed is checked on the engine's thread as before.
 */
// @spec specthread-core#21.4
export interface StatementPrecheck {
  /**
   * Starts a run, forgetting every earlier one, for about `files` requirements files; false when the
   * precheck declines (a run that small would not pay for its thread), and nothing is submitted then.
   */
  begin(settings: PrecheckSettings, files: number): boolean;
  /** One file's statements, with the glossary they are checked with. */
  submit(glossary: readonly string[], statements: readonly PlainStatement[]): void;
  /** Nothing more will be submitted in this run. */
  end(): void;
  /**
   * The findings of a statement equal to this one (the same fields, see `statementKey`) with this
   * glossary (its terms joined by NUL), once: the answer is forgotten as it is given. Undefined
   * when there is none (yet).
   */
  take(statement: PlainStatement, glossary: string): PrecheckedStatement | undefined;
}

export interface IndexProgress {
  readonly done: number;
  readonly total: number;
}

/** One read through the workspace: the text, and the note the host gave when it declined or degraded the file. */
export interface NotedRead {
  readonly text: string | undefined;
  readonly note: FileNote | undefined;
}

/** Reads a file through the workspace, keeping the note the host reports with it. */
export async function readNoted(workspace: Workspace, path: string, token: CancellationToken): Promise<NotedRead> {
  const notes: FileNote[] = [];
  const text = await workspace.readFile(path, token, (note) => notes.push(note));
  return { text, note: notes[0] };
}
