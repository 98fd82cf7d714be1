// @spec specthread-core#7.2, specthread-core#15.4
import { AnalysisCache, cacheKey } from '../analysisCache';
import { BoundedMap } from '../boundedMap';
import { matchesOf } from './matches';
import { NO_MASK, WordGate, gateWordOf, isAsciiTerm } from './wordGate';

/**
 * Term lists of the `quality.*` rules and the matcher that finds them. Each list is keyed by
 * the rule that uses it, so `terms: { "quality.vague-term": { "add": ["snappy"] } }` in the
 * settings reads as what it does. Lists are deliberately short: every entry was kept only if it
 * flagged real smells, not ordinary words, on the shared corpus (see docs/rules.md).
 */
export const DEFAULT_TERMS: Readonly<Record<string, readonly string[]>> = {
  'quality.vague-term': [
    'fast',
    'quick',
    'quickly',
    'user-friendly',
    'user friendly',
    'easy',
    'easily',
    'easy to use',
    'intuitive',
    'intuitively',
    'appropriate',
    'appropriately',
    'sufficient',
    'sufficiently',
    'adequate',
    'adequately',
    'robust',
    'as needed',
    'reasonable',
    'reasonably',
    'efficient',
    'efficiently',
    'seamless',
    'seamlessly',
    'smooth',
    'smoothly',
    'gracefully',
    'properly',
    'optimal',
    'optimally',
    'timely',
    'in a timely manner',
    'minimal',
    'state-of-the-art',
    'flexible',
    'nice',
  ],
  'quality.escape-clause': [
    'if possible',
    'where possible',
    'when possible',
    'as far as possible',
    'as much as possible',
    'to the extent possible',
    'if feasible',
    'where feasible',
    'when feasible',
    'if practical',
    'where practical',
    'if appropriate',
    'where appropriate',
    'as appropriate',
    'if necessary',
    'where necessary',
    'when necessary',
    'if applicable',
    'where applicable',
    'ideally',
  ],
  'quality.weak-modal': ['should', 'may', 'might'],
  'quality.open-ended': [
    'etc',
    'etc.',
    'and/or',
    'and so on',
    'and so forth',
    'including but not limited to',
    'but not limited to',
    'among others',
    'or similar',
  ],
  'quality.unresolved': ['TBD', 'TBC', 'TODO', 'FIXME', 'XXX', '???', 'NEEDS CLARIFICATION', 'to be determined', 'to be decided', 'to be confirmed'],
  'quality.pronoun': ['it', 'this', 'that', 'they', 'these', 'those', 'its', 'their', 'them', 'he', 'she'],
  // `all`, `every` and `none` are usually meant literally (and `None` is often a value): 150 hints
  // on the corpus, nearly all noise. Teams that want them add them.
  'quality.absolute': ['always', 'never', '100%'],
  'quality.comparative': [
    'better',
    'faster',
    'quicker',
    'slower',
    'easier',
    'simpler',
    'smoother',
    'cleaner',
    'improved',
    'more efficient',
    'more reliable',
    'more readable',
    'more maintainable',
    'more robust',
    'more secure',
    'more intuitive',
    'more responsive',
    'more consistent',
    'more accurate',
    'less error-prone',
    'as fast as possible',
    'as soon as possible',
  ],
};

export interface TermMatch {
  readonly from: number;
  readonly to: number;
  /** The words as written in the statement. */
  readonly text: string;
}

/**
 * Every occurrence of any term, longest first so `in a timely manner` wins over `timely`.
 * Matching ignores case, except for terms written in capitals (`TBD`, `TODO`): there case is
 * what tells a marker from the ordinary word ("the todo list").
 */
export function findTerms(text: string, terms: readonly string[], cache?: AnalysisCache): readonly TermMatch[] {
  // The result depends only on the text and the list. Without a cache (a one-off call) the list
  // is prepared each time.
  const tables = cache?.table(TERM_TABLES);
  return matchList(text, tables ? preparedIn(tables, terms) : prepare(terms, undefined), NO_MASK);
}

/**
 * `findTerms` of a statement's text. The statement's words are looked up once (wordGate.ts) and
 * kept with the engine's cache while the statement lives, so each further list it is checked
 * against costs one AND when none of its words can start a term of the list.
 */
export function termsOf(statement: { readonly text: string }, terms: readonly string[], cache?: AnalysisCache): readonly TermMatch[] {
  const tables = cache?.table(TERM_TABLES);
  if (!tables) return findTerms(statement.text, terms);
  const list = preparedIn(tables, terms);
  if (list.bit === 0) return matchList(statement.text, list, NO_MASK);
  let words = tables.words.get(statement);
  // A mask made before this list had its bit does not know the list; made again, it does.
  if (!words || words.version < tables.gate.version) {
    words = { mask: tables.gate.maskOf(statement.text), version: tables.gate.version };
    tables.words.set(statement, words);
  }
  return matchList(statement.text, list, words.mask);
}

