// @spec specthread-core#14.7
import * as assert from 'assert';
import fc from 'fast-check';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { inventory } from '../../server/src/core/inventory';
import { fuzzParams } from './fuzzConfig';
import { generatedWorkspace } from './generators/workspace';
import { indexFiles } from './harness/engineProbe';

/**
 * The same workspace indexed twice, the second time with the files listed in reverse order,
 * gives identical findings (fixes and related locations included) and an identical inventory:
 * output depends on the input alone, not on listing order or on what an earlier run cached.
 */

async function snapshot(files: Readonly<Record<string, string>>, order: 'as-given' | 'reversed'): Promise<string> {
  const engine = await indexFiles(files, order);
  return JSON.stringify({ findings: engine.allFindings(NEVER_CANCELLED), inventory: inventory(engine.allSpecs(), NEVER_CANCELLED) }, null, 1);
}

describe('fuzz: deterministic output', function () {
  this.timeout(180_000);

  it('same input twice, in any listing order, gives identical findings JSON', async () => {
    await fc.assert(
      fc.asyncProperty(generatedWorkspace, async (ws) => {
        assert.strictEqual(await snapshot(ws.files, 'reversed'), await snapshot(ws.files, 'as-given'));
      }),
      fuzzParams('determinism'),
    );
  });
});
