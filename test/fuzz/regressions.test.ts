// @spec specthread-core#14.7, specthread-core#14.1
import * as assert from 'assert';
import { KNOWN_BUGS } from './knownBugs';
import { probe } from './harness/engineProbe';

/**
 * Minimal inputs the fuzzer found, kept as plain tests. Fixed ones must stay fixed. Known,
 * unfixed ones (knownBugs.ts) must still fail: when a fix lands, its test fails here and says to
 * delete the entry, so the exclusion never outlives the bug.
 */

const FIXED: readonly { readonly name: string; readonly files: Readonly<Record<string, string>> }[] = [
  {
    // The YAML parser puts an unclosed quote's error one past the block; inside a \r\n that was past the line end.
    name: 'steering front matter with an unclosed quote on its last line, CRLF',
    files: { '.kiro/steering/tech.md': '---\r\ninclusion: always\r\nfileMatchPattern: "\r\n---\r\n# x\r\n' },
  },
];

async function problemsOf(files: Readonly<Record<string, string>>): Promise<string[]> {
  try {
    return [...(await probe(files, [[1, 1], [2, 5]])).problems];
  } catch (err) {
    return [`threw: ${err instanceof Error ? err.message : String(err)}`];
  }
}

describe('fuzz regressions: minimal inputs found by the fuzzer', () => {
  for (const c of FIXED) {
    it(`fixed: ${c.name}`, async () => assert.deepStrictEqual(await problemsOf(c.files), []));
  }
  for (const bug of KNOWN_BUGS) {
    it(`still open (knownBugs.ts): ${bug.feature}`, async () => {
      const problems = await problemsOf(bug.example);
      assert.ok(problems.length > 0, `the known bug "${bug.feature}" no longer reproduces (${bug.fixedBy}): delete its entry from test/fuzz/knownBugs.ts`);
    });
  }
});
