// @spec specthread-core#18.1, specthread-core#18.2, specthread-core#18.3
import * as assert from 'assert';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { AgentView } from '../../server/src/core/queries/agent/agentView';
import { parseUnifiedDiff } from '../../server/src/core/queries/agent/diffFiles';
import { nextId } from '../../server/src/core/queries/agent/nextId';
import { QueryError } from '../../server/src/core/queries/agent/queryError';
import { setTaskState } from '../../server/src/core/queries/agent/taskState';
import { applyEdits, unifiedDiff } from '../../server/src/core/queries/agent/textEdits';
import { parseArgs } from '../../server/src/cli/args';
import { FIXTURES, engineFor, readTree } from '../helpers/fixtures';

/** The agent queries in the core, over in-memory workspaces: what the MCP tools delegate to. */
function viewOf(engine: Engine): AgentView {
  return { analysis: engine.traceAnalysis(NEVER_CANCELLED), textOf: (p) => engine.textOf(p), show: (p) => p.replace(/^\/ws\//, '') };
}

describe('mcp: agent queries in the core', () => {
  it('next_id keeps spec-kit numbering and padding (FR-005, T007)', async () => {
    const view = viewOf(await engineFor(readTree(path.join(FIXTURES, 'checks', 'speckit-clean'))));
    assert.strictEqual(nextId(view, '001-user-auth', 'requirement', undefined, NEVER_CANCELLED).id, 'FR-005');
    assert.strictEqual(nextId(view, '001-user-auth', 'task', undefined, NEVER_CANCELLED).id, 'T007');
    assert.throws(() => nextId(view, 'nope', 'task', undefined, NEVER_CANCELLED), QueryError);
  });

  it('set_task_state changes the checkbox and nothing else', async () => {
    const view = viewOf(await engineFor(readTree(path.join(FIXTURES, 'trace-repo'))));
    const change = setTaskState(view, 'user-auth', '1', 'open', NEVER_CANCELLED);
    assert.ok(change.change);
    const diff = unifiedDiff('tasks.md', change.change.before, change.change.after);
    assert.strictEqual(
      diff
        .split('\n')
        .filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+) /.test(l))
        .join('\n'),
      '-- [x] 1. Sign-in endpoint in `src/auth/login.ts`\n+- [ ] 1. Sign-in endpoint in `src/auth/login.ts`',
    );
    assert.strictEqual(setTaskState(view, 'user-auth', '4', 'open', NEVER_CANCELLED).change, undefined);
  });

  it('unifiedDiff writes hunks with context, merging close changes and splitting far ones', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = applyEdits(before, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, newText: 'LINE 2' },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } }, newText: 'LINE 4' },
      { range: { start: { line: 17, character: 0 }, end: { line: 17, character: 7 } }, newText: 'LINE 18' },
    ]);
    const diff = unifiedDiff('f.txt', before, after);
    assert.deepStrictEqual(
      diff.split('\n').filter((l) => l.startsWith('@@')),
      ['@@ -1,7 +1,7 @@', '@@ -15,6 +15,6 @@'],
    );
    // Applying the diff's lines back gives the new text: the hunks are consistent.
    assert.ok(diff.includes('-line 2\n+LINE 2\n line 3\n-line 4\n+LINE 4\n'));
    assert.strictEqual(unifiedDiff('f.txt', before, before), '');
  });

  it('parseUnifiedDiff reads files and changed lines of the new text, and refuses what is no diff', () => {
    const files = parseUnifiedDiff(
      'diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3,3 +3,4 @@\n ctx\n-old\n+new\n+added\n ctx\n--- a/gone.ts\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x\n',
    );
    assert.deepStrictEqual(files, [
      { path: 'x.md', lines: [3, 4], deleted: false },
      { path: 'gone.ts', lines: [0], deleted: true },
    ]);
    assert.throws(() => parseUnifiedDiff('just text'), /names no file/);
  });

  it('specthread mcp takes one path and --allow-writes', () => {
    assert.deepStrictEqual(parseArgs(['mcp']), { command: 'mcp', path: '.', allowWrites: false });
    assert.deepStrictEqual(parseArgs(['mcp', 'repo', '--allow-writes']), { command: 'mcp', path: 'repo', allowWrites: true });
    assert.deepStrictEqual(parseArgs(['mcp', '--help']), { command: 'help', topic: 'mcp' });
    assert.throws(() => parseArgs(['mcp', 'a', 'b']), /at most one path/);
    assert.throws(() => parseArgs(['mcp', '--write']), /unknown option '--write'/);
  });
});
