// @spec specthread-core#21.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Listing } from '../../server/src/host/recordingWorkspace';
import { StampedCacheFile } from '../../server/src/host/stampedCacheFile';
import { writeAgedSettled } from '../helpers/agedFiles';

/**
 * The stamped store under `check --cache` and the server's published state: a look-up stats the
 * stamped files on a worker thread while the roots are walked (from `statWorkerFrom` stamps on),
 * and must decide exactly as the stats on the main thread do.
 */
describe('host/stampedCacheFile', () => {
  let root: string;
  let store: string;
  const write = (name: string, text: string) => writeAgedSettled(path.join(root, name), text);

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-stamped-')));
    store = path.join(root, 'cache', 'store.json');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const open = (statWorkerFrom: number) =>
    StampedCacheFile.open<string>(store, {
      format: 'test/1',
      engine: 'e',
      checkOutput: (raw) => {
        if (typeof raw !== 'string') throw new Error('not a string');
        return raw;
      },
      warn: (problem) => assert.fail(problem),
      unwritten: (code) => assert.fail(code),
      statWorkerFrom,
    });

  for (const [how, from] of [
    ['on a worker thread', 0],
    ['on the main thread', Number.POSITIVE_INFINITY],
  ] as const) {
    it(`stats ${how}: a hit while nothing moved, a miss after an edit, a delete or a new file outside the listing`, async () => {
      const files = ['a.md', 'b.ts', 'c.ts'].map((n) => write(n, `text of ${n}`));
      const outside = path.join(root, 'missing.json');
      const listing: Listing = { files, notes: [] };
      const list = () => Promise.resolve(listing);
      const save = async () => {
        const file = await open(from);
        assert.ok(await file.save('k', listing, new Map([[outside, false]]), 'stored', NEVER_CANCELLED, true));
      };
      await save();
      assert.strictEqual(await (await open(from)).lookup('k', list, NEVER_CANCELLED), 'stored');
      assert.strictEqual(await (await open(from)).lookup('other key', list, NEVER_CANCELLED), undefined);

      fs.writeFileSync(files[1]!, 'text of b.tz');
      assert.strictEqual(await (await open(from)).lookup('k', list, NEVER_CANCELLED), undefined, 'an edit with the same size');

      write('b.ts', 'text of b.ts');
      await save();
      fs.rmSync(files[2]!);
      assert.strictEqual(await (await open(from)).lookup('k', list, NEVER_CANCELLED), undefined, 'a listed file deleted');

      write('c.ts', 'text of c.ts');
      await save();
      write('missing.json', '{}');
      assert.strictEqual(await (await open(from)).lookup('k', list, NEVER_CANCELLED), undefined, 'a file looked up and not found now exists');

      fs.rmSync(outside);
      await save();
      const renamed: Listing = { files: [files[0]!, files[2]!, files[1]!], notes: [] };
      assert.strictEqual(await (await open(from)).lookup('k', () => Promise.resolve(renamed), NEVER_CANCELLED), undefined, 'another listing');
      assert.strictEqual(await (await open(from)).lookup('k', list, NEVER_CANCELLED), 'stored');
    });
  }
});
