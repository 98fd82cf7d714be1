// @spec specthread-core#20.1
import * as assert from 'assert';
import { normalizeSettings } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { FileEdit, Finding } from '../../server/src/core/findings';
import { fixAllEdits } from '../../server/src/core/fixes/fixAll';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { SpecFormatName, newSpecFiles } from '../../server/src/core/queries/actions/newSpec';
import { reconfirmAllEdits } from '../../server/src/core/trace/queries/reconfirmAll';

const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const edit = (path: string, line: number, from: number, to: number, newText: string): FileEdit => ({ path, range: at(line, from, to), newText });
const finding = (code: string, fixes: Finding['fixes'], path = '/ws/a.md'): Finding =>
  ({ code, path, range: at(0, 0, 1), message: code, severity: 'warning', fixes }) as Finding;

describe('queries behind the palette commands', () => {
  it('gives every format a scaffold our own checker reads without errors or warnings', async () => {
    for (const format of ['kiro', 'speckit', 'openspec'] as SpecFormatName[]) {
      const files = newSpecFiles(format, 'Payment Flow', '/ws', [], NEVER_CANCELLED);
      const engine = new Engine(new MemoryWorkspace(['/ws'], Object.fromEntries(files.map((f) => [f.path, f.text]))), normalizeSettings({}));
      await engine.indexWorkspace(NEVER_CANCELLED);
      assert.strictEqual(engine.specDirs().length, 1, `${format}: one spec found`);
      const spec = engine.allSpecs()[0]!;
      // An OpenSpec change holds its requirements as deltas, which the model keeps apart from requirementList.
      assert.ok((format === 'openspec' || spec.requirementList.length >= 1) && spec.taskList.length >= 1, `${format}: a requirement and a task`);
      const loud = engine.allFindings(NEVER_CANCELLED).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepStrictEqual(
        loud.map((f) => `${f.code} ${f.message}`),
        [],
        format,
      );
    }
  });

  it('takes one safe fix per finding in Fix All: preferred or only, same file, never overlapping, never suppressions', () => {
    const p = '/ws/a.md';
    const findings = [
      finding('a', [
        { title: 'pref', preferred: true, edits: [edit(p, 1, 0, 3, 'X')] },
        { title: 'other', edits: [edit(p, 1, 0, 3, 'Y')] },
      ]),
      finding('b', [{ title: 'only', edits: [edit(p, 2, 0, 1, 'Z')] }]),
      finding('c', [{ title: 'overlaps a', preferred: true, edits: [edit(p, 1, 2, 5, 'W')] }]),
      finding('d', [
        { title: 'two choices', edits: [edit(p, 3, 0, 1, '1')] },
        { title: 'no preference', edits: [edit(p, 3, 0, 1, '2')] },
      ]),
      finding('e', [{ title: 'elsewhere', preferred: true, edits: [edit('/ws/b.md', 0, 0, 1, 'Q')] }]),
      finding('f', [{ title: 'show only', edits: [], action: { kind: 'show-pin-change', change: { ref: 'x#1', pin: 'a', currentPin: 'b', now: 'n' } } }]),
    ];
    const { edits, fixed } = fixAllEdits(p, findings, NEVER_CANCELLED);
    assert.strictEqual(fixed, 2);
    assert.deepStrictEqual(
      edits.map((e) => e.newText),
      ['X', 'Z'],
    );
  });

  it('merges the pin store edits of several suspect tags into one that keeps every pin', () => {
    const store = '/ws/.specthread/pins.json';
    const whole = at(0, 0, 0);
    const suspect = (tag: string, pin: string, text: string): Finding =>
      finding(
        'trace.suspect',
        [
          {
            title: 're',
            preferred: true,
            edits: [edit('/ws/src/x.ts', 1, 0, 7, `@${pin}`), { path: store, range: whole, newText: JSON.stringify({ pins: { old: 'o', [pin]: text } }) }],
          },
          { title: 'show', edits: [], action: { kind: 'show-pin-change', change: { ref: tag, pin: 'p', currentPin: pin, now: text } } },
        ],
        '/ws/src/x.ts',
      );
    const { edits, tags } = reconfirmAllEdits([suspect('s#1.1', 'aaaaaa', 'one'), suspect('s#1.2', 'bbbbbb', 'two'), finding('other', [])], NEVER_CANCELLED);
    assert.strictEqual(tags, 2);
    const stores = edits.filter((e) => e.path === store);
    assert.strictEqual(stores.length, 1);
    assert.deepStrictEqual(JSON.parse(stores[0]!.newText), { pins: { aaaaaa: 'one', bbbbbb: 'two', old: 'o' } });
  });
});
