// @spec specthread-core#21.4
import * as assert from 'assert';
import * as vm from 'vm';
import { fullCollection } from '../../server/src/lsp/afterStartup';

/** A weak reference to an object nothing else holds. */
function unreachable(): WeakRef<object> {
  return new WeakRef({ start: 'up' });
}

describe('the server process after start-up', () => {
  it('collects the garbage start-up left behind, without exposing gc to later contexts', async () => {
    const collect = fullCollection();
    assert.ok(collect, 'node offers a full collection');
    const ref = unreachable();
    // Weak references are cleared only after the job that made them ends.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    assert.strictEqual(ref.deref(), undefined, 'the unreachable object was collected');
    assert.strictEqual(vm.runInNewContext('typeof gc'), 'undefined', 'a context created later has no gc function');
  });
});
