/**
 * Term lists of the `quality.*` rules and the matcher that finds them. Each list is keyed by
 * the rule that uses it, so `terms: { "quality.vague-term": { "add": ["snappy"] } }` in the
 * settings reads as what it does. Lists are deliberately short: every entry was kept only if it
 * flagged real smells, not ordinary words, on the shared corpus (see docs/rules.md).
 */
export const DEFAULT_TERMS: Readonly<Record<string, readonly string[]>> = {
  'quality.vague-term': [
    'fast', 'quick', 'quickly', 'user-friendly', 'user friendly', 'easy', 'easily', 'easy to use', 'intuitive', 'intuitively',
    'appropriate', 'appropriately', 'sufficient', 'sufficiently', 'adequate', 'adequately', 'robust', 'as needed',
    'reasonable', 'reasonably', 'efficient', 'efficiently', 'seamless', 'seamlessly', 'smooth', 'smoothly', 'gracefully',
    'properly', 'optimal', 'optimally', 'timely', 'in a timely manner', 'minimal', 'state-of-the-art', 'flexible', 'nice',
  ],
  'quality.escape-clause': [
    'if possible', 'where possible', 'when possible', 'as far as possible', 'as much as possible', 'to the extent possible',
    'if feasible', 'where feasible', 'when feasible', 'if practical', 'where practical', 'if appropriate', 'where appropriate',
    'as appropriate', 'if necessary', 'where necessary', 'when necessary', 'if applicable', 'where applicable', 'ideally',
  ],
  'quality.weak-modal': ['should', 'may', 'might'],
  'quality.open-ended': ['etc', 'etc.', 'and/or', 'and so on', 'and so forth', 'including but not limited to', 'but not limited to', 'among others', 'or similar'],
  'quality.unresolved': ['TBD', 'TBC', 'TODO', 'FIXME', 'XXX', '???', 'NEEDS CLARIFICATION', 'to be determined', 'to be decided', 'to be confirmed'],
  'quality.pronoun': ['it', 'this', 'that', 'they', 'these', 'those', 'its', 'their', 'them', 'he', 'she'],
  // `all`, `every` and `none` are usually meant literally (and `None` is often a value): 150 hints
  // on the corpus, nearly all noise. Teams that want them add them.
  'quality.absolute': ['always', 'never', '100%'],
  'quality.comparative': [
    'better', 'faster', 'quicker', 'slower', 'easier', 'simpler', 'smoother', 'cleaner', 'improved', 'more efficient',
    'more reliable', 'more readable', 'more maintainable', 'more robust', 'more secure', 'more intuitive', 'more responsive',
    'more consistent', 'more accurate', 'less error-prone', 'as fast as possible', 'as soon as possible',
  ],
};

export interface TermMatch {
  readonly from: number;
  readonly to: number;
  /** The words as written in the statement. */
  readonly text: string;
}

const compiled = new Map<string, RegExp | null>();

/**
 * Every occurrence of any term, longest first so `in a timely manner` wins over `timely`.
 * Matching ignores case, except for terms written in capitals (`TBD`, `TODO`): there case is
 * what tells a marker from the ordinary word ("the todo list").
 */
export function findTerms(text: string, terms: readonly string[]): TermMatch[] {
  // Rules run on every criterion of a spec after each keystroke, and nearly all criteria are
  // unchanged between runs: the result depends only on the text and the list, so it is memoised.
  const list = prepared(terms);
  const hit = list.memo.get(text);
  if (hit) return hit;
  // Cheap pre-check: a term that does not occur as a substring cannot match the full pattern.
  const lower = text.toLowerCase();
  const anyCaps = list.caps.some((t) => text.includes(t));
  const anyOther = list.otherFirstWords.some((w) => lower.includes(w));
  const found = [...(anyCaps ? matchAll(text, list.caps, '') : []), ...(anyOther ? matchAll(text, list.other, 'i') : [])].sort((a, b) => a.from - b.from || b.to - a.to);
  const out: TermMatch[] = [];
  for (const m of found) if (!out.length || m.from >= out[out.length - 1].to) out.push(m);
  if (list.memo.size > 50000) list.memo.clear();
  list.memo.set(text, out);
  return out;
}

/**
 * Memo tables of pure functions (the same inputs always give the same output), bounded by
 * clearing; they hold no state a caller could observe.
 */
interface PreparedList {
  readonly caps: string[];
  readonly other: string[];
  /** The first word of each other term, lower-cased, for the substring pre-check. */
  readonly otherFirstWords: string[];
  /** Results by statement text. */
  readonly memo: Map<string, TermMatch[]>;
}
const lists = new WeakMap<readonly string[], PreparedList>();

function prepared(terms: readonly string[]): PreparedList {
  let p = lists.get(terms);
  if (!p) {
    const unique = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))];
    const caps = unique.filter((t) => /[A-Z]/.test(t) && !/[a-z]/.test(t));
    const other = unique.filter((t) => !caps.includes(t));
    p = { caps, other, otherFirstWords: other.map((t) => t.toLowerCase().split(/\s+/)[0]), memo: new Map() };
    lists.set(terms, p);
  }
  return p;
}



function matchAll(text: string, terms: readonly string[], flags: string): TermMatch[] {
  if (terms.length === 0) return [];
  const key = flags + '\u0000' + terms.join('\u0000');
  let re = compiled.get(key);
  if (re === undefined) {
    const body = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
    // Not inside a longer word or a hyphenated compound ("fast" in "breakfast" or "fast-path").
    re = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${body.join('|')})(?![\\p{L}\\p{N}_]|-[\\p{L}])`, `gu${flags}`);
    if (compiled.size > 200) compiled.clear();
    compiled.set(key, re);
  }
  return re ? [...text.matchAll(re)].map((m) => ({ from: m.index, to: m.index + m[0].length, text: m[0] })) : [];
}

/** Applies a `{ add, remove, replace }` setting to a default list. */
export function resolveTerms(defaults: readonly string[], setting: { readonly add?: readonly string[]; readonly remove?: readonly string[]; readonly replace?: readonly string[] } | undefined): readonly string[] {
  if (!setting) return defaults;
  const base = setting.replace ?? defaults;
  const removed = new Set((setting.remove ?? []).map((t) => t.toLowerCase()));
  return [...base.filter((t) => !removed.has(t.toLowerCase())), ...(setting.add ?? [])];
}
