// @spec specthread-core#14.4
import * as assert from 'assert';
import { normalizeSettings } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { FileNoteReason } from '../../server/src/core/fileNote';
import { Finding } from '../../server/src/core/findings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';

const ROOT = '/ws';
const SPEC = `${ROOT}/.kiro/specs/notes`;
const REQUIREMENTS = [
  '# Requirements',
  '',
  '### Requirement 1: Notes',
  '',
  '#### Acceptance Criteria',
  '',
  '1. WHEN a note is saved THEN the system SHALL store it',
  '',
].join('\n');
const TASKS = ['# Tasks', '', '- [ ] 1. Store notes', '  - _Requirements: 1.1_', ''].join('\n');

function workspace(): MemoryWorkspace {
  return new MemoryWorkspace([ROOT], { [`${SPEC}/requirements.md`]: REQUIREMENTS, [`${SPEC}/tasks.md`]: TASKS });
}

async function indexed(ws: MemoryWorkspace, settings = normalizeSettings({})): Promise<Engine> {
  const engine = new Engine(ws, settings);
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine;
}

const fileFindings = (engine: Engine): Finding[] => engine.allFindings(NEVER_CANCELLED).filter((f) => f.code.startsWith('file.'));

describe('files the workspace declines or degrades (core, memory workspace)', () => {
  const declined: [FileNoteReason, string][] = [
    ['too-large', 'it is 20.0 MiB, over the 4.0 MiB limit for files SpecThread reads'],
    ['binary', 'it holds a NUL byte at offset 12, so it is not text'],
    ['unreadable', 'the file system refused to read it (EACCES)'],
    ['symlink-outside', 'it is a symlink to /etc/passwd, outside the workspace, which SpecThread never follows'],
    ['symlink-loop', 'it is a symlink that leads back to itself'],
  ];
  for (const [reason, detail] of declined) {
    it(`${reason}: exactly one file.skipped info finding on the file, naming it and why`, async () => {
      const ws = workspace();
      ws.delete(`${SPEC}/tasks.md`);
      ws.simulate(`${SPEC}/tasks.md`, reason, detail);
      const engine = await indexed(ws);
      assert.deepStrictEqual(
        fileFindings(engine).map((f) => [f.path, f.severity, f.code, f.message]),
        [[`${SPEC}/tasks.md`, 'info', 'file.skipped', `SpecThread did not read tasks.md: ${detail}.`]],
      );
      // The file keeps its place in the spec (so the finding is published with it); the rest is still read.
      assert.deepStrictEqual(engine.filesOfSpec(SPEC), [`${SPEC}/requirements.md`, `${SPEC}/tasks.md`]);
      assert.strictEqual(engine.specOf(`${SPEC}/requirements.md`)?.requirementList.length, 1);
      assert.deepStrictEqual(
        engine.fileNotes().map((n) => n.reason),
        [reason],
      );
    });
  }

  it('a spec whose only file is declined is still a spec, with the note (not "No specs found")', async () => {
    const ws = new MemoryWorkspace([ROOT]);
    ws.simulate(`${SPEC}/requirements.md`, 'too-large', 'it is 5.0 MiB, over the 4.0 MiB limit for files SpecThread reads');
    const engine = await indexed(ws);
    assert.deepStrictEqual(engine.specDirs(), [SPEC]);
    assert.deepStrictEqual(
      fileFindings(engine).map((f) => f.code),
      ['file.skipped'],
    );
  });

  it('not UTF-8: the text is read all the same, plus one file.encoding finding', async () => {
    const ws = workspace();
    ws.simulate(`${SPEC}/requirements.md`, 'not-utf8', 'it is not valid UTF-8, so it was read as Windows-1252 (Latin-1)');
    const engine = await indexed(ws);
    assert.strictEqual(engine.specOf(`${SPEC}/requirements.md`)?.requirementList.length, 1);
    assert.deepStrictEqual(
      fileFindings(engine).map((f) => [f.path, f.code, f.message]),
      [
        [
          `${SPEC}/requirements.md`,
          'file.encoding',
          'SpecThread read requirements.md with a fallback encoding: it is not valid UTF-8, so it was read as Windows-1252 (Latin-1).',
        ],
      ],
    );
  });

  it('a symlinked folder that is not followed is noted for the CLI, without a finding (no file to put it on)', async () => {
    const ws = workspace();
    ws.simulate(`${ROOT}/.kiro/specs/vendored`, 'symlink-outside', 'it is a symlink to /opt/specs, outside the workspace, which SpecThread never follows');
    const engine = await indexed(ws);
    assert.deepStrictEqual(
      engine.fileNotes().map((n) => [n.path, n.reason]),
      [[`${ROOT}/.kiro/specs/vendored`, 'symlink-outside']],
    );
    assert.deepStrictEqual(fileFindings(engine), []);
  });

  it('the note goes when the file is fixed on disk, and when an editor buffer supplies the text', async () => {
    const ws = workspace();
    ws.delete(`${SPEC}/tasks.md`);
    ws.simulate(`${SPEC}/tasks.md`, 'binary', 'it holds a NUL byte at offset 3, so it is not text');
    const engine = await indexed(ws);
    assert.strictEqual(fileFindings(engine).length, 1);
    // An editor buffer: the text is analysed, so "not read" would be wrong.
    assert.strictEqual(engine.setText(`${SPEC}/tasks.md`, TASKS, NEVER_CANCELLED), SPEC);
    assert.deepStrictEqual(fileFindings(engine), []);
    assert.strictEqual(engine.facts(`${SPEC}/tasks.md`)?.tasks.length, 1);
    // The buffer closes: the disk is the truth again, still binary.
    assert.strictEqual(await engine.reload(`${SPEC}/tasks.md`, NEVER_CANCELLED), SPEC);
    assert.strictEqual(fileFindings(engine).length, 1);
    // Fixed on disk.
    ws.delete(`${SPEC}/tasks.md`);
    ws.set(`${SPEC}/tasks.md`, TASKS);
    assert.strictEqual(await engine.reload(`${SPEC}/tasks.md`, NEVER_CANCELLED), SPEC);
    assert.deepStrictEqual(fileFindings(engine), []);
    assert.deepStrictEqual(engine.fileNotes(), []);
  });

  it('a note that changes while the file stays declined is republished (its spec folder is returned)', async () => {
    const ws = workspace();
    ws.simulate(`${SPEC}/tasks.md`, 'too-large', 'it is 5.0 MiB, over the 4.0 MiB limit for files SpecThread reads');
    const engine = await indexed(ws);
    ws.simulate(`${SPEC}/tasks.md`, 'too-large', 'it is 6.0 MiB, over the 4.0 MiB limit for files SpecThread reads');
    assert.strictEqual(await engine.reload(`${SPEC}/tasks.md`, NEVER_CANCELLED), SPEC);
    assert.match(fileFindings(engine)[0].message, /6\.0 MiB/);
  });

  it('deleting a declined file removes its entry and its note', async () => {
    const ws = workspace();
    ws.simulate(`${SPEC}/tasks.md`, 'unreadable', 'the file system refused to read it (EIO)');
    const engine = await indexed(ws);
    ws.delete(`${SPEC}/tasks.md`);
    assert.strictEqual(engine.setText(`${SPEC}/tasks.md`, undefined, NEVER_CANCELLED), SPEC);
    assert.deepStrictEqual(engine.filesOfSpec(SPEC), [`${SPEC}/requirements.md`]);
    assert.deepStrictEqual(engine.fileNotes(), []);
  });

  it('the rules can be turned off like any other', async () => {
    const ws = workspace();
    ws.simulate(`${SPEC}/tasks.md`, 'binary', 'it holds a NUL byte at offset 3, so it is not text');
    ws.simulate(`${SPEC}/requirements.md`, 'not-utf8', 'it is not valid UTF-8, so it was read as Windows-1252 (Latin-1)');
    const engine = await indexed(ws, normalizeSettings({ rules: { file: 'off' } }));
    assert.deepStrictEqual(fileFindings(engine), []);
    // The CLI still lists them: turning a finding off does not make the file readable.
    assert.strictEqual(engine.fileNotes().length, 2);
  });

  it('a binary code file still exists for tasks that name it, and is counted as not scanned', async () => {
    const ws = workspace();
    ws.simulate(`${ROOT}/src/blob.ts`, 'binary', 'it holds a NUL byte at offset 0, so it is not text');
    const engine = await indexed(ws);
    assert.strictEqual(engine.code.exists(`${ROOT}/src/blob.ts`), true);
    assert.strictEqual(engine.code.skippedFiles().get(`${ROOT}/src/blob.ts`), 'binary');
  });
});

