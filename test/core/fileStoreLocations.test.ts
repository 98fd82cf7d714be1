// @spec specthread-core#21.4
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { SpecFileStore, emptyFacts } from '../../server/src/core/engine/fileStore';
import { SpecLocation } from '../../server/src/core/formats/location';

/**
 * The file store shares one folder's location strings among its files (core/engine/fileStore.ts);
 * every file still reads back the location it was put with, field for field.
 */
function location(specDir: string, kind: SpecLocation['kind'], specId = 'a', extra: Partial<SpecLocation> = {}): SpecLocation {
  // Built by concatenation, as paths from a listing are, so no two files share a string by accident.
  return { specId: [specId].join(''), specDir: ['/ws/.kiro/specs/', specDir].join(''), format: 'kiro', kind, ...extra };
}

describe('file store locations', () => {
  it('gives each file back the location it was put with', () => {
    const store = new SpecFileStore((path, at) => emptyFacts(path, at), undefined);
    const put: [string, SpecLocation][] = [
      ['/ws/.kiro/specs/a/requirements.md', location('a', 'requirements')],
      ['/ws/.kiro/specs/a/tasks.md', location('a', 'tasks')],
      ['/ws/.kiro/specs/a/design.md', location('a', 'design', 'a', { archived: true })],
      ['/ws/.kiro/specs/b/tasks.md', location('b', 'tasks', 'b')],
    ];
    for (const [path, at] of put) store.put(path, at, '# x', NEVER_CANCELLED, false);
    store.defer('/ws/.kiro/specs/a/bugfix.md', location('a', 'bugfix'));
    for (const [path, at] of put) assert.deepStrictEqual(store.get(path)!.location, at, path);
    assert.deepStrictEqual(store.deferredFiles().get('/ws/.kiro/specs/a/bugfix.md'), location('a', 'bugfix'));
    assert.deepStrictEqual(store.filesOfSpec('/ws/.kiro/specs/a'), [
      '/ws/.kiro/specs/a/bugfix.md',
      '/ws/.kiro/specs/a/design.md',
      '/ws/.kiro/specs/a/requirements.md',
      '/ws/.kiro/specs/a/tasks.md',
    ]);
  });

  it('forgets a folder emptied of files, so its next file sets the folder location anew', () => {
    const store = new SpecFileStore((path, at) => emptyFacts(path, at), undefined);
    const path = '/ws/.kiro/specs/a/tasks.md';
    store.put(path, location('a', 'tasks'), '# x', NEVER_CANCELLED, false);
    store.put(path, location('a', 'tasks'), undefined, NEVER_CANCELLED, false);
    store.put(path, location('a', 'tasks', 'renamed'), '# x', NEVER_CANCELLED, false);
    store.put('/ws/.kiro/specs/a/design.md', location('a', 'design', 'renamed'), '# y', NEVER_CANCELLED, false);
    assert.strictEqual(store.get(path)!.location.specId, 'renamed');
    assert.strictEqual(store.get('/ws/.kiro/specs/a/design.md')!.location.specId, 'renamed');
  });
});
