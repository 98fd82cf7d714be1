// @spec specthread-core#14.3
import * as assert from 'assert';
import { RootRelative } from '../../server/src/core/glob/rootRelative';

describe('RootRelative (the root-relative path globs are matched against)', () => {
  it('drops the root and one slash after it, and answers undefined outside every root', () => {
    const relative = new RootRelative(() => ['/w/a', '/w/b/']);
    assert.strictEqual(relative.of('/w/a/src/x.ts'), 'src/x.ts');
    assert.strictEqual(relative.of('/w/b/src/x.ts'), 'src/x.ts');
    assert.strictEqual(relative.of('/w/b//x.ts'), 'x.ts');
    assert.strictEqual(relative.of('/w/ab/x.ts'), undefined);
    assert.strictEqual(relative.of('/w/a'), undefined);
  });

  it('follows the roots when the host replaces the list', () => {
    let roots: readonly string[] = ['/w/a'];
    const relative = new RootRelative(() => roots);
    assert.strictEqual(relative.of('/w/c/x.ts'), undefined);
    roots = ['/w/c'];
    assert.strictEqual(relative.of('/w/c/x.ts'), 'x.ts');
    assert.strictEqual(relative.of('/w/a/x.ts'), undefined);
  });
});
