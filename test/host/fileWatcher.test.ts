// @spec specthread-core#14.6
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileWatcher, WatchedBatch } from '../../server/src/host/fileWatcher';
import { pathToUri, toPosixPath } from '../../server/src/host/paths';

/**
 * The host's own watcher on real temp folders: what editors and agents do to files (replace them
 * by rename, then write them in place; create, delete and re-create folders) is reported every
 * time, not only the first. Each step waits for the batch that reports it, never for a fixed time.
 */

/** Long enough for a loaded CI machine; a lost event fails here instead of hanging the suite. */
const DEADLINE_MS = 15000;

class Recorder {
  readonly batches: WatchedBatch[] = [];
  private waiter: (() => void) | undefined;

  readonly onBatch = (batch: WatchedBatch): void => {
    this.batches.push(batch);
    this.waiter?.();
  };

  /** Resolves at the first batch from now on that satisfies `test`. */
  async next(what: string, test: (batch: WatchedBatch) => boolean): Promise<WatchedBatch> {
    const from = this.batches.length;
    const found = (): WatchedBatch | undefined => this.batches.slice(from).find(test);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<WatchedBatch>((resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`never reported: ${what}; batches: ${JSON.stringify(this.batches.slice(from))}`)), DEADLINE_MS);
        this.waiter = () => {
          const batch = found();
          if (batch) resolve(batch);
        };
      });
    } finally {
      clearTimeout(timer);
      this.waiter = undefined;
    }
  }
}

function changed(file: string): (batch: WatchedBatch) => boolean {
  const uri = pathToUri(file);
  return (batch) => batch.changes.some((c) => c.uri === uri && !c.deleted);
}

function relisted(folder: string): (batch: WatchedBatch) => boolean {
  return (batch) => (batch.relist ?? []).includes(folder);
}

describe('host file watcher', () => {
  let root: string;
  let recorder: Recorder;
  let watcher: FileWatcher | undefined;

  beforeEach(() => {
    root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-watch-'))));
    fs.mkdirSync(`${root}/specs/auth`, { recursive: true });
    fs.writeFileSync(`${root}/specs/auth/tasks.md`, '- [ ] 1. one\n');
    recorder = new Recorder();
    watcher = new FileWatcher([root], recorder.onBatch);
  });

  afterEach(() => {
    watcher?.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports a file written in place after it was replaced by rename', async () => {
    const file = `${root}/specs/auth/tasks.md`;
    // An atomic write: the new content goes to a temp file that then takes the old file's name (and a new inode).
    const replaced = recorder.next('the replace by rename', changed(file));
    fs.writeFileSync(`${file}.tmp`, '- [x] 1. one\n');
    fs.renameSync(`${file}.tmp`, file);
    await replaced;
    // Node 20's recursive watch on Linux kept watching the old inode here and missed every later write.
    for (const content of ['- [ ] 1. one\n', '- [x] 1. one\n']) {
      const written = recorder.next(`the write in place of ${JSON.stringify(content)}`, changed(file));
      fs.writeFileSync(file, content);
      await written;
    }
  });

  it('follows folders that appear, and a folder re-created under the same name', async () => {
    const folder = `${root}/specs/billing`;
    const appeared = recorder.next('the new folder', relisted(folder));
    fs.mkdirSync(folder);
    await appeared;
    const inNew = recorder.next('a file in the new folder', changed(`${folder}/tasks.md`));
    fs.writeFileSync(`${folder}/tasks.md`, '- [ ] 1. bill\n');
    await inNew;

    const gone = recorder.next('the deleted folder', (b) => b.changes.some((c) => c.uri === pathToUri(folder) && c.deleted));
    fs.rmSync(folder, { recursive: true });
    await gone;
    const again = recorder.next('the re-created folder', relisted(folder));
    fs.mkdirSync(`${folder}/deep`, { recursive: true });
    await again;
    const deep = recorder.next('a file below the re-created folder', changed(`${folder}/deep/tasks.md`));
    fs.writeFileSync(`${folder}/deep/tasks.md`, '- [ ] 1. bill\n');
    await deep;
  });

  it('reports nothing from .git or node_modules', async () => {
    fs.mkdirSync(`${root}/.git/refs`, { recursive: true });
    fs.mkdirSync(`${root}/node_modules/pkg`, { recursive: true });
    fs.writeFileSync(`${root}/.git/refs/HEAD`, 'ref');
    fs.writeFileSync(`${root}/node_modules/pkg/index.js`, 'x');
    // Events arrive in order: once the later spec write is reported, the earlier writes would have been too.
    const spec = `${root}/specs/auth/tasks.md`;
    const written = recorder.next('the spec write after them', changed(spec));
    fs.writeFileSync(spec, '- [x] 1. one\n');
    await written;
    const reported = recorder.batches.flatMap((b) => [...b.changes.map((c) => c.uri), ...(b.relist ?? []).map(pathToUri)]);
    assert.deepStrictEqual(
      reported.filter((uri) => /\/(\.git|node_modules)(\/|$)/.test(uri)),
      [],
    );
  });
});