describe('byte order marks are stripped where text enters the engine', () => {
  const BOM = '\uFEFF';
  const steering = `${BOM}---\ninclusion: fileMatch\nfileMatchPattern: "**/*.ts"\n---\n\n# TypeScript\n`;
  const hook = `${BOM}{ "name": "Lint", "version": "1", "when": { "type": "fileEdited", "patterns": ["**/*.ts"] }, "then": { "type": "askAgent", "prompt": "Lint it" } }`;

  async function check(load: (engine: Engine, ws: MemoryWorkspace) => Promise<void>): Promise<void> {
    const ws = new MemoryWorkspace([ROOT], { [`${ROOT}/src/a.ts`]: 'export {};\n' });
    const engine = await indexed(ws);
    await load(engine, ws);
    const extras = engine.facts(`${ROOT}/.kiro/steering/ts.md`)?.extras;
    assert.deepStrictEqual(extras?.type === 'steering' ? extras.fields.map((f) => [f.key, f.value]) : extras, [
      ['inclusion', 'fileMatch'],
      ['fileMatchPattern', '**/*.ts'],
    ]);
    const findings = engine.allFindings(NEVER_CANCELLED).filter((f) => f.code === 'structure.kiro-file-shape' || f.code === 'structure.steering-front-matter');
    assert.deepStrictEqual(findings, []);
    assert.ok(!engine.textOf(`${ROOT}/.kiro/hooks/lint.kiro.hook`)?.startsWith(BOM));
  }

  it('in editor buffers (setText)', async () => {
    await check(async (engine) => {
      engine.setText(`${ROOT}/.kiro/steering/ts.md`, steering, NEVER_CANCELLED);
      engine.setText(`${ROOT}/.kiro/hooks/lint.kiro.hook`, hook, NEVER_CANCELLED);
    });
  });

  it('in files read from the workspace', async () => {
    await check(async (engine, ws) => {
      ws.set(`${ROOT}/.kiro/steering/ts.md`, steering);
      ws.set(`${ROOT}/.kiro/hooks/lint.kiro.hook`, hook);
      await engine.reload(`${ROOT}/.kiro/steering/ts.md`, NEVER_CANCELLED);
      await engine.reload(`${ROOT}/.kiro/hooks/lint.kiro.hook`, NEVER_CANCELLED);
    });
  });
});
