// @spec specthread-core#21.4, specthread-core#7.1, specthread-core#7.2
import * as assert from 'assert';
import fc from 'fast-check';
import { mapMarkup, readsAsWritten, toPlainMap, toPlainText } from '../../server/src/core/requirements/plainMap';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/**
 * Statement analysis takes shortcuts for the common criterion (plain text, ASCII, no markup).
 * Each shortcut must answer exactly what the general algorithm answers; these properties compare
 * the two on generated statements that mix EARS keywords, markup, non-ASCII letters, CJK and
 * unusual white space, so that a shortcut can never change a finding or its range.
 */
const PIECES = [
  'WHEN',
  'When',
  'THE',
  'the',
  'SHALL',
  'shall',
  'NOT',
  'IF',
  'THEN',
  'WHILE',
  'WHERE',
  'MUST',
  'Auth_Service',
  'auth_',
  '_x',
  'fast',
  'it',
  'TODO',
  'etc.',
  'and/or',
  'user-friendly',
  'ſ',
  'K',
  'İ',
  'DEBERÁ',
  'CUANDO',
  'el sistema',
  'ENTÃO',
  'DEVE',
  'システム',
  'しなければならない',
  '必须',
  '해야 한다',
  '𝐀',
  '`code`',
  '``',
  '`',
  '**',
  '*',
  '<!-- c -->',
  '<',
  '\\`',
  '\\',
  ',',
  '.',
  '100%',
  '???',
  '-',
];
const SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\n   ', '\r\n', '\u00a0', '\u3000', ''];

/** A criterion's raw Markdown: words and markup joined by assorted white space. */
const rawStatement = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SPACES)), { maxLength: 24 })
  .map((parts) => parts.map(([word, space]) => word + space).join(''));
/** Plain criteria too, which the shortcuts are for: ASCII words and single spaces. */
const plainStatement = fc
  .array(fc.constantFrom('WHEN', 'THE', 'Auth_Service', 'SHALL', 'store', 'it', 'x1', 'a-b', 'fast,', 'etc.'), { maxLength: 20 })
  .map((w) => w.join(' '));
const anyStatement = fc.oneof(rawStatement, plainStatement, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));

const params = { seed: FUZZ_SEED, numRuns: runsFor(2000) };

describe('statement analysis shortcuts agree with the general algorithm', () => {
  it('a text that reads as written maps to itself, character for character', () => {
    fc.assert(
      fc.property(anyStatement, (raw) => {
        const general = mapMarkup(raw);
        const map = toPlainMap(raw);
        assert.strictEqual(map.text, general.text);
        assert.deepStrictEqual([...map.offsets], [...general.offsets]);
        assert.deepStrictEqual(map.code, general.code);
        const plain = toPlainText(raw);
        assert.strictEqual(plain.text, general.text);
        assert.deepStrictEqual(plain.code, general.code);
        if (readsAsWritten(raw)) assert.strictEqual(general.text, raw);
      }),
      params,
    );
  });

  it('takes the shortcut for ordinary criteria', () => {
    assert.ok(readsAsWritten('WHEN a user saves, THE Auth_Service SHALL store the draft within 2 s'));
    assert.ok(!readsAsWritten('WHEN a user saves, THE **Auth_Service** SHALL store it'));
    assert.ok(!readsAsWritten('WHEN a user saves,  THE Auth_Service SHALL store it'));
    assert.ok(!readsAsWritten('THE _Auth SHALL store it'));
  });
});
