// @spec specthread-core#21.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { reportedFindings } from '../../server/src/cli/check';
import { openWorkspace } from '../../server/src/cli/openWorkspace';
import { toPosixPath } from '../../server/src/host/paths';
import { describeCorpus } from '../helpers/corpus';
import { corpusRepos } from './harness/run';

/**
 * `specthread check` reads archived specs only when a ref or tag may name one (EngineOptions.lazyArchives).
 * On every corpus repository that has an archive, the lazy run must report exactly what the eager
 * run reports, and count the same spec folders and files in its summary: laziness is never
 * allowed to change a result.
 */

function hasArchive(dir: string): boolean {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name === 'node_modules' || e.name === '.git') continue;
    const p = path.join(dir, e.name);
    if (e.name === 'archive' && (dir.endsWith(`${path.sep}changes`) || dir.endsWith(`.kiro${path.sep}specs`))) return true;
    if (hasArchive(p)) return true;
  }
  return false;
}

async function run(root: string, lazyArchives: boolean) {
  const opened = await openWorkspace([root], [], root, true, { log: () => undefined, lazyArchives });
  const { engine } = opened;
  const findings = reportedFindings(opened, [root], root).map((f) => `${f.path}:${f.range.start.line}:${f.range.start.character} ${f.code} ${f.message}`);
  const files = engine.specDirs().map((d) => `${d}: ${engine.filesOfSpec(d).length}`);
  return { findings, files, notes: engine.fileNotes().length };
}

describeCorpus('lazy archives: the same findings and counts as reading every archive', (corpus) => {
  const repos = corpusRepos(corpus).filter((repo) => hasArchive(path.join(corpus, repo)));

  it('the corpus has repositories with archived changes to compare on', () => {
    assert.ok(repos.length >= 10, `only ${repos.length} repositories with an archive`);
  });

  for (const repo of repos) {
    it(repo, async function () {
      this.timeout(120000);
      const root = toPosixPath(path.join(corpus, repo));
      const eager = await run(root, false);
      const lazy = await run(root, true);
      assert.deepStrictEqual(lazy.findings, eager.findings);
      assert.deepStrictEqual(lazy.files, eager.files);
    });
  }
});
