// @spec specthread-core#7.1, specthread-core#15.4
/**
 * The shape of one requirement sentence in EARS terms (Mavin et al., "Easy Approach to
 * Requirements Syntax"): optional preconditions (WHERE feature, WHILE state, WHEN event,
 * IF unwanted condition … THEN), the system name, SHALL, the response. Tolerant on purpose:
 * only the first keyword may be written in any case ("When …"), later ones count when they are
 * upper case as EARS writes them, so ordinary words ("when", "if") inside a condition or a
 * response are never mistaken for structure.
 */
import { AnalysisCache, cacheKey } from '../analysisCache';
import { BoundedMap } from '../boundedMap';

export type ClauseKeyword = 'WHERE' | 'WHILE' | 'WHEN' | 'IF';
export type EarsPattern = 'ubiquitous' | 'event' | 'state' | 'unwanted' | 'optional' | 'complex' | 'unrecognised';

export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface Clause extends Span {
  readonly keyword: ClauseKeyword;
}

export interface Shall extends Span {
  /** The `NOT` after `SHALL`, when there is one. */
  readonly not?: Span;
}

export interface EarsShape {
  readonly pattern: EarsPattern;
  /** Preconditions before the first SHALL, in written order (spans cover the keyword). */
  readonly clauses: readonly Clause[];
  /** Upper-case condition keywords after the first SHALL (a precondition written last). */
  readonly trailing: readonly Clause[];
  /** `THEN` keywords before the first SHALL. */
  readonly thens: readonly Span[];
  /** SHALL (or MUST) keywords, in order. */
  readonly shalls: readonly Shall[];
  /**
   * What stands between the preconditions and SHALL: the system name without its article.
   * Undefined when the sentence gives no way to tell condition and system apart (no comma,
   * no THEN); an empty span when nothing stands there at all.
   */
  readonly system?: Span;
  /** `the`/`THE` before the system name. */
  readonly article?: Span;
}

const PATTERN_OF: Record<ClauseKeyword, EarsPattern> = { WHERE: 'optional', WHILE: 'state', WHEN: 'event', IF: 'unwanted' };

export function analyzeEars(text: string): EarsShape {
  const shalls = findShalls(text);
  const firstShall = shalls.length ? shalls[0]!.from : text.length;
  const clauses: Clause[] = [];
  const lead = /^\s*(WHERE|WHILE|WHEN|IF)\b/i.exec(text);
  if (lead)
    clauses.push({ keyword: lead[1]!.toUpperCase() as ClauseKeyword, from: lead.index + lead[0].length - lead[1]!.length, to: lead.index + lead[0].length });
  const trailing: Clause[] = [];
  for (const m of text.matchAll(/\b(WHERE|WHILE|WHEN|IF)\b/g)) {
    if (lead && m.index === clauses[0]!.from) continue;
    const clause: Clause = { keyword: m[1] as ClauseKeyword, from: m.index, to: m.index + m[1]!.length };
    (m.index < firstShall ? clauses : trailing).push(clause);
  }
  const thens: Span[] = [];
  for (const m of text.matchAll(/\bTHEN\b/g)) if (m.index < firstShall) thens.push({ from: m.index, to: m.index + 4 });

  const kinds = new Set(clauses.map((c) => c.keyword));
  const pattern: EarsPattern = shalls.length === 0 ? 'unrecognised' : kinds.size === 0 ? 'ubiquitous' : kinds.size > 1 ? 'complex' : PATTERN_OF[[...kinds][0]!];
  const { system, article } = shalls.length ? findSystem(text, clauses, thens, firstShall) : {};
  return { pattern, clauses, trailing, thens, shalls, system, article };
}

/** SHALL/MUST in upper case; only when there is none, the lower-case words (hand-written specs). */
function findShalls(text: string): Shall[] {
  const upper = [...text.matchAll(/\b(SHALL|MUST)\b(\s+NOT\b)?/g)];
  const found = upper.length ? upper : [...text.matchAll(/\b(shall|must)\b(\s+not\b)?/gi)];
  return found.map((m) => ({
    from: m.index,
    to: m.index + m[1]!.length,
    not: m[2] ? { from: m.index + m[0].length - 3, to: m.index + m[0].length } : undefined,
  }));
}

