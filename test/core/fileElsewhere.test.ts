// @spec specthread-core#16.4
import * as assert from 'assert';
import { FilesElsewhere } from '../../server/src/core/trace/rules/fileElsewhere';

describe('a file a task names may live elsewhere in the workspace', () => {
  const files = new FilesElsewhere(() => [
    '/w/apps/web/src/index.ts',
    '/w/apps/api/src/index.ts',
    '/w/apps/web/src/login.ts',
    '/w/lib/features/pricing/domain/product_price.dart',
  ]);

  it('finds it under a nested project root (the named path as a suffix)', () => {
    assert.ok(files.has('web/src/index.ts'));
    assert.ok(files.has('src/login.ts'));
  });

  it('finds the only file with that name, moved since the task was ticked', () => {
    assert.ok(files.has('lib/features/catalog/domain/product_price.dart'));
  });

  it('does not guess between several files of one name, nor invent a missing one', () => {
    assert.ok(!files.has('src/server/index.ts'));
    assert.ok(!files.has('src/refund.ts'));
  });
});
