// @spec specthread-core#7.1, specthread-core#15.4, specthread-core#16.1
/**
 * The shape of one requirement sentence in EARS terms (Mavin et al., "Easy Approach to
 * Requirements Syntax"): optional preconditions (WHERE feature, WHILE state, WHEN event,
 * IF unwanted condition … THEN), the system name, SHALL, the response. Tolerant on purpose:
 * only the first keyword may be written in any case ("When …"), later ones count when they are
 * upper case as EARS writes them, so ordinary words ("when", "if") inside a condition or a
 * response are never mistaken for structure.
 */
import { AnalysisCache, cacheKey } from '../analysisCache';
import { ClauseKeyword, ENGLISH, EarsLanguage, OTHER_LANGUAGES, detectLanguage } from './languages';
import { matchesOf } from './matches';
import type { Vocabulary } from './vocabulary';

export type { ClauseKeyword } from './languages';
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
  /**
   * The language the sentence is written in. Its keywords (CUANDO, ENTÃO, DEVE …) are read as
   * the EARS roles they play, in addition to the English ones real specs mix in; rules that
   * judge English wording stay silent on other languages.
   */
  readonly language: EarsLanguage;
}

const PATTERN_OF: Record<ClauseKeyword, EarsPattern> = { WHERE: 'optional', WHILE: 'state', WHEN: 'event', IF: 'unwanted' };

/**
 * `vocabulary` adds the EARS words a team configured to every language's table: a made-up or
 * missing language has no function words to be detected by, so its words are read in any sentence.
 */
export function analyzeEars(text: string, vocabulary?: Vocabulary, cache?: AnalysisCache): EarsShape {
  const language = detectLanguage(text);
  const words = vocabulary ? configuredKeywords(language, vocabulary, cache) : builtInKeywords(language, cache);
  const shalls = findShalls(text, words);
  const firstShall = shalls.length ? shalls[0]!.from : text.length;
  const clauses: Clause[] = [];
  const lead = words.lead.exec(text);
  const leadRole = lead ? words.roleOf.get(lead[1]!.toUpperCase()) : undefined;
  if (lead && leadRole) clauses.push({ keyword: leadRole, from: lead.index + lead[0].length - lead[1]!.length, to: lead.index + lead[0].length });
  const trailing: Clause[] = [];
  for (const m of holdsAny(text, words.clauseWords) ? matchesOf(words.clause, text) : NONE) {
    if (lead && m.index === clauses[0]?.from) continue;
    const role = words.roleOf.get(m[1]!);
    if (!role) continue;
    const clause: Clause = { keyword: role, from: m.index, to: m.index + m[1]!.length };
    if (m.index < firstShall) clauses.push(clause);
    // A keyword that opens a new sentence ("… SHALL increase it. WHEN x is negative, …") starts
    // a second requirement in the same criterion; it is not a condition written after SHALL.
    else if (!SENTENCE_END.test(text.slice(Math.max(0, m.index - 4), m.index))) trailing.push(clause);
  }
  const thens: Span[] = [];
  for (const m of holdsAny(text, words.thenWords) ? matchesOf(words.then, text) : NONE)
    if (m.index < firstShall) thens.push({ from: m.index, to: m.index + m[0].length });

  const kinds = new Set(clauses.map((c) => c.keyword));
  const pattern: EarsPattern = shalls.length === 0 ? 'unrecognised' : kinds.size === 0 ? 'ubiquitous' : kinds.size > 1 ? 'complex' : PATTERN_OF[[...kinds][0]!];
  const { system, article } = shalls.length ? findSystem(text, clauses, thens, firstShall) : {};
  return { pattern, clauses: orNone(clauses), trailing: orNone(trailing), thens: orNone(thens), shalls: orNone(shalls), system, article, language };
}

/**
 * Shapes are kept for every statement of the workspace, and most of their lists are empty
 * (no trailing clause, no THEN): those share one frozen array instead of holding one each.
 */
