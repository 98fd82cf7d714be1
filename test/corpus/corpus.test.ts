// @spec specthread-core#1.5, specthread-core#14.8
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { inventory } from '../../server/src/core/inventory';
import { SpecFileKind, SpecFormat } from '../../server/src/core/model';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { locateSpecFile } from '../../server/src/core/specLocation';
import { NodeWorkspace } from '../../server/src/host/nodeWorkspace';
import { toPosixPath } from '../../server/src/host/paths';
import { assertKnownGaps, describeCorpus, knownGaps } from '../helpers/corpus';

/**
 * The shared corpus of real spec repositories (../shared/corpus/<format>/<owner__repo>, beside
 * the checkout in CI). Every Markdown file must parse under every file kind of every format
 * without an exception, and no file may fail. Every spec folder must be discovered and every
 * discovered spec must yield something, except for the gaps listed in known-gaps.json, which the
 * test holds to exactly (see test/helpers/corpus.ts).
 */

const KINDS: Record<SpecFormat, readonly SpecFileKind[]> = {
  kiro: ['requirements', 'bugfix', 'design', 'tasks', 'steering'],
  speckit: ['spec', 'plan', 'tasks', 'checklist', 'constitution', 'research'],
  openspec: ['spec', 'delta', 'proposal', 'tasks', 'design', 'project'],
};

function files(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, suffix));
    else if (e.name.endsWith(suffix)) out.push(p);
  }
  return out;
}

/** What a spec must yield for the parse to count as understood. */
function yieldOf(entry: ReturnType<typeof inventory>[number]): number {
  const tasks = Object.values(entry.tasks).reduce((a, b) => a + b, 0);
  const deltas = entry.deltas ? Object.values(entry.deltas).reduce((a, b) => a + b, 0) : 0;
  return entry.requirements + entry.stories + entry.criteria + tasks + deltas;
}

describeCorpus('corpus: real repositories of every format', (CORPUS) => {
  const gaps = knownGaps();
  for (const format of ['kiro', 'speckit', 'openspec'] as const) {
    const repos = fs.existsSync(path.join(CORPUS, format)) ? fs.readdirSync(path.join(CORPUS, format)).sort() : [];
    it(`has ${format} repositories to read`, () => assert.ok(repos.length >= 1, `no ${format} repositories in ${CORPUS}`));

    for (const repo of repos) {
      const root = path.join(CORPUS, format, repo);
      it(`${format}/${repo}: every Markdown file parses as any file kind of its format`, () => {
        for (const file of files(root, '.md')) {
          const text = fs.readFileSync(file, 'utf8');
          for (const kind of KINDS[format]) {
            assert.doesNotThrow(() => parseSpecFile(file, kind, text, NEVER_CANCELLED, format), `${file} as ${format} ${kind}`);
          }
        }
        for (const file of [...files(root, '.kiro.hook'), ...files(root, '.openspec.yaml')]) {
          const kind = file.endsWith('.hook') ? 'hook' : 'change-meta';
          assert.doesNotThrow(() => parseSpecFile(file, kind, fs.readFileSync(file, 'utf8'), NEVER_CANCELLED, format), file);
        }
      });

      it(`${format}/${repo}: every spec is discovered and yields something, with no parse failures`, async () => {
        const engine = new Engine(new NodeWorkspace([toPosixPath(root)]));
        await engine.indexWorkspace(NEVER_CANCELLED);
        const located = [...files(root, '.md'), ...files(root, '.hook')]
          .map((f) => locateSpecFile(toPosixPath(f)))
          .filter((l) => l && !/\/_?archived\//.test(l.specDir));
        const expectedDirs = new Set(located.map((l) => l!.specDir));
        const rel = (dir: string) => path.posix.relative(toPosixPath(root), dir) || '.';
        const discovered = engine.specDirs();
        assertKnownGaps(gaps, `${format}/${repo}`, 'undiscovered', [...expectedDirs].filter((d) => !discovered.includes(d)).map(rel));
        assertKnownGaps(gaps, `${format}/${repo}`, 'unexpected', discovered.filter((d) => !expectedDirs.has(d)).map(rel));
        assert.ok(engine.specDirs().length > 0, 'the repository has specs');
        const entries = inventory(engine.allSpecs(), NEVER_CANCELLED);
        assert.ok(
          entries.some((e) => e.format === format),
          `no ${format} spec found`,
        );
        // Pseudo specs (steering, hooks, a constitution, project.md) hold no requirements by nature.
        const empty = entries.filter((e) => ['feature', 'bugfix', 'capability', 'change'].includes(e.kind) && yieldOf(e) === 0 && e.files > 0);
        const emptyAllowed = empty.filter((e) => !hasOnlyNotes(engine, e.dir));
        assertKnownGaps(
          gaps,
          `${format}/${repo}`,
          'empty',
          emptyAllowed.map((e) => rel(e.dir)),
        );
        const findings = engine.allFindings(NEVER_CANCELLED);
        assert.deepStrictEqual(
          findings.filter((f) => f.code === 'internal.error'),
          [],
          'no parser or rule may fail on a real repository',
        );
      });
    }
  }
});

/**
 * A spec folder whose only files are prose (research, a plan, a proposal whose deltas are not
 * written yet) has nothing to count; that is the spec as its authors left it, not a parse failure.
 */
function hasOnlyNotes(engine: Engine, dir: string): boolean {
  return engine.filesOfSpec(dir).every((p) => !['requirements', 'bugfix', 'spec', 'tasks', 'delta'].includes(engine.facts(p)!.kind));
}
