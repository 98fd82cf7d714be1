// @spec specthread-core#14.7
import fc from 'fast-check';
import { isExcluded } from '../knownBugs';

/**
 * Inline Markdown fragments: the words, ids, code spans and odd characters that prose in every
 * spec format is made of. Hostile fragments (backtick runs, symbol-only code spans, NUL, lone
 * surrogates, bidi and zero-width characters, huge numbers) are mixed into ordinary text, so
 * they land in headings, criteria, task titles and refs alike.
 */

const WORDS = [
  'user',
  'system',
  'the',
  'data',
  'Auth_Service',
  'session',
  'token',
  'cart',
  'ñandú',
  '数据',
  'データ',
  'שלום',
  'مرحبا',
  '🙂',
  'x',
  'a',
  'shall',
  'must',
];
const KEYWORDS = ['SHALL', 'WHEN', 'THEN', 'IF', 'WHILE', 'WHERE', 'THE', 'MUST', 'SHOULD', 'AND', 'CONTINUE TO', 'Given', 'When', 'Then'];
/** Words the quality rules flag, so their findings (and ranges) occur on every kind of line. */
const FLAGGED = [
  'quickly',
  'fast',
  'appropriate',
  'user-friendly',
  'should',
  'may',
  'etc.',
  'and/or',
  'TBD',
  'it',
  'always',
  'never',
  'better',
  'if possible',
  'is validated',
  'as soon as possible',
  'in a timely manner',
  'NEEDS CLARIFICATION',
];
const MARKUP = [
  '**bold**',
  '_it_',
  '*em*',
  '[link](http://x)',
  '<https://x.test>',
  '[ref]',
  '<!-- note -->',
  '<br>',
  '\\`',
  '\\*',
  '~~del~~',
  '|',
  '#',
  '>',
  '- ',
  '1.',
];
const IDS = [
  '1',
  '1.1',
  '2.3',
  '1.2.1',
  'FR-001',
  'FR-9',
  'SC-002',
  'T001',
  '[US1]',
  '[P]',
  'US2',
  'user-auth#1.1',
  'billing#2',
  '001-checkout#FR-001',
  'cart#add-to-cart',
  'other#9.9',
  '#3',
];
const NUMBERS = ['0', '-1', '99999999999999999999', '1e309', '00', '4294967296', '9007199254740993'];
const CODE_SPANS = ['`x`', '`a b`', '``x``', '``a ` b``', '`SHALL`', '`1.1`', '`user-auth#1.1`'];
/** Empty and symbol-only code spans, and lone backtick runs that may pair up with them. */
const SYMBOL_CODE_SPANS = ['`` ` ``', '`***`', '`_`', '` `', '`<!-- -->`', '` * `', '`__`', '``', '```', '`', '`` `` ``'];
const ODD = ['\u0000', '\ud800', '\udc00', '\u200b', '\u200d', '\u200f', '\u202e', '\u2066', '\ufeff', '\t', '\u00a0', '\u2028', '\u0085', '\\'];

export const word = fc.constantFrom(...WORDS);
export const id = fc.constantFrom(...IDS);

/** One fragment of prose, weighted towards ordinary words. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: word },
  { weight: 3, arbitrary: fc.constantFrom(...KEYWORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...FLAGGED) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: id },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...CODE_SPANS) },
  { weight: isExcluded('symbol-code-span') ? 0 : 2, arbitrary: fc.constantFrom(...SYMBOL_CODE_SPANS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }).map(withoutExcluded) },
);

/** A short run of fragments, the text of a title, a criterion clause or a task. */
export const prose = (min = 1, max = 8): fc.Arbitrary<string> =>
  fc.tuple(fc.array(fragment, { minLength: min, maxLength: max }), fc.boolean()).map(([parts, glued]) => parts.join(glued && parts.length > 3 ? '' : ' '));

/**
 * Random code points may form the inputs a known bug excludes; drop the characters those
 * inputs are made of rather than let a random string bring them back.
 */
export function withoutExcluded(s: string): string {
  let out = s.replace(/[\r\n]/g, ' ');
  if (isExcluded('symbol-code-span')) out = out.replace(/`/g, "'");
  return out;
}
