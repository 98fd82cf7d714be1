// @spec specthread-core#21.2
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { FileNote } from '../../server/src/core/fileNote';
import { syntaxFor } from '../../server/src/core/trace/languages';
import { TraceRole } from '../../server/src/core/trace/model';
import { scanCodeFile } from '../../server/src/core/trace/scanCodeFile';
import { traceMarkers } from '../../server/src/core/trace/traceMarkers';
import { CodeRead } from '../../server/src/core/workspace';
import { NodeWorkspace } from '../../server/src/host/nodeWorkspace';
import { toPosixPath } from '../../server/src/host/paths';
import { CAN_READ_WITHOUT_FOLLOWING, classify } from '../../server/src/host/readCodeFiles';
import { textOf } from '../../server/src/host/readTextFile';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/** Pieces of code, tags, titles, non-ASCII text and control bytes, for random file contents. */
const PIECE = fc.constantFrom(
  '@spec',
  '@spe',
  'c',
  ' auth#1.2',
  '#',
  '// ',
  '/* ',
  ' */',
  '"',
  "it('",
  "', () => {})",
  '\n',
  'x',
  'é',
  '😀',
  '\u0000',
  '\u0001',
);
const TEXT = fc.array(PIECE, { maxLength: 30 }).map((p) => p.join(''));
/** The same texts as UTF-8 (with or without a byte order mark), UTF-16, Latin-1, or damaged UTF-8. */
const BYTES = fc.oneof(
  TEXT.map((t) => Buffer.from(t, 'utf8')),
  TEXT.map((t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])),
  TEXT.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])),
  TEXT.map((t) => Buffer.from(t, 'latin1')),
  fc.tuple(TEXT, fc.uint8Array({ maxLength: 4 })).map(([t, junk]) => Buffer.concat([Buffer.from(t, 'utf8'), Buffer.from(junk), Buffer.from(t, 'utf8')])),
);
const PATH = fc.constantFrom('/ws/a.ts', '/ws/a.py', '/ws/a.md', '/ws/a.sh');
const ROLE = fc.constantFrom<TraceRole>('source', 'test');

/** Writes files below `root` by relative path, making their folders. */
function writerIn(root: string): (rel: string, content: string | Buffer) => void {
  return (rel, content) => {
    fs.mkdirSync(path.dirname(`${root}/${rel}`), { recursive: true });
    fs.writeFileSync(`${root}/${rel}`, content);
  };
}

/** Each file's text and notes as `ws.readFile` gives them, in order. */
async function readAll(ws: NodeWorkspace, files: readonly string[]): Promise<{ text: string | undefined; notes: FileNote[] }[]> {
  const out: { text: string | undefined; notes: FileNote[] }[] = [];
  for (const file of files) {
    const notes: FileNote[] = [];
    out.push({ text: await ws.readFile(file, NEVER_CANCELLED, (n) => notes.push(n)), notes });
  }
  return out;
}

function tempDir(): string {
  return toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-code-'))));
}

