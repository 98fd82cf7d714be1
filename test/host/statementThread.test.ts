// @spec specthread-core#21.4
import * as assert from 'assert';
import * as path from 'path';
import { mergeSettings, normalizeSettings } from '../../shared/settings';
import { CheckOptions } from '../../server/src/cli/args';
import { runCheck } from '../../server/src/cli/check';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { loadWorkspaceConfig } from '../../server/src/core/config/configFile';
import { Engine } from '../../server/src/core/engine';
import { PrecheckSettings, PrecheckedStatement, StatementPrecheck } from '../../server/src/core/engine/options';
import { Finding } from '../../server/src/core/findings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { PlainStatement } from '../../server/src/core/requirements/statement';
import { StatementThread } from '../../server/src/host/statementThread';
import { FIXTURES, REPO, readTree } from '../helpers/fixtures';

/**
 * The statement thread (host/statementThread.ts, host/statementWorker.ts): the findings of a check
 * are the same with and without it, whatever it answers, and when it answers, the engine uses its
 * answers instead of checking those statements again.
 */

const SHIM = path.join(__dirname, 'statementWorkerShim.js');
const CRASH = path.join(__dirname, 'statementWorkerCrash.js');

/** Fixtures with statement findings: fixes (vague terms, weak modals), a glossary, a bugfix spec, code spans, settings that add terms and keywords. */
const FIXTURE_NAMES = ['quality-smells', 'ears-v2', 'bugfix', 'code-spans', 'keywords-config', 'vague-house-style', 'ears-v1-opt-in'];

/** A precheck that counts the statements whose findings it gave. */
class Counting implements StatementPrecheck {
  answers = 0;
  constructor(readonly thread: StatementThread) {}
  begin(settings: PrecheckSettings, files: number): boolean {
    return this.thread.begin(settings, files);
  }
  submit(glossary: readonly string[], statements: readonly PlainStatement[]): void {
    this.thread.submit(glossary, statements);
  }
  end(): void {
    this.thread.end();
  }
  take(statement: PlainStatement, glossary: string): PrecheckedStatement | undefined {
    const answer = this.thread.take(statement, glossary);
    if (answer) this.answers++;
    return answer;
  }
}

/** Every finding of the fixture with every rule on (the strict preset), with their fixes. */
async function findingsOf(fixture: string, precheck?: Counting): Promise<Finding[]> {
  const mem: Record<string, string> = {};
  for (const [rel, text] of Object.entries(readTree(path.join(FIXTURES, 'checks', fixture)))) mem[`/ws/${rel}`] = text;
  const workspace = new MemoryWorkspace(['/ws'], mem);
  const { settings } = await loadWorkspaceConfig(workspace, NEVER_CANCELLED);
  const engine = new Engine(workspace, mergeSettings(settings, normalizeSettings({ preset: 'strict' })), { statementPrecheck: precheck });
  await engine.indexWorkspace(NEVER_CANCELLED);
  // Every answer in before the rules run, so that the test sees them used.
  await precheck?.thread.answered();
  return engine.allFindings(NEVER_CANCELLED);
}

