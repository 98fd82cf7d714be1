import { termsOf } from '../../../requirements/terms';
import { overlapsTerms, termRule } from '../../termRule';

/**
 * A purpose clause ("… SHALL use a composite index for optimal query performance") gives the
 * reason, not the obligation; the obligation before it is concrete. Five corpus false alarms.
 */
const PURPOSE = /\bfor\s+$/i;

/** Idioms where a listed word is not vague; each entry was a false alarm on the corpus or on our own spec. */
const IDIOMS = [
  'fail fast',
  'fail-fast',
  'quick start',
  'quick-start',
  'quickstart',
  'quick fix',
  'quick-fix',
  'quick fixes',
  'quick pick',
  // UI features named "quick …" on the corpus (dashboards, search dialogs): names, not qualities.
  'quick action',
  'quick actions',
  'quick search',
  'quick edit',
  'quick view',
  'quick link',
  'quick links',
  'quick add',
  'quick reply',
  'quick filter',
  'quick filters',
];

/**
 * The criterion says right after the word what it means: "appropriate permissions (blog:read,
 * blog:write)", "gracefully (cascade or set null)", "sufficient contrast … (WCAG AA minimum)".
 * Corpus false alarms; a maintainer who spelled it out has nothing to fix.
 */
const SPELLED_OUT = /^[^.;()]{0,40}\(|^[^.;]*\bWCAG\b/;

/** A path segment or identifier part (`/search/quick`, `quick_mode`), not a word of prose. */
function isNamePart(text: string, from: number, to: number): boolean {
  return /[/_\-.]/.test(text[from - 1] ?? '') || /[/_]/.test(text[to] ?? '');
}

export const vagueTerm = termRule(
  {
    code: 'quality.vague-term',
    defaultSeverity: 'hint',
    summary: 'A vague word (fast, appropriate, robust, user-friendly …) that no test can check.',
    description:
      'Words like fast, appropriate, sufficient, robust or user-friendly mean something different to each reader, ' +
      'and no test can decide whether they hold (INCOSE R7). Replace the word with what is meant: a number and a ' +
      'unit, the exact message, the named behaviour. A word in a purpose clause ("… for fast rendering") is the ' +
      'reason, not the obligation, and is not reported; nor are words in code spans (`fast` as a value name), path or ' +
      'identifier parts (`/search/quick`), UI feature names (quick actions), words the criterion spells out right after ' +
      '("appropriate permissions (blog:read, blog:write)", a WCAG level), or criteria not written in English. The list is configurable with ' +
      '`terms: { "quality.vague-term": { "add": […], "remove": […] } }`.',
    bad: '1. WHEN a search is submitted, THE Search_Service SHALL return results fast',
    good: '1. WHEN a search is submitted, THE Search_Service SHALL return the first page of results within 300 ms',
  },
  {
    message: (m) => `Vague term '${m.text}': say exactly what is meant (a number and a unit, the exact behaviour).`,
    // "where appropriate" is an escape clause; that rule reports the whole phrase.
    keep: (m, s, context) =>
      !overlapsTerms(m, s, context.terms('quality.escape-clause'), context.cache) &&
      !termsOf(s, IDIOMS, context.cache).some((i) => i.from <= m.from && m.to <= i.to) &&
      !PURPOSE.test(s.text.slice(Math.max(0, m.from - 8), m.from)) &&
      !SPELLED_OUT.test(s.text.slice(m.to)) &&
      !isNamePart(s.text, m.from, m.to),
  },
);