function matchList(text: string, list: PreparedList, mask: number): readonly TermMatch[] {
  // Cheap pre-check: a term that does not occur as a substring cannot match the full pattern.
  // Nearly every statement fails it for nearly every list, so that answer is one shared empty
  // array, not one array per statement and list (some 370,000 of them at 41,000 criteria).
  const anyCaps = list.caps.length > 0 && list.caps.some((t) => text.includes(t));
  const anyOther = mask === NO_MASK || list.bit === 0 ? anyFirstWord(text, list.otherFirstWords) : (mask & list.bit) !== 0 || anyFirstWord(text, list.ungated);
  if (!anyCaps && !anyOther) return NO_MATCHES;
  // Results are not memoised by text: the engine keeps each statement's findings
  // (checks/statementResults.ts), so a text reaches a list again only when its criterion
  // changed. A memo cost a hash of every statement text and a table entry per text and list.
  const caps = anyCaps ? list.matchCaps(text) : NO_MATCHES;
  const other = anyOther ? list.matchOther(text) : NO_MATCHES;
  const found = caps.length === 0 ? other : other.length === 0 ? caps : [...caps, ...other].sort((a, b) => a.from - b.from || b.to - a.to);
  const out: TermMatch[] = [];
  for (const m of found) if (!out.length || m.from >= out[out.length - 1]!.to) out.push(m);
  return out.length ? out : NO_MATCHES;
}

/** True when the lower-cased text holds one of `words` anywhere (not only as a whole word). */
function anyFirstWord(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const lower = text.toLowerCase();
  return words.some((w) => lower.includes(w));
}

/** The answer for a text with no term: shared, so frozen. */
const NO_MATCHES: readonly TermMatch[] = Object.freeze([]);

/** A term list ready to match: split by case rule, with its patterns. */
interface PreparedList {
  readonly caps: string[];
  /** The first word of each other term, lower-cased, for the substring pre-check. */
  readonly otherFirstWords: string[];
  /** The list's bit in the engine's word gate; 0 when it has none (and the substring pre-check decides). */
  readonly bit: number;
  /** First words of the other terms the gate cannot look up (`???`), checked as substrings. */
  readonly ungated: string[];
  matchCaps(text: string): TermMatch[];
  matchOther(text: string): TermMatch[];
}

/**
 * An engine's term tables: prepared lists by list object (the rule context hands out one array
 * per rule and settings), and compiled patterns by their terms, shared by equal lists.
 */
interface TermTables {
  readonly lists: WeakMap<readonly string[], PreparedList>;
  readonly patterns: BoundedMap<string, RegExp>;
  readonly gate: WordGate;
  /** Each statement's word mask, and the gate version it was made at. */
  readonly words: WeakMap<object, { readonly mask: number; readonly version: number }>;
}

const TERM_TABLES = cacheKey<TermTables>('terms', () => ({ lists: new WeakMap(), patterns: new BoundedMap(200), gate: new WordGate(), words: new WeakMap() }));

function preparedIn(tables: TermTables, terms: readonly string[]): PreparedList {
  let p = tables.lists.get(terms);
  if (!p) {
    p = prepare(terms, tables);
    tables.lists.set(terms, p);
  }
  return p;
}

function prepare(terms: readonly string[], tables: TermTables | undefined): PreparedList {
  const unique = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))];
  const caps = unique.filter((t) => /[A-Z]/.test(t) && !/[a-z]/.test(t));
  const other = unique.filter((t) => !caps.includes(t));
  // Patterns are compiled on first use: most statements fail the pre-check and never need them.
  let capsPattern: RegExp | undefined;
  let otherPattern: RegExp | undefined;
  const otherFirstWords = other.map((t) => t.toLowerCase().split(/\s+/)[0]!);
  const gated = other.every(isAsciiTerm) ? other.map(gateWordOf) : undefined;
  const bit = tables && gated ? tables.gate.bitFor([...new Set(gated.filter((w) => w !== undefined))]) : 0;
  return {
    caps,
    otherFirstWords,
    bit,
    ungated: otherFirstWords.filter((_, i) => gated?.[i] === undefined),
    matchCaps: (text) => matchAll(text, (capsPattern ??= patternFor(caps, '', tables))),
    matchOther: (text) => matchAll(text, (otherPattern ??= patternFor(other, 'i', tables))),
  };
}

/** One pattern for a list; an empty list gets none. */
function patternFor(terms: readonly string[], flags: string, tables: TermTables | undefined): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const key = flags + '\u0000' + terms.join('\u0000');
  const cached = tables?.patterns.get(key);
  if (cached) return cached;
  const body = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  // Not inside a longer word or a hyphenated compound ("fast" in "breakfast" or "fast-path").
  const re = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${body.join('|')})(?![\\p{L}\\p{N}_]|-[\\p{L}])`, `gu${flags}`);
  tables?.patterns.set(key, re);
  return re;
}

function matchAll(text: string, re: RegExp | undefined): TermMatch[] {
  return re ? matchesOf(re, text).map((m) => ({ from: m.index, to: m.index + m[0].length, text: m[0] })) : [];
}

/** Applies a `{ add, remove, replace }` setting to a default list. */
export function resolveTerms(
  defaults: readonly string[],
  setting: { readonly add?: readonly string[]; readonly remove?: readonly string[]; readonly replace?: readonly string[] } | undefined,
): readonly string[] {
  if (!setting) return defaults;
  const base = setting.replace ?? defaults;
  const removed = new Set((setting.remove ?? []).map((t) => t.toLowerCase()));
  return [...base.filter((t) => !removed.has(t.toLowerCase())), ...(setting.add ?? [])];
}
