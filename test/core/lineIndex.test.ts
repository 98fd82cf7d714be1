// @spec specthread-core#14.7
import * as assert from 'assert';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/**
 * LineIndex reads lines from the text without cutting them out (line starts found with indexOf,
 * a line's length, the blanks `trimStart` would remove); each answer must be the one the cut-out
 * line gives, whatever the line endings and white space (ASCII or not).
 */
const PIECE = fc.constantFrom('a', 'word', ' ', '  ', '\t', '\f', '\v', '\u00a0', '\u3000', '\u2028', '\ufeff', '#', '- ', 'é', '中', '\n', '\r\n', '\r');

describe('LineIndex', () => {
  it('splits lines as LSP counts them and answers line lengths and leading blanks as the cut-out line does', () => {
    fc.assert(
      fc.property(fc.array(PIECE, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        const index = new LineIndex(text);
        const lines = text.split(/\r\n|\r|\n/);
        assert.strictEqual(index.lineCount, lines.length);
        // @spec specthread-core#21.2
        assert.strictEqual(index.starts.length, index.lineCount);
        for (let line = 0; line < lines.length; line++) {
          assert.strictEqual(index.lineText(line), lines[line]);
          assert.strictEqual(index.starts[line], index.lineStart(line));
          assert.strictEqual(index.lineLength(line), lines[line]!.length);
          assert.strictEqual(index.leadingBlanks(line), lines[line]!.length - lines[line]!.trimStart().length);
        }
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(2000) },
    );
  });
});