function findSystem(text: string, clauses: readonly Clause[], thens: readonly Span[], shallAt: number): { system?: Span; article?: Span } {
  let start: number | undefined;
  if (clauses.length === 0) {
    start = thens.length ? thens[thens.length - 1]!.to : 0;
  } else {
    const afterClauses = clauses[clauses.length - 1]!.to;
    const then = [...thens].reverse().find((t) => t.from >= afterClauses);
    if (then) start = then.to;
    else {
      const prefix = text.slice(afterClauses, shallAt);
      const comma = prefix.lastIndexOf(',');
      const the = [...prefix.matchAll(/\bTHE\b/g)].pop();
      if (comma >= 0) start = afterClauses + comma + 1;
      else if (the) start = afterClauses + the.index;
    }
  }
  if (start === undefined) return {};
  let from = start;
  let to = shallAt;
  while (from < to && /[\s,]/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  const then = /^then\s+/i.exec(text.slice(from, to));
  if (then) from += then[0].length;
  const art = /^the\s+/i.exec(text.slice(from, to));
  if (art) {
    const article = { from, to: from + 3 };
    return { system: { from: from + art[0].length, to }, article };
  }
  return { system: { from, to } };
}

/** `WHERE` → 0 … by the configured order; keywords in one group share a rank. */
export function clauseRanks(order: readonly string[]): Map<ClauseKeyword, number> {
  const ranks = new Map<ClauseKeyword, number>();
  order.forEach((group, i) => {
    for (const k of group.toUpperCase().split(/[\s|/,]+/)) if (k === 'WHERE' || k === 'WHILE' || k === 'WHEN' || k === 'IF') ranks.set(k, i);
  });
  return ranks;
}

export const DEFAULT_CLAUSE_ORDER: readonly string[] = ['WHERE', 'WHILE', 'WHEN|IF'];

/** The shapes memoised per engine: by statement object, and by masked text across edits. */
const SHAPES = cacheKey('ears.shapes', () => ({ byStatement: new WeakMap<object, EarsShape>(), byText: new BoundedMap<string, EarsShape>(50000) }));

/**
 * The shape of a statement, computed once per statement however many rules ask (given the
 * engine's cache; without one it is computed on each call). Code spans are mentions, not
 * structure ("WHEN a criterion lacks `SHALL`"), so they are masked first; the mask keeps every
 * offset, so spans still index the statement's text.
 */
export function earsOf(statement: { readonly text: string; readonly codeSpans?: readonly Span[] }, cache?: AnalysisCache): EarsShape {
  if (!cache) return analyzeEars(maskSpans(statement.text, statement.codeSpans ?? []));
  const shapes = cache.table(SHAPES);
  let shape = shapes.byStatement.get(statement);
  if (!shape) {
    const text = maskSpans(statement.text, statement.codeSpans ?? []);
    // The shape depends on the masked text alone; unchanged criteria hit this across edits.
    shape = shapes.byText.get(text);
    if (!shape) {
      shape = analyzeEars(text);
      shapes.byText.set(text, shape);
    }
    shapes.byStatement.set(statement, shape);
  }
  return shape;
}

/**
 * The text with every code span replaced by as many `x`, built in one pass: rebuilding the
 * whole string per span made a criterion with many spans cost quadratic time. Spans are taken
 * in order and clamped to the text, so an empty, reversed or overlapping span masks nothing
 * extra instead of throwing.
 */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const ordered = [...spans].sort((a, b) => a.from - b.from);
  const parts: string[] = [];
  let at = 0;
  for (const span of ordered) {
    const from = Math.max(at, Math.min(span.from, text.length));
    const to = Math.max(from, Math.min(span.to, text.length));
    if (to === from) continue;
    parts.push(text.slice(at, from), 'x'.repeat(to - from));
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const PATTERN_LABEL: Record<EarsPattern, string> = {
  ubiquitous: 'ubiquitous (always holds)',
  event: 'event-driven (WHEN)',
  state: 'state-driven (WHILE)',
  unwanted: 'unwanted behaviour (IF … THEN)',
  optional: 'optional feature (WHERE)',
  complex: 'complex (several kinds of precondition)',
  unrecognised: 'not recognised (no SHALL)',
};

/** How hover names a criterion's EARS pattern. */
export function earsPatternLabel(pattern: EarsPattern): string {
  return PATTERN_LABEL[pattern];
}
