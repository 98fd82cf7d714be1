// @spec specthread-core#1.5
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { locateSpecFile } from '../../server/src/core/specLocation';
import { NodeWorkspace } from '../../server/src/host/nodeWorkspace';
import { toPosixPath } from '../../server/src/host/paths';
import { REPO } from '../helpers/fixtures';

/**
 * The shared corpus of real spec folders from public repositories (../shared/corpus, beside the
 * checkout in CI). Every Markdown file must parse under every file kind without an exception,
 * and every discovered Kiro spec must yield requirements or tasks.
 */
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

describe('corpus: real Kiro repositories', function () {
  if (!fs.existsSync(CORPUS)) {
    it('corpus present', () => assert.fail(`the shared corpus is missing at ${CORPUS}; CI provides it beside the checkout`));
    return;
  }
  const repos = fs.readdirSync(path.join(CORPUS, 'kiro')).sort();

  it('has Kiro repositories to read', () => assert.ok(repos.length >= 4, repos.join(', ')));

  for (const repo of repos) {
    const root = path.join(CORPUS, 'kiro', repo);
    it(`${repo}: every Markdown file parses as any spec file kind`, () => {
      for (const file of markdownFiles(root)) {
        const text = fs.readFileSync(file, 'utf8');
        for (const kind of ['requirements', 'bugfix', 'design', 'tasks'] as const) {
          assert.doesNotThrow(() => parseSpecFile(file, kind, text, NEVER_CANCELLED), `${file} as ${kind}`);
        }
      }
    });

    it(`${repo}: every spec yields requirements or tasks, with no parse failures`, async () => {
      const engine = new Engine(new NodeWorkspace([toPosixPath(root)]));
      await engine.indexWorkspace(NEVER_CANCELLED);
      const specs = engine.allSpecs();
      const expectedSpecs = new Set(markdownFiles(root).map((f) => locateSpecFile(toPosixPath(f))).filter((l) => l && !/\/_?archived?\//.test(l.specDir)).map((l) => l!.specDir));
      assert.strictEqual(specs.length, expectedSpecs.size, 'every spec folder is discovered');
      for (const spec of specs) {
        assert.ok(spec.requirementList.length + spec.taskList.length > 0, `${spec.id} yields nothing`);
      }
      const findings = engine.allFindings(NEVER_CANCELLED);
      assert.deepStrictEqual(findings.filter((f) => f.code === 'parse.failed'), []);
    });
  }
});
