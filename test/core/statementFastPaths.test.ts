// @spec specthread-core#21.4, specthread-core#7.1, specthread-core#7.2
import * as assert from 'assert';
import fc from 'fast-check';
import { AnalysisCache } from '../../server/src/core/analysisCache';
import { mapMarkup, readsAsWritten, toPlainMap, toPlainText } from '../../server/src/core/requirements/plainMap';
import { DEFAULT_TERMS, findTerms, termsOf } from '../../server/src/core/requirements/terms';
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

  it('a statement matched through its word mask finds the terms the general pre-check finds', () => {
    const defaults = Object.values(DEFAULT_TERMS);
    const extraTerm = fc.oneof(
      fc.constantFrom('faſt', 'Kelvin', 'mañana', 'user friendly', '-ish', '???', 'x_y', "don't", 'e2e', 'NEEDS  MORE', 'Wi-Fi'),
      fc.string({ minLength: 1, maxLength: 6 }),
    );
    const lists = fc.array(fc.oneof(fc.constantFrom(...defaults), fc.array(extraTerm, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 6 });
    const words = fc.constantFrom(
      ...PIECES,
      'FAST',
      'faſt',
      'Kelvin',
      'Kelvin',
      'breakfast',
      'submit',
      'the',
      'he',
      'IT',
      'It',
      'x_y',
      'e2e',
      'Wi-Fi',
      '???',
      "don't",
      'mañana',
    );
    const text = fc.oneof(
      fc.array(fc.tuple(words, fc.constantFrom(...SPACES)), { maxLength: 16 }).map((p) => p.map(([w, sp]) => w + sp).join('')),
      anyStatement,
    );
    fc.assert(
      fc.property(lists, fc.array(text, { minLength: 1, maxLength: 5 }), (termLists, texts) => {
        // One cache across lists and statements, so masks made before a later list had its bit are exercised too.
        const cache = new AnalysisCache();
        const statements = texts.map((t) => ({ text: t }));
        for (const list of termLists)
          for (const statement of statements)
            assert.deepStrictEqual(termsOf(statement, list, cache), findTerms(statement.text, list), JSON.stringify([statement.text, list]));
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
