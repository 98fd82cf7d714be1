// @spec specthread-core#15.4
import { AnalysisCache, cacheKey } from '../analysisCache';
import { FileEdit } from '../findings';
import { SpecModel } from '../index/specModel';
import { CriterionNode, SpecFileFacts, TextSource } from '../model';
import { Range } from '../text/range';
import { PlainText, plainRange, toPlainMap, toPlainText } from './plainMap';

/**
 * One requirement statement as the `ears.*` and `quality.*` rules see it: readable text, where
 * it is, and the glossary of its spec. Nothing here is Kiro-specific, so spec-kit FR/SC lines
 * and OpenSpec requirements can be checked by the same rules once their parsers produce
 * statements (see `statementsOf`).
 */
export interface Statement extends PlainStatement {
  readonly path: string;
  /** The id in messages and refs, e.g. `1.2`. */
  readonly id: string;
  readonly text: string;
  /** Where problems of the whole statement are reported (the criterion's first line). */
  readonly range: Range;
  /** Terms the spec defines (Kiro v2 `## Glossary`); empty when the spec has no glossary. */
  readonly glossary: readonly string[];
  /** True when `locate` and `edit` address exact characters; false means they fall back to `range`. */
  readonly exact: boolean;
  /** The file range of `text.slice(from, to)`. */
  locate(from: number, to: number): Range;
  /** An edit replacing `text.slice(from, to)`; undefined when the exact source is unknown. */
  edit(from: number, to: number, newText: string): FileEdit | undefined;
  /** Readable ranges written as code spans. */
  readonly codeSpans: readonly { readonly from: number; readonly to: number }[];
  /** True when the characters were written as a code span (`` `inclusion: never` ``): names, not prose. */
  isCode(from: number, to: number): boolean;
  /**
   * Everything a statement rule's result depends on except the statement's line and glossary:
   * two statements with equal keys and glossaries get the same findings, shifted by the lines
   * between them (checks/statementResults.ts relies on it to re-check only edited criteria).
   * A new string that shares no memory with the file text, so that a table may keep it across
   * edits without keeping old file texts alive.
   */
  readonly key: string;
}

export function statementFromSource(
  path: string,
  id: string,
  range: Range,
  glossary: readonly string[],
  source: TextSource | undefined,
  fallbackText: string,
): Statement {
  return new SourceStatement(path, id, range, glossary, source, fallbackText);
}

/**
 * A statement read from its Markdown source. A spec's statements live as long as its model, for
 * every spec of the workspace, so each holds only its fields: the methods are shared, and the
 * readable text is made on first use. When a statement's findings come from the cache
 * (checks/statementResults.ts) no rule reads its text, and an unchanged criterion costs no
 * mapping at all. The offsets of the readable characters are not kept: only a finding's range
 * needs them, so `locate` and `edit` map the source again (one typed array per criterion of the
 * workspace, kept for nothing, was most of a statement's memory), and a criterion that reads as
 * written keeps its source string as its text.
 */
class SourceStatement implements Statement {
  private made: PlainText | undefined;

  constructor(
    readonly path: string,
    readonly id: string,
    readonly range: Range,
    readonly glossary: readonly string[],
    readonly source: TextSource | undefined,
    readonly fallbackText: string,
  ) {}

  private plain(): PlainText | undefined {
    if (!this.source) return undefined;
    return (this.made ??= toPlainText(this.source.raw));
  }

  get text(): string {
    return this.plain()?.text ?? this.fallbackText;
  }

  get exact(): boolean {
    return !!this.source;
  }

  locate(from: number, to: number): Range {
    return this.source ? plainRange(this.source, toPlainMap(this.source.raw), from, to) : this.range;
  }

  edit(from: number, to: number, newText: string): FileEdit | undefined {
    return this.source ? { path: this.path, range: plainRange(this.source, toPlainMap(this.source.raw), from, to), newText } : undefined;
  }

  get codeSpans(): readonly { readonly from: number; readonly to: number }[] {
    return this.plain()?.code ?? [];
  }

  isCode(from: number, to: number): boolean {
    return !!this.plain()?.code.some((c) => c.from < to && from < c.to);
  }

  /**
   * Positions are relative to the statement's first line, so a criterion that only moved keeps
   * its key. Made on demand with `Array.prototype.join`, which writes the parts into one new flat
   * string: concatenation would make a string that points at `source.raw`, a slice that keeps
   * its whole file text alive, and a table keeps keys across edits. (Keys used to be concatenated
   * and then copied through JSON, three passes over the text where one does.)
   */
  get key(): string {
    return statementKey(this);
  }
}

/**
 * A statement as it crosses to another thread: what `statementFromSource` is given, as plain data.
 * The thread rebuilds the same statement from it (see `statementOfPlain`).
 */
export interface PlainStatement {
  readonly path: string;
  readonly id: string;
  readonly range: Range;
  readonly source: TextSource | undefined;
  readonly fallbackText: string;
}