describe('statement thread', () => {
  it('gives the findings the engine computes itself, fixes included, and the engine uses its answers', async () => {
    let answers = 0;
    let fixes = 0;
    for (const fixture of FIXTURE_NAMES) {
      const expected = await findingsOf(fixture);
      const thread = new Counting(new StatementThread({ script: SHIM, minFiles: 0 }));
      assert.deepStrictEqual(await findingsOf(fixture, thread), expected, fixture);
      answers += thread.answers;
      fixes += expected.filter((f) => /^(quality|ears)\./.test(f.code) && f.fixes?.length).length;
    }
    assert.ok(answers > 20, `answers: ${answers}`);
    assert.ok(fixes > 0);
  });

  it('the glossary and bugfix fixtures give statement findings through the thread', async () => {
    for (const fixture of ['ears-v2', 'bugfix']) {
      const thread = new Counting(new StatementThread({ script: SHIM, minFiles: 0 }));
      const found = await findingsOf(fixture, thread);
      assert.ok(thread.answers > 0, fixture);
      assert.ok(
        found.some((f) => /^(quality|ears)\./.test(f.code)),
        fixture,
      );
    }
  });

  it('a thread that dies leaves every statement to the engine, with the same findings', async () => {
    for (const fixture of ['quality-smells', 'bugfix']) {
      const thread = new Counting(new StatementThread({ script: CRASH, minFiles: 0 }));
      assert.deepStrictEqual(await findingsOf(fixture, thread), await findingsOf(fixture), fixture);
      assert.strictEqual(thread.answers, 0);
    }
  });

  it('starts no thread for fewer requirements files than its threshold', async () => {
    const thread = new Counting(new StatementThread({ script: SHIM, minFiles: 1_000 }));
    assert.deepStrictEqual(await findingsOf('quality-smells', thread), await findingsOf('quality-smells'));
    assert.strictEqual(thread.answers, 0);
  });

  it('stops a thread started early when the run has fewer requirements files than its threshold', async () => {
    const thread = new StatementThread({ script: SHIM, minFiles: 1_000 });
    thread.prestart();
    assert.ok(thread.running, 'started before the run');
    const counting = new Counting(thread);
    assert.deepStrictEqual(await findingsOf('quality-smells', counting), await findingsOf('quality-smells'));
    assert.strictEqual(counting.answers, 0);
    assert.ok(!thread.running, 'stopped once the run declined it');
  });

  it('answers a statement only with the glossary it was checked with, and only once', async () => {
    const thread = new StatementThread({ script: SHIM, minFiles: 0 });
    const settings = { settings: normalizeSettings({ preset: 'strict' }), roots: ['/ws'], codes: ['quality.vague-term', 'quality.weak-modal'] };
    assert.ok(thread.begin(settings, 1));
    const statement = weakStatementAt(4);
    thread.submit(['Term'], [statement]);
    thread.end();
    await thread.answered();
    assert.strictEqual(thread.take(statement, 'Other'), undefined);
    const answer = thread.take(statement, 'Term');
    assert.strictEqual(answer?.line, 4);
    assert.strictEqual(answer?.found?.['quality.vague-term']?.length, 1);
    // A finding with its fix, whose edit is in the statement's file, as plain data.
    assert.strictEqual(answer?.found?.['quality.weak-modal']?.[0]?.fixes?.[0]?.edits[0]?.path, statement.path);
    assert.strictEqual(thread.take(statement, 'Term'), undefined);
    thread.dispose();
  });

  it("holds a run's batches until its gate opens, then answers them", async () => {
    const thread = new StatementThread({ script: SHIM, minFiles: 0 });
    let open!: () => void;
    let asked = 0;
    thread.holdUntil(() => {
      asked++;
      return new Promise<void>((resolve) => (open = resolve));
    });
    const settings = { settings: normalizeSettings({ preset: 'strict' }), roots: ['/ws'], codes: ['quality.weak-modal'] };
    assert.ok(thread.begin(settings, 1));
    const statement = weakStatementAt(2);
    thread.submit([], [statement]);
    thread.end();
    let answered = false;
    const waiting = thread.answered().then(() => (answered = true));
    // A thread without a gate, started after this one, answers the same batch: had this one sent
    // its batch, it would have its answer by then too.
    const control = new StatementThread({ script: SHIM, minFiles: 0 });
    assert.ok(control.begin(settings, 1));
    control.submit([], [statement]);
    control.end();
    await control.answered();
    assert.strictEqual(control.take(statement, '')?.found?.['quality.weak-modal']?.length, 1);
    control.dispose();
    assert.strictEqual(asked, 1, "the gate is asked once, at the run's first batch");
    assert.strictEqual(answered, false, 'nothing is answered while the gate is shut');
    assert.strictEqual(thread.take(statement, ''), undefined);
    open();
    await waiting;
    assert.strictEqual(thread.take(statement, '')?.found?.['quality.weak-modal']?.length, 1);
    thread.dispose();
  });
});

/** Criterion 1.1 of a requirements file, alone on line `line`, with a weak modal (SHOULD). */
function weakStatementAt(line: number): PlainStatement {
  const raw = 'THE system SHOULD be fast';
  return {
    path: '/ws/.kiro/specs/a/requirements.md',
    id: '1.1',
    range: { start: { line, character: 0 }, end: { line, character: raw.length } },
    source: { raw, start: { line, character: 0 } },
    fallbackText: '',
  };
}

describe('specthread check with the statement thread', () => {
  const options = (fixture: string, format: 'json' | 'sarif'): CheckOptions => ({
    command: 'check',
    paths: [path.relative(REPO, path.join(FIXTURES, 'checks', fixture))],
    format,
    failOn: 'error',
    exclude: [],
    writeBaseline: false,
    noBaseline: false,
    preset: 'strict',
  });

  it('prints the same report, with and without the thread, and with a thread that dies', async () => {
    for (const fixture of ['quality-smells', 'ears-v2', 'bugfix']) {
      for (const format of ['json', 'sarif'] as const) {
        const without = await runCheck(options(fixture, format), REPO, { statementPrecheck: undefined });
        const threaded = await runCheck(options(fixture, format), REPO, { statementPrecheck: new StatementThread({ script: SHIM, minFiles: 0 }) });
        const crashed = await runCheck(options(fixture, format), REPO, { statementPrecheck: new StatementThread({ script: CRASH, minFiles: 0 }) });
        assert.deepStrictEqual(threaded, without, `${fixture} ${format}`);
        assert.deepStrictEqual(crashed, without, `${fixture} ${format}`);
      }
    }
  });
});
