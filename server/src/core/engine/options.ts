// @spec specthread-core#14.1, specthread-core#15.1
import { CancellationToken } from '../cancellation';
import { SpecRule } from '../checks/rule';
import { WorkspaceRule } from '../checks/workspaceRule';
import { Log } from '../faults';
import { FileNote } from '../fileNote';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';
import { parseSpecFile } from '../parse/parseSpecFile';
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
