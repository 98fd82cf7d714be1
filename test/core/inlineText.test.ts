// @spec specthread-core#21.4
import * as assert from 'assert';
import fc from 'fast-check';
import { inlineToText } from '../../server/src/core/parse/markdown';

/**
 * `inlineToText` runs per criterion on every parse, so it skips the passes whose pattern cannot
 * match. Skipping must never change the result: it equals running every pass, in order, on any
 * text made of the characters those passes look for.
 */
function everyPass(inline: string): string {
  if (!/[\\`*_]/.test(inline)) return inline.replace(/\s+/g, ' ').trim();
  return inline
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const piece = fc.constantFrom('*', '**', '_', '__', '`', '\\', '\\*', '<!--', '-->', '-', '<', '!', ' ', '\n', '\t', 'a', 'Auth_Service', 'SHALL', 'x');

describe('inlineToText: skipping passes that cannot match changes nothing', () => {
  it('equals running every pass on any text of markup characters', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const inline = pieces.join('');
        assert.strictEqual(inlineToText(inline), everyPass(inline));
      }),
      { numRuns: 3000, seed: 0x5eed },
    );
  });

  it('reads names with underscores, escaped emphasis and comments as before', () => {
    assert.strictEqual(inlineToText('THE Auth_Service SHALL  log'), 'THE Auth_Service SHALL log');
    assert.strictEqual(inlineToText('\\*\\*bold\\*\\* and `code` <!-- hidden -->'), 'bold and code');
  });
});
