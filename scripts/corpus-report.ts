// @spec specthread-core#16.5
// `npm run corpus:report [-- --unjudged | --prune] [--only <prefix>]`: runs the default check on every repository of
// ../shared/corpus and prints, per rule and per repository, the findings by severity, what is judged in
// test/corpus/labels.tsv, the precision, what is unjudged, stale labels and spec folders that yielded nothing.
import * as fs from 'fs';
import { CORPUS } from '../test/helpers/corpus';
import { labelKey, readLabels, writeLabels } from '../test/corpus/harness/labels';
import { buildReport, formatReport, unjudgedRows } from '../test/corpus/harness/report';
import { corpusRepos, runRepo } from '../test/corpus/harness/run';

async function main(argv: readonly string[]): Promise<number> {
  const unjudged = argv.includes('--unjudged');
  const prune = argv.includes('--prune');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  if (onlyAt >= 0 && !only) throw new Error('--only needs a repository prefix such as kiro/ or kiro/owner__name');
  if (!fs.existsSync(CORPUS)) throw new Error(`the shared corpus is missing at ${CORPUS}`);

  const repos = corpusRepos(CORPUS).filter((r) => !only || r.startsWith(only));
  const runs = [];
  for (const repo of repos) {
    process.stderr.write(`checking ${repo}\n`);
    runs.push(await runRepo(CORPUS, repo));
  }
  const { labels, problems } = readLabels();
  for (const p of problems) process.stderr.write(`labels.tsv ${p}\n`);
  const ran = new Set(repos);
  const report = buildReport(
    runs,
    labels.filter((l) => ran.has(l.repo)),
  );

  if (prune) {
    const stale = new Set(report.stale.map(labelKey));
    writeLabels(labels.filter((l) => !stale.has(labelKey(l))));
    process.stderr.write(`removed ${stale.size} stale label(s) from test/corpus/labels.tsv\n`);
    return 0;
  }
  process.stdout.write(unjudged ? unjudgedRows(report) : formatReport(report));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`corpus:report: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
