// @spec specthread-core#14.1
import * as assert from 'assert';
import * as path from 'path';
import { CancellationToken, CancelledError, NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { SpecRule } from '../../server/src/core/checks/rule';
import { WorkspaceRule } from '../../server/src/core/checks/workspaceRule';
import { Engine, EngineOptions } from '../../server/src/core/engine';
import { Finding } from '../../server/src/core/findings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { TraceRule } from '../../server/src/core/trace/rules/traceRule';
import { REPO, formatFinding, readTree } from '../helpers/fixtures';

/**
 * Fault isolation (issue 8): a parser, rule or trace rule that throws loses only its own result,
 * as one internal.error finding on the file concerned; every other finding is still reported.
 * Faults are injected through the engine's options, never through a global.
 */
const EXAMPLE = readTree(path.join(REPO, 'examples', 'kiro-workspace'));
const SPEC = '/ws/.kiro/specs/user-auth';
const META = { defaultSeverity: 'error' as const, summary: 'Throws on purpose.', description: 'A test double.', bad: '-', good: '-' };

async function engineWith(options: EngineOptions, files: Record<string, string> = EXAMPLE): Promise<Engine> {
  const mem: Record<string, string> = {};
  for (const [rel, text] of Object.entries(files)) mem[`/ws/${rel}`] = text;
  const engine = new Engine(new MemoryWorkspace(['/ws'], mem), undefined, options);
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine;
}

const lines = (findings: readonly Finding[]) => findings.map((f) => formatFinding(f));
const internal = (findings: readonly Finding[]) => findings.filter((f) => f.code === 'internal.error');
const others = (findings: readonly Finding[]) => lines(findings.filter((f) => f.code !== 'internal.error'));

describe('fault isolation: a throw becomes one internal.error, everything else is reported', () => {
  let healthy: string[];
  before(async () => {
    healthy = lines((await engineWith({})).allFindings(NEVER_CANCELLED));
    assert.ok(healthy.length >= 5, 'the example has findings to keep');
  });

  it('a spec rule that throws: one finding on the spec main file naming the rule, the stack to the log', async () => {
    const log: string[] = [];
    const boom: SpecRule = {
      meta: { ...META, code: 'test.boom' },
      check: (spec, report) => {
        report({
          path: `${spec.dir}/tasks.md`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
          message: 'reported before the throw',
        });
        throw new RangeError('Invalid count value: -1');
      },
    };
    const engine = await engineWith({ extraRules: { spec: [boom] }, log: (m) => log.push(m) });
    const findings = engine.allFindings(NEVER_CANCELLED);
    const faults = internal(findings);
    assert.strictEqual(faults.length, 1);
    assert.strictEqual(faults[0].path, `${SPEC}/requirements.md`);
    assert.strictEqual(faults[0].severity, 'error');
    assert.match(faults[0].message, /^SpecThread failed in rule test\.boom: RangeError: Invalid count value: -1\./);
    // What the rule reported before it threw is kept, and every other rule's findings are intact.
    assert.deepStrictEqual(others(findings), [...healthy, '.kiro/specs/user-auth/tasks.md:1:1-1:2 error test.boom reported before the throw'].sort(byPosition));
    assert.strictEqual(log.length, 1);
    assert.match(log[0], /internal error in rule test\.boom on \/ws\/\.kiro\/specs\/user-auth\/requirements\.md: RangeError: Invalid count value: -1\n\s+at /);
  });

  it('a workspace rule and a trace rule that throw: one finding each, the other rules still run', async () => {
    const workspaceBoom: WorkspaceRule = {
      meta: { ...META, code: 'test.workspace-boom' },
      check: () => {
        throw new TypeError('x is undefined');
      },
    };
    const traceBoom: TraceRule = {
      meta: { ...META, code: 'test.trace-boom' },
      check: () => {
        throw 'a string, not an Error';
      },
    };
    const engine = await engineWith({ extraRules: { workspace: [workspaceBoom], trace: [traceBoom] } });
    const findings = engine.allFindings(NEVER_CANCELLED);
    assert.deepStrictEqual(
      internal(findings).map((f) => [f.path, f.message.split('. Its results')[0]]),
      [
        [`${SPEC}/requirements.md`, 'SpecThread failed in trace rule test.trace-boom: a string, not an Error'],
        [`${SPEC}/requirements.md`, 'SpecThread failed in workspace rule test.workspace-boom: TypeError: x is undefined'],
      ],
    );
    assert.deepStrictEqual(others(findings), healthy);
  });

  it('a parser that throws on one file: that file is kept empty with the finding, the others are parsed and checked', async () => {
    const parse: typeof parseSpecFile = (p, kind, text, token, format) => {
      if (p.endsWith('/design.md')) throw new Error('parser bug\nsecond line of the message');
      return parseSpecFile(p, kind, text, token, format);
    };
    const engine = await engineWith({ parse });
    const findings = engine.allFindings(NEVER_CANCELLED);
    assert.deepStrictEqual(
      internal(findings).map((f) => [f.path, f.message.split('. Its results')[0]]),
      [[`${SPEC}/design.md`, 'SpecThread failed in the kiro design parser: parser bug']],
    );
    assert.deepStrictEqual(
      others(findings),
      healthy.filter((f) => !f.startsWith('.kiro/specs/user-auth/design.md:')),
    );
    assert.deepStrictEqual(
      engine.filesOfSpec(SPEC).map((p) => p.slice(SPEC.length + 1)),
      ['design.md', 'requirements.md', 'tasks.md'],
    );
  });

  it('facts that cannot be linked into a spec model: the spec stays, empty, with one finding', async () => {
    const parse: typeof parseSpecFile = (p, kind, text, token, format) => {
      const facts = parseSpecFile(p, kind, text, token, format);
      // Parsed facts that break the model builder's assumptions, as a parser bug could produce.
      return p.endsWith('/requirements.md') ? { ...facts, requirements: [null as never] } : facts;
    };
    const engine = await engineWith({ parse });
    const findings = engine.allFindings(NEVER_CANCELLED);
    assert.deepStrictEqual(
      internal(findings).map((f) => [f.path, f.message.split(':')[0]]),
      [[`${SPEC}/requirements.md`, 'SpecThread failed in the spec model']],
    );
    assert.deepStrictEqual(engine.specDirs(), [SPEC]);
  });

  it('cannot be suppressed or accepted: a disable-file comment hides the rule findings, not the internal error', async () => {
    const boom: SpecRule = {
      meta: { ...META, code: 'test.boom' },
      check: () => {
        throw new Error('boom');
      },
    };
    const files = { ...EXAMPLE };
    const req = '.kiro/specs/user-auth/requirements.md';
    files[req] = `<!-- specthread-disable-file -->\n${files[req]}`;
    const findings = (await engineWith({ extraRules: { spec: [boom] } }, files)).allFindings(NEVER_CANCELLED);
    assert.deepStrictEqual(
      findings.filter((f) => f.path.endsWith(req)).map((f) => f.code),
      ['internal.error'],
    );
  });

  it('cancellation is not a fault: it travels up as CancelledError', async () => {
    const token: { isCancellationRequested: boolean } = { isCancellationRequested: false };
    const cancelling: SpecRule = {
      meta: { ...META, code: 'test.cancel' },
      check: (_spec, _report, t: CancellationToken) => {
        token.isCancellationRequested = true;
        if (t.isCancellationRequested) throw new CancelledError();
      },
    };
    const engine = await engineWith({ extraRules: { spec: [cancelling] } });
    assert.throws(() => engine.allFindings(token), CancelledError);
    // Nothing half-computed was cached: with a live token the spec is checked completely.
    token.isCancellationRequested = false;
    const findings = engine.allFindings(NEVER_CANCELLED);
    assert.deepStrictEqual(internal(findings), []);
  });
});

function byPosition(a: string, b: string): number {
  const key = (s: string) => {
    const m = /^(.*?):(\d+):(\d+)-\S+ \S+ (\S+)/.exec(s)!;
    return [m[1], Number(m[2]), Number(m[3]), m[4]] as const;
  };
  const [pa, la, ca, ra] = key(a);
  const [pb, lb, cb, rb] = key(b);
  return (pa < pb ? -1 : pa > pb ? 1 : 0) || la - lb || ca - cb || (ra < rb ? -1 : ra > rb ? 1 : 0);
}
