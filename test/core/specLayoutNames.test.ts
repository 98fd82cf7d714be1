// @spec specthread-core#21.2
import * as assert from 'assert';
import fc from 'fast-check';
import { BUILTIN_FORMATS } from '../../server/src/core/formats/registry';
import { SpecLayout } from '../../server/src/core/specLocation';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/**
 * A listing asks the layout about a file only when its name ends with a format's name suffix
 * (SpecFormatPlugin.nameSuffixes): no file of another name may be a spec file, in the default
 * layout or below any configured root.
 */
describe('spec layout: the formats name every suffix their files can have', () => {
  const segment = fc.constantFrom(
    '.kiro',
    'specs',
    'plans',
    'steering',
    'hooks',
    'archive',
    'openspec',
    'changes',
    '001-a',
    '.specify',
    'memory',
    'checklists',
    'a',
    'requirements.md',
    'tasks.md',
    'spec.md',
    'project.md',
    '.config.kiro',
    'x.kiro.hook',
    'x.kiro',
    'x.hook',
    '.openspec.yaml',
    'x.yaml',
    'constitution.md',
    'md',
    '.md',
    'a.ts',
  );
  const path = fc.array(segment, { minLength: 1, maxLength: 7 }).map((s) => '/ws/' + s.join('/'));

  it('every built-in format gives a name suffix, so the default layout skips code files', () => {
    const layout = new SpecLayout();
    for (const format of BUILTIN_FORMATS) assert.ok(format.nameSuffixes, format.id);
    assert.ok(!layout.mayLocate('index.ts'));
    assert.ok(layout.mayLocate('requirements.md'));
  });

  it('locates no file whose name ends with no suffix, by default or below a configured root of any format (seeded)', () => {
    fc.assert(
      fc.property(path, fc.nat(6), (p, depth) => {
        const name = p.slice(p.lastIndexOf('/') + 1);
        const parts = p.split('/');
        const root = parts.slice(0, Math.max(2, parts.length - 1 - depth)).join('/');
        for (const layout of [new SpecLayout(), ...BUILTIN_FORMATS.map((f) => new SpecLayout([{ dir: root, format: f.id }], false))]) {
          if (layout.mayLocate(name)) continue;
          assert.strictEqual(layout.locate(p), undefined, `${p} below ${root}`);
        }
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(3000) },
    );
  });
});
