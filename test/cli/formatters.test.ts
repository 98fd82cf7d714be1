// @spec specthread-core#15.6
import * as assert from 'assert';
import * as path from 'path';
import { UsageError, helpText, parseArgs } from '../../server/src/cli/args';
import { FORMATTERS, ReportCommand, formatNames, formatterFor } from '../../server/src/cli/formatters';
import { groupByFile, groupBySpec, relativeDir, relativePath } from '../../server/src/cli/formatters/paths';
import { Finding } from '../../server/src/core/findings';

const finding = (p: string, line: number, code = 'link.unknown-ref'): Finding => ({
  path: p,
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  severity: 'error',
  code,
  message: 'm',
});

describe('CLI formatters: one registry, one path and grouping helper', () => {
  const cwd = path.resolve('/repo');
  const at = (rel: string) => path.join(cwd, rel);

  it('prints paths relative to the working directory with / separators, and . for the folder itself', () => {
    assert.strictEqual(relativePath(at(path.join('specs', 'a', 'spec.md')), cwd), 'specs/a/spec.md');
    assert.strictEqual(relativePath(path.resolve('/elsewhere/x.md'), cwd), '../elsewhere/x.md');
    assert.strictEqual(relativePath(cwd, cwd), '');
    assert.strictEqual(relativeDir(cwd, cwd), '.');
    assert.strictEqual(relativeDir(at('specs'), cwd), 'specs');
  });

  it('groups findings by file in the order they first appear', () => {
    const findings = [finding(at('b.md'), 1), finding(at('a.md'), 2), finding(at('b.md'), 3)];
    const groups = groupByFile(findings, cwd);
    assert.deepStrictEqual([...groups.keys()], ['b.md', 'a.md']);
    assert.deepStrictEqual(
      groups.get('b.md')?.map((f) => f.range.start.line),
      [1, 3],
    );
  });

  it('groups findings by the innermost spec folder, and those outside every spec under undefined', () => {
    const specs = [at('openspec/changes/x'), at('openspec/changes/x/specs/cart'), at('specs/001-a')];
    const findings = [
      finding(at('openspec/changes/x/specs/cart/spec.md'), 1),
      finding(at('src/a.ts'), 2),
      finding(at('openspec/changes/x/tasks.md'), 3),
      finding(at('specs/001-ab/spec.md'), 4),
    ];
    const groups = groupBySpec(findings, specs, cwd);
    assert.deepStrictEqual(
      [...groups.entries()].map(([k, v]) => [k, v.map((f) => f.range.start.line)]),
      [
        ['openspec/changes/x/specs/cart', [1]],
        [undefined, [2, 4]],
        ['openspec/changes/x', [3]],
      ],
    );
  });

  for (const command of Object.keys(FORMATTERS) as ReportCommand[]) {
    it(`${command}: --format accepts exactly the registered formats, and --help lists them`, () => {
      const names = formatNames(command);
      assert.ok(names.includes('text'), 'text is every command’s default');
      assert.strictEqual((parseArgs([command]) as { format: string }).format, 'text');
      for (const name of names) {
        assert.strictEqual((parseArgs([command, '--format', name]) as { format: string }).format, name);
        assert.strictEqual(typeof formatterFor(command, name), 'function');
      }
      assert.match(helpText(command), new RegExp(`\\[--format ${names.join('\\|')}\\]`));
      assert.throws(
        () => parseArgs([command, '--format', 'xml']),
        (err: Error) => err instanceof UsageError && err.message.includes(`not 'xml'`) && names.every((n) => err.message.includes(n)),
      );
    });
  }
});