describe('reading code files for the trace scan (host)', () => {
  it('a file left undecoded decodes as plain text without a tag; any other is read exactly as readFile reads it', () => {
    fc.assert(
      fc.property(BYTES, PATH, ROLE, (bytes, file, role) => {
        const notes: FileNote[] = [];
        const text = textOf(file, bytes, (n) => notes.push(n));
        const read = classify(file, bytes, traceMarkers(role));
        if (read.noTrace) {
          assert.ok(text !== undefined && notes.length === 0, 'only plain text is left undecoded');
          assert.deepStrictEqual(scanCodeFile(file, text, syntaxFor(file)!, role, NEVER_CANCELLED).tags, []);
          assert.ok(!text.slice(0, 8000).includes('\u0000'));
        } else assert.deepStrictEqual(read, { text, note: notes[0] });
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(3000) },
    );
  });

  it('reads listed files in one pass, and symlinks, unlisted paths and oversized files the careful way', async () => {
    const root = tempDir();
    const outside = tempDir();
    try {
      const put = writerIn(root);
      put('src/plain.ts', 'export const a = 1;\n');
      put('src/tagged.ts', '// @spec auth#1.1\n');
      put('src/blob.ts', Buffer.from([0x2f, 0x2f, 0, 1, 2]));
      put('src/big.ts', '// @spec auth#1.1\n'.repeat(100));
      put('real/target.ts', '// @spec auth#2.1\n');
      fs.writeFileSync(`${outside}/secret.ts`, '// @spec auth#9.9\n');
      fs.symlinkSync(`${root}/real/target.ts`, `${root}/src/link.ts`);
      fs.symlinkSync(`${outside}/secret.ts`, `${root}/src/escape.ts`);
      fs.symlinkSync(`${root}/real`, `${root}/linked`);
      const ws = new NodeWorkspace([root]);
      const ask = (rel: string, maxBytes = 1000): Promise<readonly CodeRead[]> =>
        ws.readCodeFiles({ paths: [`${root}/${rel}`], roles: ['source'], maxBytes, hashes: false }, NEVER_CANCELLED);
      const before = await ask('src/plain.ts');
      assert.deepStrictEqual(before, [{ text: 'export const a = 1;\n', note: undefined }], 'before a listing every read is careful, and decodes');
      await ws.listFiles(NEVER_CANCELLED);
      const paths = ['src/plain.ts', 'src/tagged.ts', 'src/blob.ts', 'src/big.ts', 'src/link.ts', 'src/escape.ts', 'linked/target.ts', 'src/gone.ts'].map(
        (rel) => `${root}/${rel}`,
      );
      const reads = await ws.readCodeFiles({ paths, roles: paths.map(() => 'source'), maxBytes: 1000, hashes: false }, NEVER_CANCELLED);
      const summary = reads.map((r) => (r.noTrace ? 'no-trace' : r.note ? r.note.reason : r.text === undefined ? 'missing' : JSON.stringify(r.text)));
      assert.deepStrictEqual(summary, [
        // Without O_NOFOLLOW (Windows) every read is the careful one, which decodes.
        CAN_READ_WITHOUT_FOLLOWING ? 'no-trace' : JSON.stringify('export const a = 1;\n'),
        JSON.stringify('// @spec auth#1.1\n'),
        'binary',
        'too-large',
        JSON.stringify('// @spec auth#2.1\n'),
        'symlink-outside',
        JSON.stringify('// @spec auth#2.1\n'),
        'missing',
      ]);
      // A listed file replaced by a symlink to outside the roots is caught at the open, not followed.
      fs.rmSync(`${root}/src/plain.ts`);
      fs.symlinkSync(`${outside}/secret.ts`, `${root}/src/plain.ts`);
      assert.strictEqual((await ask('src/plain.ts'))[0]!.note?.reason, 'symlink-outside');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('readFile of a file in a listed folder, read in one pass, gives what the careful read gives', async () => {
    const root = tempDir();
    const outside = tempDir();
    try {
      const put = writerIn(root);
      put('specs/a/plain.md', '# Plain\n');
      put('specs/a/bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Bom\n')]));
      put('specs/a/latin1.md', Buffer.from('# Caf\u00e9\n', 'latin1'));
      put('specs/a/utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Wide\n', 'utf16le')]));
      put('specs/a/blob.md', Buffer.from([0x23, 0, 1, 2]));
      put('specs/a/big.md', 'x'.repeat(200));
      put('specs/real/target.md', '# Target\n');
      fs.mkdirSync(`${root}/specs/a/folder.md`);
      fs.writeFileSync(`${outside}/secret.md`, '# Secret\n');
      fs.symlinkSync(`${root}/specs/real/target.md`, `${root}/specs/a/link.md`);
      fs.symlinkSync(`${outside}/secret.md`, `${root}/specs/a/escape.md`);
      const names = ['plain', 'bom', 'latin1', 'utf16', 'blob', 'big', 'link', 'escape', 'folder', 'gone'].map((n) => `${root}/specs/a/${n}.md`);
      const careful = await readAll(new NodeWorkspace([root], 100), names);
      const listed = new NodeWorkspace([root], 100);
      await listed.listFiles(NEVER_CANCELLED);
      assert.deepStrictEqual(await readAll(listed, names), careful);
      assert.deepStrictEqual(
        careful.map((r) => r.notes[0]?.reason ?? r.text),
        ['# Plain\n', '# Bom\n', 'not-utf8', 'not-utf8', 'binary', 'too-large', '# Target\n', 'symlink-outside', undefined, undefined],
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  // @spec specthread-core#21.2
  it('reads a file whole without asking its size, around the size of the reused buffer and past it, as the careful read does', async () => {
    const root = tempDir();
    try {
      const put = writerIn(root);
      // 64 KiB is the reused buffer's first size: a file that fills it is asked its size and read again.
      const sizes = [0, 1, 65535, 65536, 65537, 200_000, 300_000];
      for (const size of sizes) put(`specs/s${size}.md`, '# T\n'.padEnd(size, 'x').slice(0, size));
      fs.mkdirSync(`${root}/specs/dir.md`);
      const names = [...sizes.map((size) => `s${size}.md`), 'dir.md'].map((n) => `${root}/specs/${n}`);
      const careful = await readAll(new NodeWorkspace([root], 250_000), names);
      const listed = new NodeWorkspace([root], 250_000);
      await listed.listFiles(NEVER_CANCELLED);
      assert.deepStrictEqual(await readAll(listed, names), careful);
      assert.deepStrictEqual(
        careful.map((r) => r.notes[0]?.reason ?? r.text?.length),
        [0, 1, 65535, 65536, 65537, 200_000, 'too-large', undefined],
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
