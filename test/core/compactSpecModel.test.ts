// @spec specthread-core#21.4
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { buildSpecModel } from '../../server/src/core/index/specModel';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';

/**
 * A spec model keeps its lists compact (core/index/specModel.ts): every ref with no resolved, or
 * no unresolved, ids shares one frozen empty list instead of holding an empty array of its own,
 * and the lists of citing refs and sub-tasks hold exactly what they did.
 */
const REQUIREMENTS = [
  '# Requirements',
  '',
  ...[1, 2, 3].flatMap((r) => [
    `### Requirement ${r}: R${r}`,
    '',
    '#### Acceptance Criteria',
    '',
    `1. WHEN a THEN the system SHALL b`,
    `2. WHEN c THEN the system SHALL d`,
    '',
  ]),
].join('\n');
const TASKS = [
  '# Tasks',
  '',
  '- [ ] 1. One',
  '  - _Requirements: 1.1, 1.2_',
  '- [ ] 1.1 One sub',
  '  - _Requirements: 1.1, 9.9_',
  '- [ ] 1.2 Another sub',
  '  - _Requirements: 2.1-2.2_',
  '- [ ] 2. Two',
  '  - _Requirements: 3, other-spec#1.1_',
  '- [ ] 3. Three',
  '  - _Requirements: All_',
].join('\n');

function model() {
  const files = [
    parseSpecFile('/ws/.kiro/specs/a/requirements.md', 'requirements', REQUIREMENTS, NEVER_CANCELLED, 'kiro'),
    parseSpecFile('/ws/.kiro/specs/a/tasks.md', 'tasks', TASKS, NEVER_CANCELLED, 'kiro'),
  ];
  return buildSpecModel('a', '/ws/.kiro/specs/a', 'kiro', files);
}

describe('compact spec models', () => {
  it('refs share one frozen empty id list', () => {
    const { refs } = model();
    const empty = refs.flatMap((r) => [r.resolved, r.unresolved]).filter((l) => l.length === 0);
    // Every ref but the unknown `9.9` has no unresolved ids; `All` and the cross-spec ref resolve none.
    assert.ok(empty.length >= refs.length, `${empty.length} empty lists for ${refs.length} refs`);
    assert.strictEqual(new Set(empty).size, 1);
    assert.ok(Object.isFrozen(empty[0]));
  });

  it('lists each cited id with the refs that cite it, and each task with its sub-tasks', () => {
    const m = model();
    const cited = Object.fromEntries([...m.citedBy].map(([id, refs]) => [id, refs.map((r) => r.occurrence.raw)]));
    assert.deepStrictEqual(cited, { '1.1': ['1.1', '1.1'], '1.2': ['1.2'], '2.1': ['2.1-2.2'], '2.2': ['2.1-2.2'], '3': ['3'] });
    assert.deepStrictEqual(
      m.refs.filter((r) => r.unresolved.length).map((r) => r.unresolved),
      [['9.9']],
    );
    assert.deepStrictEqual(Object.fromEntries([...m.subtasks].map(([id, subs]) => [id, subs.map((s) => s.node.id)])), { '1': ['1.1', '1.2'] });
  });
});
