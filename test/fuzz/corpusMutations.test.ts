// @spec specthread-core#14.7
import * as assert from 'assert';
import fc from 'fast-check';
import { avoidKnownBugs } from './knownBugs';
import { fuzzParams } from './fuzzConfig';
import { applyMutations, mutations } from './generators/mutations';
import { loadCorpusSample } from './harness/corpusSample';
import { probe } from './harness/engineProbe';

/**
 * Real spec folders from the shared corpus, mutated (backtick runs, symbol-only code spans, line
 * ends, BOM, NUL, lone surrogates, bidi and zero-width characters, truncation, moved lines, huge
 * numbers and reversed ranges in refs, 10k-character lines), through the whole engine with the
 * same invariants as generated workspaces. Without the corpus this says SKIPPED and why, and
 * fails when SPECTHREAD_CORPUS_REQUIRED=1 (as CI sets it).
 */

const sample = loadCorpusSample();

describe('fuzz: mutated real spec folders from the corpus', function () {
  this.timeout(180_000);

  if ('missing' in sample) {
    it('corpus present', function () {
      if (process.env.SPECTHREAD_CORPUS_REQUIRED === '1') assert.fail(`SPECTHREAD_CORPUS_REQUIRED=1 but ${sample.missing}`);
      console.log(`      SKIPPED: ${sample.missing}`);
      this.skip();
    });
    return;
  }
  const { folders } = sample;

  it(`a sample of ${folders.length} folders stays whole under mutation: no throw, ranges inside`, async () => {
    const folder = fc.nat(folders.length - 1).map((i) => folders[i]);
    const mutatedFolder = folder.chain((f) => {
      const paths = Object.keys(f.files);
      return fc.tuple(fc.constant(f), fc.tuple(...paths.map(() => mutations(4)))).map(([f2, perFile]) => {
        const files: Record<string, string> = {};
        paths.forEach((p, i) => (files[p] = avoidKnownBugs(applyMutations(f2.files[p], perFile[i]))));
        return { name: f2.name, files, mutations: Object.fromEntries(paths.map((p, i) => [p, perFile[i]])) };
      });
    });
    const points = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 });
    await fc.assert(
      fc.asyncProperty(mutatedFolder, points, async (c, pts) => {
        const { problems } = await probe(c.files, pts);
        assert.deepStrictEqual(problems, [], `in ${c.name} with ${JSON.stringify(c.mutations)}`);
      }),
      fuzzParams('corpus'),
    );
  });
});
