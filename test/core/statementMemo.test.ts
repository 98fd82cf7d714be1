// @spec specthread-core#21.4
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { AnalysisCache } from '../../server/src/core/analysisCache';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { buildSpecModel, SpecModel } from '../../server/src/core/index/specModel';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { earsOf } from '../../server/src/core/requirements/ears';
import { statementsOf } from '../../server/src/core/requirements/statement';

/**
 * The engine keeps the statements (and through them the memoised EARS shapes) of only the spec
 * whose rules ran last: every rule of a spec runs in one pass, and each statement's findings are
 * kept by the statement cache, so earlier specs' statements are garbage once their pass is over.
 * Proved by counting, after a collection, the statement lists and shapes still reachable while
 * every spec model stays alive.
 */

function spec(name: string): SpecModel {
  const text = [
    '# Requirements',
    '',
    '### Requirement 1: Routing',
    '',
    '#### Acceptance Criteria',
    '',
    `1. WHEN a request for ${name} arrives, THE Gateway SHALL route it`,
    `2. THE Gateway SHALL log every ${name} request`,
    '',
  ].join('\n');
  const dir = `/ws/.kiro/specs/${name}`;
  return buildSpecModel(name, dir, 'kiro', [parseSpecFile(`${dir}/requirements.md`, 'requirements', text, NEVER_CANCELLED, 'kiro')]);
}

/** The collector, reachable without starting node with --expose-gc. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('statements are kept for the spec whose rules run', () => {
  it('every rule of one pass gets the same statements, and earlier specs let theirs go', async () => {
    const cache = new AnalysisCache();
    const specs = ['a', 'b', 'c'].map(spec);
    // A pass of rules over each spec in turn: statements and their EARS shapes, as the rules make them.
    const kept = specs.map((s) => {
      const statements = statementsOf(s, cache);
      assert.strictEqual(statementsOf(s, cache), statements);
      assert.strictEqual(statements.length, 2);
      const shapes = statements.map((st) => earsOf(st, cache));
      assert.strictEqual(earsOf(statements[0]!, cache), shapes[0]);
      return { statements: new WeakRef(statements), shapes: shapes.map((shape) => new WeakRef(shape)) };
    });
    // Weak references are cleared only after the job that made them ends.
    await new Promise((resolve) => setImmediate(resolve));
    collector()();
    assert.deepStrictEqual(
      kept.map((k) => k.statements.deref() !== undefined),
      [false, false, true],
    );
    assert.strictEqual(kept.flatMap((k) => k.shapes).filter((shape) => shape.deref() !== undefined).length, 2);
    // The spec asked for again gets new statements that read the same.
    const again = statementsOf(specs[0]!, cache);
    assert.deepStrictEqual(
      again.map((s) => [s.id, s.text]),
      [
        ['1.1', 'WHEN a request for a arrives, THE Gateway SHALL route it'],
        ['1.2', 'THE Gateway SHALL log every a request'],
      ],
    );
  });
});
