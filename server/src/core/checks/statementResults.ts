// @spec specthread-core#21.4
import { cacheKey } from '../analysisCache';
import { BoundedMap } from '../boundedMap';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import type { RuleContext } from '../config/ruleSettings';
import { Range } from '../text/range';
import { Statement } from '../requirements/statement';
import type { PrecheckedStatement, StatementPrecheck } from '../engine/options';
import { ReportedProblem, RuleMeta } from './rule';

/**
 * A statement rule's findings depend on the statement alone (its text, where it starts on its
 * line, its id, path and glossary) and on the rule's settings. An edit to one criterion of a
 * 1,000-criterion file therefore need not re-check the other 999: their findings are kept here,
 * per settings, glossary and statement key (`Statement.key`), and moved by as many lines as the
 * criterion moved.
 */
interface CachedStatement {
  /** The statement's first line when its findings were computed. */
  readonly line: number;
  /**
   * One bit per rule (its `ruleBits` index) that checked the statement and found nothing: most
   * rules find nothing in most criteria, and an entry is kept for every criterion of the
   * workspace, so those results cost a bit each, not a map entry and an empty array.
   */
  clean: number;
  /** Findings per rule, as reported at `line`, for the rules that found some (or have no bit). */
  found?: Map<object, readonly ReportedProblem[]>;
}

/** Rules past this many per settings have no bit: their empty results go to `found` too. */
const BITS = 31;

/**
 * Per settings: entries by file, then glossary, then statement key; and the entries of a spec's
 * statements (one array per model, see `statementsOf`) once looked up, so that only the first
 * statement rule of a run pays for the keys.
 */
/** One file's entries: by glossary, then by statement key. */
type FileTables = Map<string, BoundedMap<string, CachedStatement>>;

interface ContextTables {
  /** In the order files were last checked: the first is the one checked longest ago (see FILES). */
  readonly byFile: Map<string, FileTables>;
  /** The file looked up last, and its tables: a spec's statements come one file at a time. */
  recent?: { readonly path: string; readonly tables: FileTables };
  readonly entries: WeakMap<readonly Statement[], readonly CachedStatement[]>;
  /** Each rule's bit in `CachedStatement.clean`, given in the order rules first run. */
  readonly ruleBits: Map<object, number>;
  /** Where statements not checked before are looked up first (see `usePrecheck`). */
  precheck?: PrecheckTables;
}

interface PrecheckTables {
  readonly port: StatementPrecheck;
  /** The rules its run checks, by code. */
  readonly rules: ReadonlyMap<string, object>;
  /** The `clean` bits of all those rules: a statement in which none found anything is clean for each. */
  readonly allClean: number;
}

/** The tables of one rule context, made on first use. */
function contextTables(context: RuleContext): ContextTables {
  const tables = context.cache.table(STATEMENT_RESULTS);
  let perContext = tables.byContext.get(context);
  if (!perContext) {
    perContext = { byFile: new Map(), entries: new WeakMap(), ruleBits: new Map() };
    tables.byContext.set(context, perContext);
  }
  return perContext;
}

/**
 * Statements checked with `context` that have no entry yet are looked up in `port` first: its
 * run checks the rules `codes` with the settings `context` was compiled from. Tied to the context
 * object, which the engine compiles anew when settings change, so findings computed with other
 * settings are never used.
 */
// @spec specthread-core#21.4
export function usePrecheck(context: RuleContext, port: StatementPrecheck, rules: readonly { readonly meta: RuleMeta }[]): void {
  const tables = contextTables(context);
  let allClean = 0;
  for (const rule of rules) allClean |= bitOf(tables, rule);
  tables.precheck = { port, rules: new Map(rules.map((r) => [r.meta.code, r])), allClean };
}

/** The rule's bit in `CachedStatement.clean`, given in the order rules are first seen; 0 past BITS. */
function bitOf(tables: ContextTables, rule: object): number {
  let bit = tables.ruleBits.get(rule);
  if (bit === undefined) {
    bit = tables.ruleBits.size < BITS ? 1 << tables.ruleBits.size : 0;
    tables.ruleBits.set(rule, bit);
  }
  return bit;
}

/**
 * Keyed by the rule context, which the engine compiles anew whenever settings change, so no
 * entry outlives the settings it was computed with. Statements of one spec share one glossary
 * array, so the glossary's key is made once per array.
 */
const STATEMENT_RESULTS = cacheKey('statement.results', () => ({
  byContext: new WeakMap<RuleContext, ContextTables>(),
  glossaryKeys: new WeakMap<readonly string[], string>(),
}));

/** Enough for every criterion of a very large requirements file and its recent edits; when full, the table starts over. */
const CAPACITY = 100_000;
/**
 * Files whose entries are kept per settings: the ones checked last. An entry is read back when
 * its file is checked again, and that is nearly always a file being edited: a spec's model and
 * findings are kept until one of its files changes (engine/specIndex.ts). Kept for every file of
 * the workspace, the entries of the start-up check held some 12 MB of the language server's heap
 * at the benchmark's L size (41,000 criteria) for edits that never come. What is forgotten costs
 * only a re-check, e.g. of every spec once the baselines change.
 */
const FILES = 64;
/** Glossaries kept per file: an edit to a glossary makes a new one, and its old entries are of no use. */
const GLOSSARIES = 8;

