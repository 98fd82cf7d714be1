// @spec specthread-core#21.4, specthread-core#7.1, specthread-core#7.2
import * as assert from 'assert';
import fc from 'fast-check';
import { AnalysisCache } from '../../server/src/core/analysisCache';
import { mapMarkup, readsAsWritten, toPlainMap, toPlainText } from '../../server/src/core/requirements/plainMap';
import { DEFAULT_TERMS, findTerms, termsOf } from '../../server/src/core/requirements/terms';
import { lastWord } from '../../server/src/core/requirements/ears';
import { ENGLISH, EarsLanguage, OTHER_LANGUAGES, detectLanguage } from '../../server/src/core/requirements/languages';
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

  it('detects the language a criterion is written in as the word-splitting detector did', () => {
    const markers = [ENGLISH, ...OTHER_LANGUAGES].flatMap((l) => l.markers);
    const word = fc.oneof(
      fc.constantFrom(...markers),
      fc.constantFrom(...markers).map((m) => m.toUpperCase()),
      fc.constantFrom(...markers).map((m) => m[0]!.toUpperCase() + m.slice(1)),
      fc.constantFrom(...PIECES, 'E', 'O', 'É', 'Sİ', 'ǅ', 'Ὀ', 'ひらがな', '한국어', '中文字', 'ｶﾀｶﾅ'),
    );
    const text = fc.oneof(
      fc.array(fc.tuple(word, fc.constantFrom(...SPACES, ', ', '-', '1')), { maxLength: 20 }).map((p) => p.map(([w, sp]) => w + sp).join('')),
      anyStatement,
    );
    fc.assert(
      fc.property(text, (t) => assert.strictEqual(detectLanguage(t).code, splittingDetector(t).code, JSON.stringify(t))),
      params,
    );
    // The script test is skipped below U+1100; no character there is Han, kana or Hangul.
    for (let c = 0; c < 0x1100; c++) assert.ok(!ANY_CJK.test(String.fromCharCode(c)), c.toString(16));
  });

  it('finds the last THE between a condition and SHALL as the word-boundary pattern did', () => {
    const text = fc.array(fc.constantFrom('THE', 'THEN', 'ATHE', 'THE_', 'the', 'THÉ', ' ', ',', '_', '1', 'é'), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(text, anyStatement), (t) =>
        assert.strictEqual(lastWord(t, 'THE'), [...t.matchAll(/\bTHE\b/g)].pop()?.index ?? -1, JSON.stringify(t)),
      ),
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

const ANY_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** `detectLanguage` as it was before its one-pass scan: split into words, each looked up after case checks. */
function splittingDetector(text: string): EarsLanguage {
  const all = [ENGLISH, ...OTHER_LANGUAGES];
  const byCode = new Map(all.map((l) => [l.code, l]));
  const markers = new Map<string, EarsLanguage[]>();
  for (const language of all) for (const w of language.markers) markers.set(w, [...(markers.get(w) ?? []), language]);
  const count = (re: RegExp) => [...text.matchAll(re)].length;
  if (ANY_CJK.test(text)) {
    const kana = count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
    const hangul = count(/\p{Script=Hangul}/gu);
    const han = count(/\p{Script=Han}/gu);
    if (kana >= 3) return byCode.get('ja')!;
    if (hangul >= 3) return byCode.get('ko')!;
    if (han >= 6 || (han > 0 && han * 5 >= count(/\p{L}/gu))) return byCode.get('zh')!;
  }
  const scores = new Map<EarsLanguage, number>();
  for (const word of text.split(/[^A-Za-z\u00C0-\u024F]+/)) {
    if (word.length === 0 || (word.length > 1 && word === word.toUpperCase())) continue;
    for (const language of markers.get(word.toLowerCase()) ?? []) scores.set(language, (scores.get(language) ?? 0) + 1);
  }
  let best = ENGLISH;
  for (const language of OTHER_LANGUAGES) if ((scores.get(language) ?? 0) > (scores.get(best) ?? 0)) best = language;
  return best;
}
