// @spec specthread-core#2.1 @spec specthread-core#2.2 @spec specthread-core#2.3 @spec specthread-core#13.1 @spec specthread-core#13.3 @spec specthread-core#13.4 @spec specthread-core#13.5 @spec specthread-core#16.6 @spec specthread-core#16.1 @spec specthread-core#16.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { FIXTURES, engineFor, formatFinding, readTree } from '../helpers/fixtures';

/**
 * Data-driven rule tests: each folder under test/fixtures/checks is a workspace; its
 * expected.txt lists every finding the engine must report, with exact ranges, and nothing else.
 * Set SPECTHREAD_UPDATE_FIXTURES=1 to write expected.txt from the current output for review.
 */
const ROOT = path.join(FIXTURES, 'checks');

describe('check fixtures (spec text in, findings out)', () => {
  for (const name of fs.readdirSync(ROOT).sort()) {
    it(name, async () => {
      const files = readTree(path.join(ROOT, name));
      const expectedText = files['expected.txt'];
      delete files['expected.txt'];
      const engine = await engineFor(files);
      const actual = [...engine.configFindings(), ...engine.allFindings(NEVER_CANCELLED)].map((f) => formatFinding(f));
      if (process.env.SPECTHREAD_UPDATE_FIXTURES) {
        const comments = (expectedText ?? '').split('\n').filter((l) => l.startsWith('#'));
        const lines = [...comments, ...actual];
        fs.writeFileSync(path.join(ROOT, name, 'expected.txt'), lines.join('\n') + (lines.length ? '\n' : ''));
        return;
      }
      assert.ok(expectedText !== undefined, `${name}/expected.txt is missing`);
      const expected = expectedText.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
      assert.deepStrictEqual(actual, expected);
    });
  }
});
