// @spec specthread-core#14.6
import * as assert from 'assert';
import { affectedFolders, isAtOrUnder } from '../../server/src/host/folderSets';

describe('folder sets of the own file watcher', () => {
  it('re-lists the outermost parent folders of a burst, not each file', () => {
    const paths = ['/w/specs/a/tasks.md', '/w/specs/a/x/y.md', '/w/specs/a-b/tasks.md', '/w/src/f.ts', '/w/src/g.ts'];
    assert.deepStrictEqual(affectedFolders(paths, ['/w']), ['/w/specs/a', '/w/specs/a-b', '/w/src']);
  });

  it('falls back to the roots when a burst is spread over many folders', () => {
    const paths = Array.from({ length: 100 }, (_, i) => `/w/d${i}/f.md`);
    assert.deepStrictEqual(affectedFolders(paths, ['/w']), ['/w']);
  });

  it('tells paths at or below a folder from siblings that share a prefix', () => {
    const gone = new Set(['/w/specs/a']);
    assert.deepStrictEqual(
      ['/w/specs/a', '/w/specs/a/tasks.md', '/w/specs/a/x/y.md', '/w/specs/a-b/tasks.md', '/w/specs/ab', '/w/specs'].map((p) => isAtOrUnder(p, gone)),
      [true, true, true, false, false, false],
    );
  });
});