const NONE: readonly never[] = Object.freeze([]);

function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length ? list : NONE;
}

const SENTENCE_END = /[.;!?]\s+$/;

/**
 * True when `text` holds one of `words` as written. The clause and THEN patterns match their
 * words literally (no `i` flag), so a text without any of them has no match: a substring search
 * per word is cheaper than running the pattern, which tests word boundaries at every position.
 */
function holdsAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/** The compiled keyword patterns of one language (its own words plus the English ones). */
interface Keywords {
  /** The first word, in any case ("When …", "Cuando …"). */
  readonly lead: RegExp;
  /** Later condition keywords, upper case only. */
  readonly clause: RegExp;
  /** The words `clause` matches: a text that holds none of them (case-sensitive) has no match, and skips the pattern. */
  readonly clauseWords: readonly string[];
  readonly then: RegExp;
  /** The words `then` matches, for the same pre-test. */
  readonly thenWords: readonly string[];
  /** Obligation words in upper case, with an optional English `NOT`. */
  readonly shallUpper: RegExp;
  /** The same words in any case, for hand-written specs with no upper-case keyword. */
  readonly shallAny: RegExp;
  readonly roleOf: ReadonlyMap<string, ClauseKeyword>;
}

/**
 * Word boundaries that know accented letters (`\b` does not: "DEBERÁ" would never end). Words in
 * scripts without spaces (必须, しなければならない) get no boundary, as they are written inside words.
 */
