// @spec specthread-core#14.7, specthread-core#14.1
import * as assert from 'assert';
import fc from 'fast-check';
import { fuzzParams } from './fuzzConfig';
import { generatedWorkspace } from './generators/workspace';
import { probe } from './harness/engineProbe';

/**
 * Grammar-generated workspaces of every format, mutated, through the whole engine: no rule or
 * query throws, and every finding, fix, location and symbol lies inside its document.
 */

const points = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 });

describe('fuzz: generated spec workspaces through the engine', function () {
  this.timeout(0);

  it('no rule or query throws, and every range lies inside its document', async () => {
    await fc.assert(
      fc.asyncProperty(generatedWorkspace, points, async (ws, pts) => {
        const { problems } = await probe(ws.files, pts);
        assert.deepStrictEqual(problems, []);
      }),
      fuzzParams('grammar'),
    );
  });
});
