// @spec specthread-core#15.1
import type { Vocabulary } from '../requirements/vocabulary';
import { AnalysisCache } from '../analysisCache';
import { CancellationToken } from '../cancellation';
import { SpecRule } from '../checks/rule';
import { SpecModel } from '../index/specModel';
import { SpecFileFacts, SpecFileKind, SpecFormat } from '../model';
import { CompletionEntry } from '../queries/completion';
import { Position } from '../text/range';
import type { SpecLocation } from './location';

/** Where a completion was asked: the document's spec, its file and line, and every spec (for cross-spec targets). */
export interface FormatCompletionContext {
  readonly spec: SpecModel;
  readonly allSpecs: readonly SpecModel[];
  readonly path: string;
  readonly lineText: string;
  readonly pos: Position;
}

/**
 * One spec format (Kiro, spec-kit, OpenSpec, or one a test brings): everything that differs
 * between formats sits behind this interface, so the engine, the queries and the language server
 * iterate the registered formats and never name one. A format lives in one folder under
 * core/formats/ and is listed once in formats/registry.ts.
 */
export interface SpecFormatPlugin {
  /** The name users write in `roots` settings and rules list in their `formats`, e.g. `kiro`. */
  readonly id: SpecFormat;
  /** Where a file sits in this format's default layout (no configuration), or undefined. */
  locate(path: string): SpecLocation | undefined;
  /** Where a file sits below a configured root folder that holds specs of this format. */
  locateBelow(root: string, path: string): SpecLocation | undefined;
  /**
   * Every file that `locate` or `locateBelow` places has a name ending with one of these, so a
   * layout need not ask about any other file (a listing's code files: 100,000 at the largest
   * benchmark size). Without it, every file is asked.
   */
  readonly nameSuffixes?: readonly string[];
  /** The file names (relative to the spec folder) a spec of this format may hold, so an open file's siblings can be loaded first. */
  siblingFiles(location: SpecLocation): readonly string[];
  /**
   * Parses one file's text into facts that depend on nothing but that text (ids, refs, tasks,
   * extras). `cache` is the engine's memo tables (compiled JSON Schemas, …); without one, nothing
   * outlives the call. `vocabulary` holds the words `specthread.json` adds to the keyword tables.
   */
  parse(path: string, kind: SpecFileKind, text: string, token: CancellationToken, cache?: AnalysisCache, vocabulary?: Vocabulary): SpecFileFacts;
  /** Other names a cross-spec ref may use for a spec (spec-kit: `user-auth` for `001-user-auth`). */
  aliases?(specId: string): readonly string[];
  /** The file kinds whose refs cite the spec's ids, in the order they are linked; tasks and design when absent. */
  readonly citingKinds?: readonly SpecFileKind[];
  /** Completions of this format's own syntax, where the shared ref completion does not reach. */
  complete?(context: FormatCompletionContext, token: CancellationToken): CompletionEntry[];
  /** The per-spec rules only specs of this format run (the shared rules run for every format). */
  readonly rules: readonly SpecRule[];
}
