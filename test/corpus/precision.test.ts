// @spec specthread-core#16.5
import * as assert from 'assert';
import { describeCorpus } from '../helpers/corpus';
import { readLabels } from './harness/labels';
import { CorpusReport, THRESHOLDS, buildReport } from './harness/report';
import { corpusRepos, runRepo } from './harness/run';

/**
 * The labelled precision harness: the default check on every corpus repository, joined with the
 * verdicts of test/corpus/labels.tsv (see LABELS.md). Each bar of requirement 16.5 is its own
 * test, and a failing one names the rule and the rows to look at. `npm run corpus:report` prints
 * the whole table.
 */
describeCorpus('corpus: labelled precision (test/corpus/labels.tsv)', (CORPUS) => {
  let report: CorpusReport;
  const { labels, problems } = readLabels();

  before(async function () {
    this.timeout(600_000);
    const runs = [];
    for (const repo of corpusRepos(CORPUS)) runs.push(await runRepo(CORPUS, repo));
    report = buildReport(runs, labels);
  });

  const failuresAbout = (needle: string) => report.failures.filter((f) => f.includes(needle));

  it('labels.tsv is well-formed, one row per finding', () => {
    assert.deepStrictEqual(problems, [], `test/corpus/labels.tsv:\n${problems.join('\n')}`);
  });

  it('judges every error-level finding on the corpus', () => {
    const failed = failuresAbout('have no label');
    assert.ok(failed.length === 0, failed.join('\n'));
  });

  it(`keeps error precision at ${100 * THRESHOLDS.errorPrecision} % or more`, () => {
    const failed = failuresAbout('error precision');
    assert.ok(failed.length === 0, failed.join('\n'));
  });

  it(`keeps every default-on warning rule at ${100 * THRESHOLDS.warningPrecision} % or more`, () => {
    const failed = failuresAbout('warning rule ');
    assert.ok(failed.length === 0, failed.join('\n'));
  });

  it(`reads something from all but ${100 * THRESHOLDS.emptyShare} % of the spec folders with content`, () => {
    assert.ok(report.foldersWithContent > 0, 'no spec folder with content was found in the corpus');
    const failed = failuresAbout('yield nothing');
    assert.ok(failed.length === 0, failed.join('\n'));
  });

  after(() => {
    // Stale labels are no failure (a reader fixed a false alarm), but they should be pruned.
    if (report?.stale.length) console.log(`      note: ${report.stale.length} stale label(s); \`npm run corpus:report -- --prune\` removes them`);
    if (report?.unjudgedSample.length) console.log(`      note: ${report.unjudgedSample.length} sampled warning(s) are not judged yet`);
  });
});
