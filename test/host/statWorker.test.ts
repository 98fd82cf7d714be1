// @spec specthread-core#21.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { statInWorker } from '../../server/src/host/statWorker';

/** The warm cache's stats taken on a worker thread are the stats the main thread would take. */
describe('host: stats on a worker thread', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-statworker-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives size, mtime and ctime of files, and nothing for a missing path or a folder', async () => {
    const files = ['a.ts', 'b.md'].map((n, i) => {
      const file = path.join(dir, n);
      fs.writeFileSync(file, 'x'.repeat(10 + i));
      return file;
    });
    fs.mkdirSync(path.join(dir, 'sub'));
    const stamps = await statInWorker([...files, path.join(dir, 'gone.ts'), path.join(dir, 'sub')]);
    const expected = files.map((f) => {
      const s = fs.statSync(f);
      return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
    });
    assert.deepStrictEqual(stamps, [...expected, undefined, undefined]);
  });

  it('answers an empty list', async () => {
    assert.deepStrictEqual(await statInWorker([]), []);
  });
});