function alternation(words: readonly string[]): string {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  const latin = sorted.filter((w) => /^[\p{Script=Latin}\s]+$/u.test(w)).map(escape);
  const other = sorted.filter((w) => !/^[\p{Script=Latin}\s]+$/u.test(w)).map(escape);
  // One boundary pair around the whole Latin group: a lookbehind per word made every position cost one check per word.
  const parts = latin.length ? [`(?<![\\p{L}\\p{N}_])(?:${latin.join('|')})(?![\\p{L}\\p{N}_])`] : [];
  return [...parts, ...other].join('|');
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(language: EarsLanguage, configured?: EarsLanguage): Keywords {
  const tables = [...(language === ENGLISH ? [ENGLISH] : [ENGLISH, language]), ...(configured ? [configured] : [])];
  const roleOf = new Map<string, ClauseKeyword>();
  for (const table of tables) for (const role of ['WHERE', 'WHILE', 'WHEN', 'IF'] as const) for (const w of table.clauses[role]) roleOf.set(w, role);
  const clauseWords = alternation([...roleOf.keys()]);
  const shallWords = alternation(tables.flatMap((t) => t.shall));
  // Upper-case obligation words of every language count wherever they appear: a short criterion
  // ("A auditoria DEVE estar acessível apenas a `ADMIN`.") may hold too few words to tell its
  // language, and DEVE or DEBERÁ in capitals is never English prose.
  const anyUpper = alternation([ENGLISH, ...OTHER_LANGUAGES, ...(configured ? [configured] : [])].flatMap((t) => t.shall));
  return {
    lead: new RegExp(`^\\s*(${clauseWords})`, 'iu'),
    clause: new RegExp(`(${clauseWords})`, 'gu'),
    clauseWords: [...roleOf.keys()],
    then: new RegExp(alternation(tables.flatMap((t) => t.then)) || '(?!)', 'gu'),
    thenWords: tables.flatMap((t) => t.then),
    shallUpper: new RegExp(`(${anyUpper})(\\s+NOT\\b)?`, 'gu'),
    shallAny: new RegExp(`(${shallWords})(\\s+not\\b)?`, 'giu'),
    roleOf,
  };
}

/**
 * A built-in language's patterns, compiled when a statement in it first needs them and kept per
 * engine. They used to be compiled for every language at load, 12-18 ms of each CLI start even
 * where no statement is ever analysed (OpenSpec repositories have none). Without an engine cache
 * (a hover, a drafted rewrite) they are compiled for the call, one language's worth.
 */
const BUILT_IN = cacheKey('ears.builtInKeywords', () => new Map<string, Keywords>());

function builtInKeywords(language: EarsLanguage, cache: AnalysisCache | undefined): Keywords {
  const table = cache?.table(BUILT_IN);
  let words = table?.get(language.code);
  if (!words) {
    // A code of no built-in table reads as English, as it always did.
    words = compile([ENGLISH, ...OTHER_LANGUAGES].find((l) => l.code === language.code) ?? ENGLISH);
    table?.set(language.code, words);
  }
  return words;
}

/** Keywords per configured vocabulary and language, kept with the engine's cache while the vocabulary lives. */
const CONFIGURED = cacheKey('ears.configuredKeywords', () => new WeakMap<Vocabulary, Map<string, Keywords>>());

function configuredKeywords(language: EarsLanguage, vocabulary: Vocabulary, cache: AnalysisCache | undefined): Keywords {
  const table = cache?.table(CONFIGURED);
  let byLanguage = table?.get(vocabulary);
  if (!byLanguage) {
    byLanguage = new Map();
    table?.set(vocabulary, byLanguage);
  }
  let words = byLanguage.get(language.code);
  if (!words) {
    const { WHERE, WHILE, WHEN, IF, THEN, SHALL } = vocabulary.ears;
    words = compile(language, {
      code: 'configured',
      clauses: { WHERE, WHILE, WHEN, IF },
      then: THEN,
      shall: SHALL,
      absenceMeansNoObligation: false,
      markers: [],
    });
    byLanguage.set(language.code, words);
  }
  return words;
}

/** SHALL/MUST (or the language's word) in upper case; only when there is none, the lower-case words (hand-written specs). */
function findShalls(text: string, words: Keywords): Shall[] {
  const upper = matchesOf(words.shallUpper, text);
  const found = upper.length ? upper : matchesOf(words.shallAny, text);
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
      if (comma >= 0) start = afterClauses + comma + 1;
      else {
        const the = lastWord(prefix, 'THE');
        if (the >= 0) start = afterClauses + the;
      }
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

/** Where `/\bword\b/g` (an ASCII word) matches last in `text`, or -1: occurrences of a word cannot overlap, so the last one with word boundaries is the last match. */
export function lastWord(text: string, word: string): number {
  for (let at = text.lastIndexOf(word); at >= 0; at = at > 0 ? text.lastIndexOf(word, at - 1) : -1) {
    if (!isAsciiWordChar(text.charCodeAt(at - 1)) && !isAsciiWordChar(text.charCodeAt(at + word.length))) return at;
  }
  return -1;
}

/** `\w` without the `u` flag: `[A-Za-z0-9_]` (NaN, outside the text, is not). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
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

/**
 * The shapes memoised per engine, by statement object. Not by text as well: the engine keeps
 * each statement's findings (checks/statementResults.ts), so an unchanged criterion is not
 * analysed again after an edit, and a table by text cost a hash of every statement text and an
 * entry per criterion of the workspace.
 */
const SHAPES = cacheKey('ears.shapes', () => new WeakMap<object, EarsShape>());

/**
 * The shape of a statement, computed once per statement however many rules ask (given the
 * engine's cache; without one it is computed on each call). Code spans are mentions, not
 * structure ("WHEN a criterion lacks `SHALL`"), so they are masked first; the mask keeps every
 * offset, so spans still index the statement's text.
 */
export function earsOf(statement: { readonly text: string; readonly codeSpans?: readonly Span[] }, cache?: AnalysisCache, vocabulary?: Vocabulary): EarsShape {
  if (!cache) return analyzeEars(maskSpans(statement.text, statement.codeSpans ?? []), vocabulary);
  const shapes = cache.table(SHAPES);
  let shape = shapes.get(statement);
  if (!shape) {
    shape = analyzeEars(maskSpans(statement.text, statement.codeSpans ?? []), vocabulary, cache);
    shapes.set(statement, shape);
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