export function statementOfPlain(plain: PlainStatement, glossary: readonly string[]): Statement {
  return statementFromSource(plain.path, plain.id, plain.range, glossary, plain.source, plain.fallbackText);
}

/**
 * `Statement.key` of a statement made from these fields. Positions are relative to the
 * statement's first line, so a criterion that only moved keeps its key. Made with
 * `Array.prototype.join`, which writes the parts into one new flat string: concatenation would
 * make a string that points at `source.raw`, a slice that keeps its whole file text alive, and a
 * table keeps keys across edits. (Keys used to be concatenated and then copied through JSON,
 * three passes over the text where one does.)
 */
export function statementKey({ path, id, range, source, fallbackText }: PlainStatement): string {
  const at = `${range.start.character}:${range.end.line - range.start.line}:${range.end.character}`;
  return source
    ? [path, id, at, `${source.start.line - range.start.line}:${source.start.character}`, source.raw].join('\u0000')
    : [path, id, at, '-', fallbackText].join('\u0000');
}

export function statementOfCriterion(path: string, criterion: CriterionNode, glossary: readonly string[]): Statement {
  return statementFromSource(path, criterion.id, criterion.range, glossary, criterion.source, criterion.text);
}

/**
 * The statements of the one spec model whose rules ran last, in a weak map of one entry (a model
 * is rebuilt when one of its files changes, so the key never goes stale, and the memo does not
 * keep a replaced model alive). Every rule of a spec runs in one pass (checks/runChecks.ts), so
 * they all see the same statement objects and their memoised EARS shapes; the next spec's pass
 * lets them go. Kept for every model, as they were, they held every criterion's EARS shape for as
 * long as its spec lived (about 20 MB of the CLI's heap at the benchmark's L size), although each
 * statement's findings are kept anyway (checks/statementResults.ts): no rule reads a shape again
 * unless its statement changed, and a changed statement comes with a new model.
 */
const STATEMENTS = cacheKey('statements', () => ({ last: new WeakMap<SpecModel, readonly Statement[]>() }));

/**
 * The statements of a spec that are requirements. In a bugfix spec, section 1 describes the
 * defect as it is ("THEN the system crashes"), so it is not held to requirement rules. With the
 * engine's cache, the statements of the spec asked for last are kept, so every rule of one pass
 * over a spec sees the same statement objects (and their memoised EARS shapes).
 */
export function statementsOf(spec: SpecModel, cache?: AnalysisCache): readonly Statement[] {
  const memo = cache?.table(STATEMENTS);
  const cached = memo?.last.get(spec);
  if (cached) return cached;
  const out = buildStatements(spec);
  if (memo) memo.last = new WeakMap([[spec, out]]);
  return out;
}

function buildStatements(spec: SpecModel): Statement[] {
  const out: Statement[] = [];
  // Only Kiro criteria are EARS statements. spec-kit FRs ("System MUST …") and OpenSpec
  // scenarios (GIVEN/WHEN/THEN bullets) follow other grammars; until the rules are tuned on
  // those corpora they would mostly produce false alarms.
  if (spec.format !== 'kiro') return out;
  const glossary = spec.files.requirements?.glossary ?? [];
  for (const c of spec.criterionList) {
    const isBugfix = c.path === spec.files.bugfix?.path;
    if (!isStatement(isBugfix, c.node)) continue;
    out.push(statementOfCriterion(c.path, c.node, isBugfix ? [] : glossary));
  }
  return out;
}

/** In a bugfix spec, section 1 describes the defect as it is, not a requirement (see `statementsOf`). */
function isStatement(isBugfix: boolean, criterion: CriterionNode): boolean {
  return !(isBugfix && criterion.requirementId === '1');
}

/**
 * The statements one Kiro requirements or bugfix file gives its spec, as `statementsOf` makes
 * them, in plain form with the glossary they are checked with, or undefined for any other file.
 * A spec's requirements file gives its glossary to its own criteria only, and a bugfix file's
 * criteria have none, so each file's statements are known once that file is parsed, before the
 * spec's model is built: the index hands them to a statement precheck then (engine/options.ts).
 */
// @spec specthread-core#21.4
export function plainStatementsOfFile(facts: SpecFileFacts): { readonly glossary: readonly string[]; readonly statements: PlainStatement[] } | undefined {
  if (facts.kind !== 'requirements' && facts.kind !== 'bugfix') return undefined;
  const isBugfix = facts.kind === 'bugfix';
  const statements: PlainStatement[] = [];
  for (const r of facts.requirements)
    for (const c of r.criteria)
      if (isStatement(isBugfix, c)) statements.push({ path: facts.path, id: c.id, range: c.range, source: c.source, fallbackText: c.text });
  return { glossary: isBugfix ? [] : facts.glossary, statements };
}
