// @spec specthread-core#14.4, specthread-core#21.2
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import ignore from 'ignore';
import * as os from 'os';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { NodeWorkspace, namePatterns } from '../../server/src/host/nodeWorkspace';
import { toPosixPath } from '../../server/src/host/paths';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/**
 * The walk matches a .gitignore of bare-name patterns by entry name (nodeWorkspace.ts,
 * namePatterns): the listing must be the one that matching every path with the `ignore` package
 * gives, as the walk did before, over random trees and random .gitignore files.
 */

/** The listing as matching every relative path against every .gitignore above it gives it. */
function referenceListing(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, scopes: { dir: string; rules: ReturnType<typeof ignore> }[]) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
    const here = gitignore ? [...scopes, { dir, rules: ignore().add(fs.readFileSync(`${dir}/.gitignore`, 'utf8')) }] : scopes;
    for (const e of entries) {
      const full = `${dir}/${e.name}`;
      const isDir = e.isDirectory();
      if (here.some((s) => s.rules.ignores(full.slice(s.dir.length + 1) + (isDir ? '/' : '')))) continue;
      if (isDir) walk(full, here);
      else out.push(full);
    }
  };
  walk(root, []);
  return out.sort();
}

const NAME = fc.constantFrom(
  'a',
  'b',
  'A.log',
  'x.log',
  'Y.LOG',
  'dist',
  'Dist',
  'DIST',
  'keep.log',
  'build',
  'f.ts',
  'f.test.ts',
  'x.tmp',
  'café',
  'ba',
  'ab',
);
const PATTERN = fc.constantFrom(
  '*.log',
  '!keep.log',
  'dist/',
  'dist',
  'DIST',
  'build/',
  '*.tmp',
  'a',
  '!a',
  'b*',
  '*a',
  '?.ts',
  '[ab]',
  'f.*',
  '#a',
  '',
  '  ',
  'café',
  'x.log/',
  '!dist',
  '*',
);
const TREE = fc.array(fc.array(NAME, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });
const GITIGNORES = fc.array(fc.tuple(fc.array(NAME, { maxLength: 2 }), fc.array(PATTERN, { maxLength: 5 })), { maxLength: 3 });

describe('the walk matches bare-name .gitignore patterns by name (host)', () => {
  it('lists exactly what matching every path against the patterns lists', async () => {
    await fc.assert(
      fc.asyncProperty(TREE, GITIGNORES, async (files, gitignores) => {
        const root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-ignore-'))));
        try {
          for (const parts of files) {
            const file = path.join(root, ...parts);
            // A name used both as a folder and as a file keeps whichever came first.
            try {
              fs.mkdirSync(path.dirname(file), { recursive: true });
              if (!fs.existsSync(file)) fs.writeFileSync(file, 'x');
            } catch {
              continue;
            }
          }
          for (const [dirParts, patterns] of gitignores) {
            const dir = path.join(root, ...dirParts);
            if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) fs.writeFileSync(path.join(dir, '.gitignore'), patterns.join('\n'));
          }
          const listed = [...(await new NodeWorkspace([root]).listFiles(NEVER_CANCELLED))].sort();
          assert.deepStrictEqual(listed, referenceListing(root));
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: runsFor(150), seed: FUZZ_SEED },
    );
  });

  it('takes only .gitignore files whose every pattern is a bare name', () => {
    assert.deepStrictEqual(namePatterns('# c\n\nnode_modules/\n*.LOG\n!keep.log\n'), [
      { start: 'node_modules', end: 'node_modules' },
      { start: '', end: '.log' },
      { start: 'keep.log', end: 'keep.log' },
    ]);
    for (const other of ['/dist', 'a/b', 'docs/**/*.md', '\\#x', 'café']) assert.strictEqual(namePatterns(`*.log\n${other}\n`), undefined, other);
  });
});
