// @spec specthread-core#14.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { FileNote } from '../../server/src/core/fileNote';
import { MAX_FILE_BYTES, NodeWorkspace } from '../../server/src/host/nodeWorkspace';
import { toPosixPath } from '../../server/src/host/paths';

/**
 * The file system host on real temp folders: every file it declines or degrades comes with one
 * note, symlinks are followed inside the roots only, and loops end.
 */

function tempDir(): string {
  return toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-host-'))));
}

function write(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

async function list(root: string): Promise<{ files: string[]; notes: FileNote[] }> {
  const notes: FileNote[] = [];
  const files = await new NodeWorkspace([root]).listFiles(NEVER_CANCELLED, (n) => notes.push(n));
  return { files: files.map((f) => f.slice(root.length + 1)).sort(), notes: notes.map((n) => ({ ...n, path: n.path.slice(root.length + 1) })) };
}

async function read(root: string, rel: string): Promise<{ text: string | undefined; notes: FileNote[] }> {
  const notes: FileNote[] = [];
  const text = await new NodeWorkspace([root]).readFile(`${root}/${rel}`, NEVER_CANCELLED, (n) => notes.push(n));
  return { text, notes };
}

/** True when file permissions stop this process from reading (not so for root). */
function permissionsApply(dir: string): boolean {
  const probe = path.join(dir, 'probe');
  fs.writeFileSync(probe, 'x');
  fs.chmodSync(probe, 0o000);
  try {
    fs.readFileSync(probe);
    return false;
  } catch {
    return true;
  } finally {
    fs.chmodSync(probe, 0o644);
    fs.rmSync(probe);
  }
}

describe('NodeWorkspace: nothing declined without a note (real temp folders)', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  describe('symlinks', () => {
    it('follows a symlinked spec folder inside the root, listing its files under the link', async () => {
      const root = fresh();
      write(`${root}/shared/auth/requirements.md`, '# Requirements\n');
      fs.mkdirSync(`${root}/.kiro/specs`, { recursive: true });
      fs.symlinkSync('../../shared/auth', `${root}/.kiro/specs/auth`);
      fs.symlinkSync('../../shared/auth/requirements.md', `${root}/.kiro/specs/notes.md`);
      const { files, notes } = await list(root);
      assert.deepStrictEqual(files, ['.kiro/specs/auth/requirements.md', '.kiro/specs/notes.md', 'shared/auth/requirements.md']);
      assert.deepStrictEqual(notes, []);
    });

    it('never follows a symlink that leads outside the root, and says so', async () => {
      const root = fresh();
      const outside = fresh();
      write(`${outside}/spec/requirements.md`, '# Requirements\n');
      write(`${outside}/secret.md`, 'secret\n');
      fs.mkdirSync(`${root}/.kiro/specs/auth`, { recursive: true });
      fs.symlinkSync(`${outside}/spec`, `${root}/.kiro/specs/vendored`);
      fs.symlinkSync(`${outside}/secret.md`, `${root}/.kiro/specs/auth/requirements.md`);
      const { files, notes } = await list(root);
      assert.deepStrictEqual(files, []);
      assert.deepStrictEqual(
        notes.map((n) => [n.path, n.reason, n.detail]),
        [
          [
            '.kiro/specs/auth/requirements.md',
            'symlink-outside',
            `it is a symlink to ${outside}/secret.md, outside the workspace, which SpecThread never follows`,
          ],
          ['.kiro/specs/vendored', 'symlink-outside', `it is a symlink to ${outside}/spec, outside the workspace, which SpecThread never follows`],
        ].sort(),
      );
      // A read by path (a watcher event, an open editor) obeys the same rule.
      const r = await read(root, '.kiro/specs/auth/requirements.md');
      assert.strictEqual(r.text, undefined);
      assert.deepStrictEqual(
        r.notes.map((n) => n.reason),
        ['symlink-outside'],
      );
    });

    it('ends symlink loops: a link to an ancestor, a link to itself, and a second link to a folder already followed', async () => {
      const root = fresh();
      write(`${root}/specs/001-a/spec.md`, '# Spec\n');
      fs.symlinkSync('..', `${root}/specs/001-a/up`);
      fs.symlinkSync('self', `${root}/specs/self`);
      fs.symlinkSync('001-a', `${root}/specs/002-b`);
      fs.symlinkSync('001-a', `${root}/specs/003-c`);
      const { files, notes } = await list(root);
      // 002-b is followed (its own up-link then loops); 003-c repeats 002-b.
      assert.deepStrictEqual(files, ['specs/001-a/spec.md', 'specs/002-b/spec.md']);
      assert.deepStrictEqual(notes.map((n) => [n.path, n.reason]).sort(), [
        ['specs/001-a/up', 'symlink-loop'],
        ['specs/002-b/up', 'symlink-loop'],
        ['specs/003-c', 'symlink-repeat'],
        ['specs/self', 'symlink-loop'],
      ]);
    });

    it('a chain of folders each linking twice to the next is listed in linear, not exponential, work', async () => {
      const root = fresh();
      const depth = 20;
      for (let i = 0; i < depth; i++) {
        write(`${root}/d${i}/f.md`, 'x\n');
        if (i > 0) {
          fs.symlinkSync(`../d${i}`, `${root}/d${i - 1}/l1`);
          fs.symlinkSync(`../d${i}`, `${root}/d${i - 1}/l2`);
        }
      }
      const { files } = await list(root);
      // Without the repeat rule there would be about 2^20 paths; each folder is listed at most twice.
      assert.ok(files.length <= 2 * depth, `${files.length} files listed`);
      assert.ok(files.includes(`d${depth - 1}/f.md`));
    });
  });

  describe('reading', () => {
    it('binary: NUL bytes mean no text, with a note naming the offset', async () => {
      const root = fresh();
      write(`${root}/tasks.md`, Buffer.from([0x2d, 0x20, 0x5b, 0x00, 0x01, 0x02]));
      const r = await read(root, 'tasks.md');
      assert.strictEqual(r.text, undefined);
      assert.deepStrictEqual(
        r.notes.map((n) => [n.reason, n.detail]),
        [['binary', 'it holds a NUL byte at offset 3, so it is not text']],
      );
    });

    it('binary without NULs: mostly control characters', async () => {
      const root = fresh();
      write(`${root}/tasks.md`, Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))));
      const r = await read(root, 'tasks.md');
      assert.strictEqual(r.text, undefined);
      assert.deepStrictEqual(
        r.notes.map((n) => n.reason),
        ['binary'],
      );
    });

    it('Latin-1: read as Windows-1252 so no character is lost, with a note', async () => {
      const root = fresh();
      write(`${root}/requirements.md`, Buffer.from('Der Benutzer m\xf6chte \x93Notizen\x94 speichern.\n', 'latin1'));
      const r = await read(root, 'requirements.md');
      assert.strictEqual(r.text, 'Der Benutzer möchte “Notizen” speichern.\n');
      assert.deepStrictEqual(
        r.notes.map((n) => n.reason),
        ['not-utf8'],
      );
      assert.match(r.notes[0].detail, /Windows-1252/);
    });

    it('UTF-8 with one damaged sequence: read as UTF-8 with U+FFFD there, not garbled throughout as Windows-1252', async () => {
      const root = fresh();
      write(`${root}/requirements.md`, Buffer.concat([Buffer.from('Größe — “ok” ', 'utf8'), Buffer.from([0xe2, 0x41]), Buffer.from(' café\n', 'utf8')]));
      const r = await read(root, 'requirements.md');
      assert.strictEqual(r.text, 'Größe — “ok” \uFFFDA café\n');
      assert.deepStrictEqual(
        r.notes.map((n) => [n.reason, n.detail]),
        [['not-utf8', 'it is not valid UTF-8, so 1 damaged byte sequence was replaced by U+FFFD (the rest is UTF-8); save it as UTF-8 to fix this']],
      );
    });

    it('UTF-16 with a byte order mark: read as UTF-16, with a note', async () => {
      const root = fresh();
      write(`${root}/requirements.md`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Requirements\n', 'utf16le')]));
      const r = await read(root, 'requirements.md');
      assert.strictEqual(r.text, '# Requirements\n');
      assert.deepStrictEqual(
        r.notes.map((n) => n.reason),
        ['not-utf8'],
      );
    });

    it('UTF-8 with a byte order mark: the mark is dropped and there is nothing to note', async () => {
      const root = fresh();
      write(`${root}/hook.kiro.hook`, Buffer.from('\uFEFF{ "a": 1 }', 'utf8'));
      const r = await read(root, 'hook.kiro.hook');
      assert.strictEqual(r.text, '{ "a": 1 }');
      assert.deepStrictEqual(r.notes, []);
    });

    it('over the size limit: not read, and the note gives the size and the limit', async () => {
      const root = fresh();
      write(`${root}/requirements.md`, Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
      const r = await read(root, 'requirements.md');
      assert.strictEqual(r.text, undefined);
      assert.deepStrictEqual(
        r.notes.map((n) => [n.reason, n.detail]),
        [['too-large', 'it is 16,777,217 bytes (16.0 MiB), over the limit of 16,777,216 bytes (16.0 MiB) for files SpecThread reads']],
      );
      // Exactly at the limit is still read.
      write(`${root}/tasks.md`, Buffer.alloc(MAX_FILE_BYTES, 0x61));
      assert.strictEqual((await read(root, 'tasks.md')).text?.length, MAX_FILE_BYTES);
    });

    it('a file that does not exist is absent, without a note', async () => {
      const root = fresh();
      assert.deepStrictEqual(await read(root, 'missing.md'), { text: undefined, notes: [] });
    });

    it('an error from the file system is noted with its code (a symlink loop read by path gives ELOOP, even as root)', async () => {
      const root = fresh();
      fs.symlinkSync('tasks.md', `${root}/tasks.md`);
      const r = await read(root, 'tasks.md');
      assert.strictEqual(r.text, undefined);
      assert.deepStrictEqual(
        r.notes.map((n) => [n.reason, n.detail]),
        [['unreadable', 'the file system refused to read it (ELOOP)']],
      );
    });

    it('unreadable (chmod 000): a file and a folder each get a note', async function () {
      const root = fresh();
      if (!permissionsApply(root)) {
        // Root reads through any permission bits, so this case cannot be produced here; the
        // errno path itself is covered by the ELOOP test above. Reported as pending, not passed.
        console.log('      SKIPPED: running as root, chmod 000 does not stop reads; unreadable files are covered through ELOOP above.');
        this.skip();
      }
      write(`${root}/.kiro/specs/a/tasks.md`, '- [ ] 1. x\n');
      write(`${root}/.kiro/specs/b/tasks.md`, '- [ ] 1. x\n');
      fs.chmodSync(`${root}/.kiro/specs/a/tasks.md`, 0o000);
      fs.chmodSync(`${root}/.kiro/specs/b`, 0o000);
      try {
        const { files, notes } = await list(root);
        assert.deepStrictEqual(files, ['.kiro/specs/a/tasks.md']);
        assert.deepStrictEqual(
          notes.map((n) => [n.path, n.reason]),
          [['.kiro/specs/b', 'unreadable']],
        );
        const r = await read(root, '.kiro/specs/a/tasks.md');
        assert.strictEqual(r.text, undefined);
        assert.deepStrictEqual(
          r.notes.map((n) => [n.reason, n.detail]),
          [['unreadable', 'the file system refused to read it (EACCES)']],
        );
      } finally {
        fs.chmodSync(`${root}/.kiro/specs/a/tasks.md`, 0o644);
        fs.chmodSync(`${root}/.kiro/specs/b`, 0o755);
      }
    });
  });

  it('through the engine: each declined spec file is one info finding on it, a symlinked spec folder inside the root is a spec', async () => {
    const root = fresh();
    write(`${root}/.kiro/specs/a/requirements.md`, '# Requirements\n\n### Requirement 1: A\n\n#### Acceptance Criteria\n\n1. THE system SHALL work\n');
    write(`${root}/.kiro/specs/a/tasks.md`, Buffer.from([0x00, 0x01]));
    write(
      `${root}/docs/b/requirements.md`,
      Buffer.from('# Requirements\n\n### Requirement 1: B\n\n#### Acceptance Criteria\n\n1. THE system SHALL sp\xe9ak\n', 'latin1'),
    );
    fs.symlinkSync('../../docs/b', `${root}/.kiro/specs/b`);
    const engine = new Engine(new NodeWorkspace([root]));
    await engine.indexWorkspace(NEVER_CANCELLED);
    assert.deepStrictEqual(engine.specDirs(), [`${root}/.kiro/specs/a`, `${root}/.kiro/specs/b`]);
    const notes = engine.allFindings(NEVER_CANCELLED).filter((f) => f.code.startsWith('file.'));
    assert.deepStrictEqual(
      notes.map((f) => [f.path.slice(root.length + 1), f.severity, f.code]),
      [
        ['.kiro/specs/a/tasks.md', 'info', 'file.skipped'],
        ['.kiro/specs/b/requirements.md', 'info', 'file.encoding'],
      ],
    );
    assert.match(engine.specOf(`${root}/.kiro/specs/b/requirements.md`)!.criterionList[0].node.text, /spéak/);
  });
});
