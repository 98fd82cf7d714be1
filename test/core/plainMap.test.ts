// @spec specthread-core#14.1 @spec specthread-core#7.1
import * as assert from 'assert';
import { earsOf, maskSpans } from '../../server/src/core/requirements/ears';
import { rawPosition, toPlainMap } from '../../server/src/core/requirements/plainMap';

/**
 * The readable-text map of a criterion, on the inputs that once crashed `earsOf` (issue 8): code
 * spans that are empty or hold only emphasis markers right after white space.
 */
describe('plain text map: code spans', () => {
  const cases: [string, string, [number, number][]][] = [
    ['mask the password as `***`', 'mask the password as ***', [[21, 24]]],
    ['keep ``x`` fences', 'keep x fences', [[5, 6]]],
    ['skip `<!-- -->` comments', 'skip <!-- --> comments', [[5, 13]]],
    ['type `_` here', 'type _ here', [[5, 6]]],
    ['an empty ` ` span', 'an empty span', []],
    ['two ``a `b` c`` ticks', 'two a `b` c ticks', [[4, 11]]],
    ['an unmatched ` tick', 'an unmatched ` tick', []],
    ['an escaped \\`x` tick', 'an escaped `x` tick', []],
    [
      '`lead` and `tail`',
      'lead and tail',
      [
        [0, 4],
        [9, 13],
      ],
    ],
  ];
  for (const [raw, text, code] of cases) {
    it(JSON.stringify(raw), () => {
      const map = toPlainMap(raw);
      assert.strictEqual(map.text, text);
      assert.deepStrictEqual(
        map.code.map((c) => [c.from, c.to]),
        code,
      );
      // Every span is a non-empty readable range, so masking it can never be asked for a negative count.
      for (const c of map.code) assert.ok(c.from < c.to && c.to <= map.text.length);
      assert.strictEqual(map.offsets.length, map.text.length + 1);
      for (let i = 0; i < map.text.length; i++) {
        if (map.text[i] !== ' ') assert.strictEqual(raw[map.offsets[i]], map.text[i], `offset of ${i}`);
      }
    });
  }

  it('classifies a criterion whose only code span is `***` without throwing', () => {
    const map = toPlainMap('WHEN a user types, THE Login_Form SHALL mask the password as `***`');
    const shape = earsOf({ text: map.text, codeSpans: map.code });
    assert.strictEqual(shape.pattern, 'event');
    assert.strictEqual(shape.shalls.length, 1);
  });

  it('masks spans in one pass, tolerating empty, reversed, overlapping and out-of-range spans', () => {
    assert.strictEqual(maskSpans('a SHALL b SHALL c', [{ from: 10, to: 15 }]), 'a SHALL b xxxxx c');
    assert.strictEqual(
      maskSpans('abcdef', [
        { from: 4, to: 2 },
        { from: 1, to: 3 },
        { from: 2, to: 5 },
        { from: 9, to: 12 },
      ]),
      'axxxxf',
    );
    const many = Array.from({ length: 50_000 }, (_, i) => ({ from: 2 * i, to: 2 * i + 1 }));
    assert.strictEqual(maskSpans('ab'.repeat(50_000), many), 'xb'.repeat(50_000));
  });
});

describe('plain text map: line ends', () => {
  it('counts LF, CRLF and a lone CR as one line end each, as LSP does', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const raw = `first${eol}  second${eol}${eol}third`;
      const source = { raw, start: { line: 4, character: 3 } };
      assert.deepStrictEqual(rawPosition(source, raw.indexOf('second')), { line: 5, character: 2 }, JSON.stringify(eol));
      assert.deepStrictEqual(rawPosition(source, raw.indexOf('third')), { line: 7, character: 0 }, JSON.stringify(eol));
      assert.deepStrictEqual(rawPosition(source, 1), { line: 4, character: 4 }, JSON.stringify(eol));
    }
  });
});
