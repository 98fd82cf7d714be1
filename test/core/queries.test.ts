// @spec specthread-core#3.1 @spec specthread-core#3.2 @spec specthread-core#3.3 @spec specthread-core#3.4 @spec specthread-core#3.5
import * as assert from 'assert';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { completeRefs } from '../../server/src/core/queries/completion';
import { hover } from '../../server/src/core/queries/hover';
import { definition, references } from '../../server/src/core/queries/navigation';
import { documentSymbols, workspaceSymbols } from '../../server/src/core/queries/symbols';
import { REPO, engineFor, readTree } from '../helpers/fixtures';

const SPEC = '/ws/.kiro/specs/user-auth';
const TASKS = `${SPEC}/tasks.md`;
const REQS = `${SPEC}/requirements.md`;

describe('core queries on the example workspace', () => {
  const files = readTree(path.join(REPO, 'examples', 'kiro-workspace'));
  const engine = engineFor(files);
  const spec = async () => (await engine).specOf(TASKS)!;
  // tasks.md line 5 (zero-based 4) is `    - _Requirements: 1.1, 1.2_`; 1.1 starts at character 21.
  const onRef11 = { line: 4, character: 22 };

  it('hover on a ref shows the criterion, its requirement and citing tasks', async () => {
    const h = hover(await spec(), TASKS, onRef11, NEVER_CANCELLED)!;
    assert.ok(h, 'expected a hover');
    assert.match(h.contents, /user-auth#1\.1\*\* — WHEN a user submits a valid email and password/);
    assert.match(h.contents, /Requirement 1: Sign in/);
    assert.match(h.contents, /EARS: event-driven \(WHEN\)/);
    assert.match(h.contents, /As a registered user, I want to sign in/);
    assert.match(h.contents, /Cited by 1 task:\n- ☑ 1\.1 Implement credential check/);
    assert.deepStrictEqual(h.range, { start: { line: 4, character: 21 }, end: { line: 4, character: 24 } });
  });

  it('hover on a requirement heading lists the tasks citing it', async () => {
    const h = hover(await spec(), REQS, { line: 15, character: 5 }, NEVER_CANCELLED)!;
    assert.match(h.contents, /Requirement 1: Sign in/);
    assert.match(h.contents, /Cited by 2 tasks:\n- ☑ 1\.1 .*\n- ☐ 1\.2 Add lockout/);
  });

  it('definition goes from a ref to the criterion line', async () => {
    const defs = definition(await spec(), TASKS, onRef11, NEVER_CANCELLED);
    assert.deepStrictEqual(
      defs.map((d) => [d.path, d.range.start.line]),
      [[REQS, 21]],
    );
  });

  it('references of a criterion list every citation, declaration optional', async () => {
    const s = await spec();
    const fromDefinition = references(s, REQS, { line: 21, character: 0 }, true, NEVER_CANCELLED);
    assert.deepStrictEqual(
      fromDefinition.map((l) => `${path.basename(l.path)}:${l.range.start.line}`),
      ['requirements.md:21', 'tasks.md:4', 'design.md:13'],
    );
    const fromRef = references(s, TASKS, onRef11, false, NEVER_CANCELLED);
    assert.strictEqual(fromRef.length, 2);
  });

  it('completion inside _Requirements: offers criteria in id order with their text', async () => {
    const line = '    - _Requirements: 1.1, 2.';
    const items = completeRefs(await spec(), line, { line: 3, character: line.length }, NEVER_CANCELLED);
    assert.deepStrictEqual(
      items.slice(0, 4).map((i) => i.label),
      ['1.1', '1.2', '1.3', '1'],
    );
    const c21 = items.find((i) => i.label === '2.1')!;
    assert.match(c21.detail, /WHILE a session is idle/);
    assert.deepStrictEqual(c21.range, { start: { line: 3, character: line.length - 2 }, end: { line: 3, character: line.length } });
    assert.deepStrictEqual(completeRefs(await spec(), '- plain text 2.', { line: 0, character: 15 }, NEVER_CANCELLED), []);
    assert.deepStrictEqual(completeRefs(await spec(), '  - _Requirements: 1.1_ and', { line: 0, character: 27 }, NEVER_CANCELLED), []);
  });

  it('document symbols: requirements with criteria, tasks as a tree', async () => {
    const e = await engine;
    const reqs = documentSymbols(e.facts(REQS)!, NEVER_CANCELLED);
    assert.deepStrictEqual(
      reqs.map((s) => [s.name, s.children.map((c) => c.name)]),
      [
        ['Requirement 1: Sign in', ['1.1', '1.2', '1.3']],
        ['Requirement 2: Session expiry', ['2.1', '2.2']],
        ['Requirement 4: Password reset', ['4.1', '4.2']],
      ],
    );
    const tasks = documentSymbols(e.facts(TASKS)!, NEVER_CANCELLED);
    assert.deepStrictEqual(
      tasks.map((s) => [s.name, s.children.map((c) => c.name)]),
      [
        ['1 Sign-in endpoint', ['1.1 Implement credential check and session creation', '1.2 Add lockout after repeated failures']],
        ['2 Session expiry', ['2.1 Expire idle sessions in the Session_Store', '2.2 Property test for expired tokens']],
      ],
    );
  });

  it('workspace symbols match words in ids and text', async () => {
    const found = workspaceSymbols((await engine).allSpecs(), 'lock sign', NEVER_CANCELLED);
    assert.deepStrictEqual(
      found.map((s) => s.name),
      [
        'user-auth#1.3 IF five failed attempts occur within ten minutes for one email, THEN THE Auth_Service SHALL lock sign-in for that email for fifteen minutes',
      ],
    );
  });
});
