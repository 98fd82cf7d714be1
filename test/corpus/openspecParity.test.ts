// @spec specthread-core#13.2, specthread-core#14.8, specthread-core#16.6
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { Finding } from '../../server/src/core/findings';
import { NodeWorkspace } from '../../server/src/host/nodeWorkspace';
import { toPosixPath } from '../../server/src/host/paths';
import { assertKnownGaps, describeCorpus, knownGaps } from '../helpers/corpus';
import { REPO } from '../helpers/fixtures';

/**
 * Parity with `openspec validate --all --json` (@fission-ai/openspec, a dev dependency) on the
 * OpenSpec corpus: every problem it reports we report too, on the same file and of the same
 * kind, each of ours with a line, except for the gaps listed in known-gaps.json (held to
 * exactly, see test/helpers/corpus.ts). It runs on a copy, so nothing it might write reaches the
 * corpus. The ratio of run times is printed for the record.
 */
const OPENSPEC_BIN = path.join(REPO, 'node_modules', '@fission-ai', 'openspec', 'bin', 'openspec.js');

interface Issue {
  readonly level: 'ERROR' | 'WARNING' | 'INFO';
  readonly path: string;
  readonly message: string;
}

interface Item {
  readonly id: string;
  readonly type: 'spec' | 'change';
  readonly issues: readonly Issue[];
}

/** Which of our codes stands for an openspec message; the first matching pattern wins. */
const KINDS: readonly [RegExp, readonly string[]][] = [
  [/omits scenario|not present in the modified block/, ['structure.dropped-scenarios']],
  [/MODIFIED failed .* not found|REMOVED failed .* not found|RENAMED failed .* source not found|target spec does not exist/, ['link.unknown-delta-target']],
  [/already exists/, ['structure.delta-target-exists']],
  [/Requirement text is very long/, ['structure.requirement-too-long']],
  [/must contain SHALL or MUST|should contain SHALL or MUST|missing requirement text/, ['structure.requirement-without-shall']],
  [/at least one scenario|must have at least one scenario/i, ['structure.requirement-without-scenario', 'structure.spec-without-scenarios']],
  // A change with no delta file at all is a note of its own (archive accepts it); a delta file
  // that applies nothing stays delta-shape.
  [/Change must have at least one delta/, ['structure.delta-shape', 'structure.change-without-deltas']],
  [/No delta sections found|no requirement entries parsed|has no matching (TO|FROM)|skip_specs/, ['structure.delta-shape']],
  [/Duplicate|present in both|references old name|collides with/, ['structure.delta-conflict', 'structure.duplicate-id']],
  // A delta file with no delta section at all: our one delta-shape finding on it names the
  // requirements left outside, where openspec adds a warning per requirement.
  [/which is not a delta section/, ['structure.ignored-content', 'structure.delta-shape']],
  [
    /not a delta section|not a "### Requirement:" header|outside the main ## Requirements|Main spec contains delta header|Delta spec found at/,
    ['structure.ignored-content'],
  ],
  // Main-spec sections, split by certainty (rules/openspec/mainSpecShape.ts): only a missing or
  // empty Purpose is a note; requirements under the authors' own headings are another; a file
  // nothing could be read from gets format.unrecognized's one note in place of any of them.
  [
    /Missing required sections|must have a (Purpose|Requirements|Why|What Changes) section/,
    ['structure.missing-section', 'structure.missing-purpose', 'structure.foreign-sections', 'format.unrecognized'],
  ],
  [/Purpose section|Why section/, ['structure.section-length', 'structure.missing-section', 'structure.missing-purpose']],
  [/Task .* group|Task ID .* duplicated/, ['task.wrong-group', 'structure.duplicate-id']],
];

/** The file an openspec issue is about, relative to the openspec/ folder. */
function fileOf(item: Item, issue: Issue): string {
  if (item.type === 'spec') return `specs/${item.id}/spec.md`;
  if (/\.md$/.test(issue.path)) return `changes/${item.id}/specs/${issue.path}`;
  if (issue.path === '.openspec.yaml') return `changes/${item.id}/.openspec.yaml`;
  return `changes/${item.id}/`;
}

describeCorpus('OpenSpec parity: openspec validate --all --json vs SpecThread', (corpus) => {
  const CORPUS = path.join(corpus, 'openspec');
  const repos = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).sort() : [];
  const gaps = knownGaps();
  /** openspec's issues over all repositories: some repositories are clean, but not all of them. */
  let comparedInAll = 0;
  it('has the openspec CLI and a corpus to compare on', () => {
    assert.ok(fs.existsSync(OPENSPEC_BIN), `@fission-ai/openspec is not installed (${OPENSPEC_BIN})`);
    assert.ok(repos.length > 0, `no OpenSpec repositories in ${CORPUS}`);
  });

  for (const repo of repos) {
    it(`${repo}: every problem openspec reports, SpecThread reports on the same file with a line`, async function () {
      this.timeout(120000);
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-parity-'));
      try {
        fs.cpSync(path.join(CORPUS, repo), copy, { recursive: true });
        const started = process.hrtime.bigint();
        const run = spawnSync(process.execPath, [OPENSPEC_BIN, 'validate', '--all', '--json', '--no-interactive'], {
          cwd: copy,
          encoding: 'utf8',
          env: { ...process.env, OPENSPEC_TELEMETRY: '0', DO_NOT_TRACK: '1', CI: '1' },
        });
        const theirMs = Number(process.hrtime.bigint() - started) / 1e6;
        assert.ok(run.stdout.trim().startsWith('{'), `openspec printed no JSON (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
        const items = (JSON.parse(run.stdout) as { items: Item[] }).items;

        const ourStart = process.hrtime.bigint();
        const engine = new Engine(new NodeWorkspace([toPosixPath(copy)]));
        await engine.indexWorkspace(NEVER_CANCELLED);
        const ours = engine.allFindings(NEVER_CANCELLED);
        const ourMs = Number(process.hrtime.bigint() - ourStart) / 1e6;

        const root = `${toPosixPath(copy)}/openspec/`;
        const relative = (f: Finding) => (f.path.startsWith(root) ? f.path.slice(root.length) : f.path);
        const missing: string[] = [];
        let compared = 0;
        for (const item of items) {
          for (const issue of item.issues) {
            compared++;
            const kind = KINDS.find(([re]) => re.test(issue.message));
            const file = fileOf(item, issue);
            const match = ours.find(
              (f) => (kind ? kind[1].includes(f.code) : true) && (file.endsWith('/') ? relative(f).startsWith(file) : relative(f) === file),
            );
            if (!match) missing.push(`${item.type} ${item.id}: ${issue.level} ${issue.path} ${issue.message.slice(0, 140)}`);
          }
        }
        comparedInAll += compared;
        assertKnownGaps(gaps, `openspec/${repo}`, 'openspec-parity', missing);
        for (const f of ours) assert.ok(f.range.start.line >= 0, `${f.code} has a line`);
        console.log(
          `      openspec validate: ${theirMs.toFixed(0)} ms, ${compared} issues; SpecThread: ${ourMs.toFixed(0)} ms, ${ours.length} findings; ratio ${(theirMs / ourMs).toFixed(1)}×`,
        );
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
    });
  }

  it('openspec reported problems somewhere in the corpus, so the comparison proves something', () => {
    assert.ok(comparedInAll > 0, 'openspec reported nothing on any corpus repository');
  });
});
