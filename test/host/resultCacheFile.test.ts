// @spec specthread-core#21.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { NodeWorkspace } from '../../server/src/host/nodeWorkspace';
import { RecordingWorkspace } from '../../server/src/host/recordingWorkspace';
import { ResultCacheFile } from '../../server/src/host/resultCacheFile';
import { writeAgedSettled } from '../helpers/agedFiles';

/** The result cache on disk: what it stores a run's output under, and when it refuses to. */
describe('host/resultCacheFile', () => {
  let root: string;
  let cacheDir: string;
  const output = { exitCode: 1, stdout: 'findings', stderr: 'summary' };
  const options = { warn: (message: string) => assert.fail(message) };
  const write = (rel: string, text: string) => writeAgedSettled(path.join(root, rel), text);

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-results-root-')));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-results-cache-'));
    write('a.md', 'one');
    write('b.ts', 'two');
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  /** One "run": lists the roots, reads `files` through the recording workspace, and stores the output. */
  async function record(files: readonly string[]): Promise<void> {
    const cache = await ResultCacheFile.open(cacheDir, options);
    const reader = new RecordingWorkspace(new NodeWorkspace([root]));
    await reader.listFiles(NEVER_CANCELLED);
    for (const f of files) await reader.readFile(f, NEVER_CANCELLED);
    await cache.save('key', await reader.list(NEVER_CANCELLED), reader.readPaths, output, NEVER_CANCELLED);
  }

  async function lookUp(key = 'key') {
    const cache = await ResultCacheFile.open(cacheDir, options);
    const reader = new RecordingWorkspace(new NodeWorkspace([root]));
    return cache.lookup(key, () => reader.list(NEVER_CANCELLED), NEVER_CANCELLED);
  }

  it('answers the same key over the same files with the stored output, and nothing else', async () => {
    await record([`${root}/a.md`, `${root}/b.ts`, `${root}/specthread.json`]);
    assert.deepStrictEqual(await lookUp(), output);
    assert.strictEqual(await lookUp('other'), undefined);
  });

  it('misses when a file it read changed, a file it found missing appeared, or the listing changed', async () => {
    await record([`${root}/a.md`, `${root}/specthread.json`]);
    write('a.md', 'uno');
    assert.strictEqual(await lookUp(), undefined, 'changed');
    await record([`${root}/a.md`, `${root}/specthread.json`]);
    write('specthread.json', '{}');
    assert.strictEqual(await lookUp(), undefined, 'appeared');
    fs.rmSync(path.join(root, 'specthread.json'));
    await record([`${root}/a.md`]);
    write('c.ts', 'three');
    assert.strictEqual(await lookUp(), undefined, 'listed');
  });

  it('stores nothing when a file it read is gone by the end of the run', async () => {
    const cache = await ResultCacheFile.open(cacheDir, options);
    const reader = new RecordingWorkspace(new NodeWorkspace([root]));
    await reader.listFiles(NEVER_CANCELLED);
    await reader.readFile(`${root}/a.md`, NEVER_CANCELLED);
    fs.rmSync(path.join(root, 'a.md'));
    await cache.save('key', await reader.list(NEVER_CANCELLED), reader.readPaths, output, NEVER_CANCELLED);
    assert.strictEqual(fs.existsSync(path.join(cacheDir, 'results.json')), false);
  });

  it('hands the engine the listing it took for the cache, once, and walks again after that', async () => {
    const reader = new RecordingWorkspace(new NodeWorkspace([root]));
    const first = await reader.list(NEVER_CANCELLED);
    write('c.ts', 'three');
    assert.deepStrictEqual(await reader.listFiles(NEVER_CANCELLED), first.files);
    assert.strictEqual(reader.relisted, false);
    assert.strictEqual((await reader.listFiles(NEVER_CANCELLED)).length, 3);
    assert.strictEqual(reader.relisted, true);
  });
});