/**
 * Runs `check` (one rule's check of one statement) over `statements`, reporting each statement's
 * findings from the engine's cache when an equal statement was checked before with the same
 * settings, and computing and caching them otherwise.
 */
export function checkStatementsCached(
  rule: object,
  statements: readonly Statement[],
  report: (problem: ReportedProblem) => void,
  context: RuleContext,
  token: CancellationToken,
  check: (statement: Statement, report: (problem: ReportedProblem) => void) => void,
): void {
  const tables = context.cache.table(STATEMENT_RESULTS);
  const perContext = contextTables(context);
  let entries = perContext.entries.get(statements);
  if (!entries) {
    const tablesOf = perContext;
    entries = statements.map((s) => entryOf(s, tablesOf, tables.glossaryKeys));
    perContext.entries.set(statements, entries);
  }
  const bit = bitOf(perContext, rule);
  for (let i = 0; i < statements.length; i++) {
    throwIfCancelled(token);
    const statement = statements[i]!;
    const entry = entries[i]!;
    if (entry.clean & bit) continue;
    const cached = entry.found?.get(rule);
    if (cached) {
      const lines = statement.range.start.line - entry.line;
      for (const problem of cached) report(lines === 0 ? problem : shiftProblem(problem, statement.path, lines));
      continue;
    }
    const found: ReportedProblem[] = [];
    check(statement, (problem) => {
      found.push(problem);
      report(problem);
    });
    // Stored only once the check finished: a rule that threw has no result to reuse.
    if (found.length === 0 && bit !== 0) entry.clean |= bit;
    else (entry.found ??= new Map()).set(rule, atLine(found, statement.range.start.line - entry.line, statement.path));
  }
}

/**
 * A new entry filled with the precheck's findings, as if each rule of its run had checked the
 * statement here: the precheck's answer is not kept beyond that. A rule that threw there is left
 * unchecked, so the engine runs it and reports its fault as it always does.
 */
function adopt(entry: CachedStatement, prechecked: PrecheckedStatement, precheck: PrecheckTables, tables: ContextTables, path: string): void {
  const { found, failed } = prechecked;
  if (!found && !failed) {
    entry.clean = precheck.allClean;
    // Rules past BITS have no bit: their empty results are kept as found ones.
    if (tables.ruleBits.size > BITS) for (const rule of precheck.rules.values()) if (tables.ruleBits.get(rule) === 0) (entry.found ??= new Map()).set(rule, []);
    return;
  }
  const lines = entry.line - prechecked.line;
  for (const [code, rule] of precheck.rules) {
    if (failed?.includes(code)) continue;
    const problems = found?.[code];
    const bit = tables.ruleBits.get(rule)!;
    if (!problems?.length && bit !== 0) entry.clean |= bit;
    else (entry.found ??= new Map()).set(rule, lines === 0 || !problems ? (problems ?? []) : problems.map((p) => shiftProblem(p, path, lines)));
  }
}

function entryOf(statement: Statement, tables: ContextTables, glossaryKeys: WeakMap<readonly string[], string>): CachedStatement {
  let glossary = glossaryKeys.get(statement.glossary);
  if (glossary === undefined) {
    glossary = statement.glossary.join('\u0000');
    glossaryKeys.set(statement.glossary, glossary);
  }
  const byGlossary = fileTables(tables, statement.path);
  let table = byGlossary.get(glossary);
  if (!table) {
    if (byGlossary.size >= GLOSSARIES) byGlossary.clear();
    table = new BoundedMap(CAPACITY);
    byGlossary.set(glossary, table);
  }
  const key = statement.key;
  let entry = table.get(key);
  if (!entry) {
    entry = { line: statement.range.start.line, clean: 0 };
    const { precheck } = tables;
    const prechecked = precheck?.port.take(statement, glossary);
    if (prechecked) adopt(entry, prechecked, precheck!, tables, statement.path);
    // The key is a string of its own (see `Statement.key`): keeping it keeps no file text alive.
    table.set(key, entry);
  }
  return entry;
}

/**
 * A file's tables, which become the most recently checked; the file checked longest ago is
 * forgotten when more than FILES are kept.
 */
function fileTables(tables: ContextTables, path: string): FileTables {
  if (tables.recent?.path === path) return tables.recent.tables;
  const { byFile } = tables;
  const found = byFile.get(path) ?? new Map<string, BoundedMap<string, CachedStatement>>();
  byFile.delete(path);
  byFile.set(path, found);
  if (byFile.size > FILES) byFile.delete(byFile.keys().next().value!);
  tables.recent = { path, tables: found };
  return found;
}

/** Problems found at the statement's current line, stored as if found at the entry's line. */
function atLine(found: readonly ReportedProblem[], lines: number, path: string): readonly ReportedProblem[] {
  return lines === 0 ? found : found.map((p) => shiftProblem(p, path, -lines));
}

/** A problem moved down by `lines` (up when negative): its range, and its fixes' and related ranges in the statement's file. */
export function shiftProblem(problem: ReportedProblem, path: string, lines: number): ReportedProblem {
  const shift = (r: Range): Range => ({
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  });
  return {
    ...problem,
    range: shift(problem.range),
    ...(problem.fixes && { fixes: problem.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => (e.path === path ? { ...e, range: shift(e.range) } : e)) })) }),
    ...(problem.related && { related: problem.related.map((r) => (r.path === path ? { ...r, range: shift(r.range) } : r)) }),
  };
}
