// @spec specthread-core#9.1 @spec specthread-core#9.2 @spec specthread-core#8.3 @spec specthread-core#8.4 @spec specthread-core#11.4 @spec specthread-core#20.4
import * as assert from 'assert';
import * as path from 'path';
import { normalizeSettings } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { renameId, renameTargetAt } from '../../server/src/core/trace/queries/renameId';
import { FIXTURES, readTree } from '../helpers/fixtures';

async function engineWith(settings: unknown, extra: Record<string, string> = {}): Promise<Engine> {
  const files: Record<string, string> = {};
  for (const [rel, text] of Object.entries({ ...readTree(path.join(FIXTURES, 'trace-repo')), ...extra })) files[`/ws/${rel}`] = text;
  const engine = new Engine(new MemoryWorkspace(['/ws'], files), normalizeSettings(settings));
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine;
}

describe('coverage model', () => {
  it('aggregates criteria into requirements, specs and the workspace', async () => {
    const report = (await engineWith({})).traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED);
    const [spec] = report.specs;
    assert.strictEqual(spec.traced, true);
    assert.deepStrictEqual(
      spec.requirements.flatMap((r) => r.criteria.map((c) => `${c.id} ${c.state} t${c.tasks} c${c.code} v${c.tests}`)),
      ['1.1 verified t1 c2 v1', '1.2 implemented t1 c1 v0', '1.3 tasked t1 c0 v0', '2.1 verified t1 c1 v2', '2.2 verified t1 c1 v1', '3.1 tasked t1 c0 v0'],
    );
    assert.deepStrictEqual(spec.summary, { criteria: 6, tasked: 6, implemented: 4, verified: 3, complete: 3, percent: 50 });
    assert.deepStrictEqual(report.summary, spec.summary);
  });

  it('requires only what the configuration asks for', async () => {
    const engine = await engineWith({
      codeTrace: { requireImplemented: ['user-auth#1', 'user-auth#3.1'], requireVerified: ['user-auth#2'], perCriterion: ['*'] },
    });
    const report = engine.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED);
    assert.deepStrictEqual(
      report.specs[0].requirements.flatMap((r) => r.criteria.filter((c) => c.complete).map((c) => c.id)),
      ['1.1', '1.2', '2.1', '2.2'],
    );
    const codes = engine
      .allFindings(NEVER_CANCELLED)
      .filter((f) => f.code.startsWith('coverage.'))
      .map((f) => `${f.code} ${f.message.split(' ')[1]}`);
    assert.deepStrictEqual(codes, ['coverage.criterion-not-implemented user-auth#1.3', 'coverage.criterion-not-implemented user-auth#3.1']);
  });

  it('classifies test files by configurable globs, and skips large and binary files once', async () => {
    const moved = await engineWith({ codeTrace: { testFiles: ['**/*.sql'] } });
    const c11 = moved.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED).specs[0].requirements[0].criteria[0];
    // schema.sql now counts as a test; login.test.ts (no longer a test file) has no title refs scanned.
    assert.deepStrictEqual([c11.code, c11.tests], [1, 1]);
    const skipping = await engineWith(
      { codeTrace: { maxFileSize: 2000 } },
      { 'src/big.ts': '// @spec user-auth#3.1\n' + 'x'.repeat(3000), 'src/blob.js': '\u0000\u0001 // @spec user-auth#3.1' },
    );
    assert.deepStrictEqual([...skipping.code.skippedFiles()].sort(), [
      ['/ws/src/big.ts', 'too-large'],
      ['/ws/src/blob.js', 'binary'],
    ]);
    assert.strictEqual(skipping.traceAnalysis(NEVER_CANCELLED).index.linksTo(skipping.allSpecs()[0], '3.1').length, 0);
  });

  it('excludes vendored files by default', async () => {
    const engine = await engineWith({}, { 'vendor/lib.go': '// @spec user-auth#3.1\n', 'node_modules/x/index.js': '// @spec user-auth#3.1\n' });
    assert.strictEqual(engine.traceAnalysis(NEVER_CANCELLED).index.linksTo(engine.allSpecs()[0], '3.1').length, 0);
  });
});

describe('gradual adoption of coverage findings', () => {
  const SPEC =
    '# Requirements\n\n### Requirement 1: Cart\n\n#### Acceptance Criteria\n\n' +
    [1, 2, 3, 4].map((n) => `${n}. THE Shop SHALL do thing ${n}`).join('\n') +
    '\n';
  async function findingsWith(settings: unknown): Promise<string[]> {
    const files = { '/ws/.kiro/specs/shop/requirements.md': SPEC, '/ws/src/a.ts': '// @spec shop#1.1\n' };
    const engine = new Engine(new MemoryWorkspace(['/ws'], files), normalizeSettings(settings));
    await engine.indexWorkspace(NEVER_CANCELLED);
    return engine
      .allFindings(NEVER_CANCELLED)
      .filter((f) => f.code === 'coverage.criterion-not-implemented')
      .map(
        (f) =>
          `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message} [${(f.related ?? []).map((r) => r.range.start.line).join(',')}]`,
      );
  }

  it("a spec's first tag adds one finding per requirement, on its id, with each gap as related information", async () => {
    assert.deepStrictEqual(await findingsWith({}), [
      '2:16-17 Requirement shop#1: 3 of 4 criteria are not implemented (1.2, 1.3, 1.4): no source file carries their tags. [7,8,9]',
    ]);
  });

  it('a spec that opts in through codeTrace.perCriterion gets one finding per criterion', async () => {
    assert.deepStrictEqual(
      (await findingsWith({ codeTrace: { perCriterion: ['shop'] } })).map((f) => f.split(' ').slice(0, 3).join(' ')),
      ['7:0-28 Criterion shop#1.2', '8:0-28 Criterion shop#1.3', '9:0-28 Criterion shop#1.4'],
    );
  });
});

describe('rename of ids across the thread', () => {
  it('renaming a requirement renumbers its criteria in citations, tags and titles', async () => {
    const engine = await engineWith({});
    const analysis = engine.traceAnalysis(NEVER_CANCELLED);
    // requirements.md line 19 (zero-based 18) is `### Requirement 2: Session expiry`.
    const target = renameTargetAt(analysis, '/ws/.kiro/specs/user-auth/requirements.md', { line: 18, character: 17 })!;
    assert.deepStrictEqual([target.id, target.range.start.character], ['2', 16]);
    const edits = renameId(analysis, target, '5', (p) => engine.textOf(p), NEVER_CANCELLED);
    assert.deepStrictEqual(edits.map((e) => `${e.path.slice(4)}:${e.range.start.line} ${e.newText}`).sort(), [
      '.kiro/specs/user-auth/design.md:6 5.1',
      '.kiro/specs/user-auth/design.md:6 5.2',
      '.kiro/specs/user-auth/requirements.md:18 5',
      '.kiro/specs/user-auth/tasks.md:7 5.1',
      '.kiro/specs/user-auth/tasks.md:7 5.2',
      'src/session/expiry.go:5 5.1',
      'src/session/expiry_test.go:4 5.2',
      'src/session/expiry_test.go:6 5.1',
      'src/session/store.rs:3 5.2',
      'tests/test_session.py:1 5.1',
    ]);
    assert.throws(() => renameId(analysis, target, '1', (p) => engine.textOf(p), NEVER_CANCELLED), /user-auth#1 already exists/);
  });
});
