// @spec specthread-core#17.1
import * as assert from 'assert';
import * as path from 'path';
import { createBaseline, parseBaseline, serializeBaseline } from '../../server/src/core/baseline/baseline';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine, EngineOptions } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { REPO, readTree } from '../helpers/fixtures';

/** The Kiro example's user-auth spec, with a suppression comment above tasks.md's unknown 2.5. */
function files(): Record<string, string> {
  const tree = readTree(path.join(REPO, 'examples', 'kiro-workspace'));
  const out: Record<string, string> = {};
  for (const [rel, text] of Object.entries(tree)) out[`/ws/${rel}`] = text;
  const tasks = '/ws/.kiro/specs/user-auth/tasks.md';
  const lines = out[tasks]!.split('\n');
  lines.splice(10, 0, '    <!-- specthread-disable-next-line link.unknown-ref -->');
  out[tasks] = lines.join('\n');
  return out;
}

async function engineOver(options: EngineOptions, acceptDesign: boolean): Promise<Engine> {
  const engine = new Engine(new MemoryWorkspace(['/ws'], files()), undefined, options);
  await engine.indexWorkspace(NEVER_CANCELLED);
  if (acceptDesign) {
    // A baseline that accepts the finding in design.md only.
    const inDesign = engine.allFindings(NEVER_CANCELLED).filter((f) => f.path.endsWith('design.md'));
    const baseline = parseBaseline(serializeBaseline(createBaseline(inDesign, '/ws', (p) => engine.textOf(p))), '/ws')!;
    engine.setBaselines([baseline]);
  }
  return engine;
}

const describeFinding = (f: { path: string; code: string; accepted?: string }) => `${path.basename(f.path)} ${f.code} ${f.accepted ?? 'reported'}`;

describe('accepted findings: dropped for the editor, kept and marked for SARIF (keepAccepted)', () => {
  it('drops findings a suppression comment or the baseline accepts by default', async () => {
    const engine = await engineOver({}, true);
    const found = engine.allFindings(NEVER_CANCELLED).map(describeFinding);
    assert.ok(!found.some((f) => f.startsWith('design.md') || f.startsWith('tasks.md link.unknown-ref')), found.join('\n'));
    assert.ok(found.every((f) => f.endsWith(' reported')));
  });

  it('keeps them marked with why they are accepted when the engine keeps accepted findings', async () => {
    const engine = await engineOver({ keepAccepted: true }, true);
    const found = engine.allFindings(NEVER_CANCELLED).map(describeFinding);
    assert.ok(found.includes('design.md link.unknown-ref baseline'), found.join('\n'));
    assert.ok(found.includes('tasks.md link.unknown-ref suppression'), found.join('\n'));
    assert.strictEqual(found.filter((f) => f.endsWith(' reported')).length, 3, found.join('\n'));
  });
});
