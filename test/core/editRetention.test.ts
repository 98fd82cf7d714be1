// @spec specthread-core#21.4
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { SpecModel } from '../../server/src/core/index/specModel';

/**
 * An edit retains nothing of the versions before it: once a spec file changed and its findings
 * were computed again, the engine holds no older model of the spec (nor, through it, the older
 * file texts, parsed facts and statements). The statement cache keeps findings per criterion
 * text, never the objects they were computed from.
 */

const SPEC = '/ws/.kiro/specs/kept';
const PATH = `${SPEC}/requirements.md`;

function version(n: number): string {
  const criteria = Array.from(
    { length: 20 },
    (_, i) => `${i + 1}. WHEN request ${i} arrives, THE Gateway SHALL route it as appropriate (version ${i === n % 20 ? n : 0})`,
  );
  return ['# Requirements Document', '', '## Requirements', '', '### Requirement 1: Routing', '', '#### Acceptance Criteria', '', ...criteria, ''].join('\n');
}

/** The collector, reachable without starting node with --expose-gc. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('edits retain nothing of earlier versions', () => {
  it('after 30 edits and their findings, every older model of the spec can be collected', async () => {
    const engine = new Engine(new MemoryWorkspace(['/ws'], { [PATH]: version(0) }));
    await engine.indexWorkspace(NEVER_CANCELLED);
    const models: WeakRef<SpecModel>[] = [];
    for (let n = 1; n <= 30; n++) {
      engine.findingsForSpec(SPEC, NEVER_CANCELLED);
      models.push(new WeakRef(engine.allSpecs().find((s) => s.dir === SPEC)!));
      engine.setText(PATH, version(n), NEVER_CANCELLED);
    }
    const findings = engine.findingsForSpec(SPEC, NEVER_CANCELLED);
    assert.ok(
      findings.some((f) => f.code.startsWith('quality.')),
      `the statement rules ran on the last version: ${findings.map((f) => f.code).join(', ')}`,
    );
    const gc = collector();
    // Weak references are cleared only after the job that made them ends.
    await new Promise((resolve) => setImmediate(resolve));
    // Twice: a collection that finishes an incremental marking under way keeps what was allocated while it marked.
    gc();
    gc();
    const kept = models.map((m, i) => (m.deref() ? i + 1 : 0)).filter(Boolean);
    assert.deepStrictEqual(kept, [], 'older models still reachable, by version');
  });
});
