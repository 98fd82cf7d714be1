// @spec specthread-core#16.5
import { Severity } from '../../../server/src/core/findings';
import { Label, VerdictCounts, labelKey, noVerdicts, precision } from './labels';
import { CorpusFinding, RepoRun } from './run';
import { sampleWarnings } from './sample';

/** The bars of requirement 16.5: what a maintainer must see before keeping the tool. */
export const THRESHOLDS = { errorPrecision: 0.97, warningPrecision: 0.9, emptyShare: 0.01 } as const;

export interface Tally {
  readonly bySeverity: Record<Severity, number>;
  /** Verdicts of the judged findings, error and warning level apart (info and hint verdicts are kept but not gated). */
  readonly error: VerdictCounts;
  readonly warning: VerdictCounts;
  /** Error-level findings and sampled warnings without a label. */
  unjudged: number;
}

export interface CorpusReport {
  readonly runs: readonly RepoRun[];
  readonly byRule: Map<string, Tally>;
  readonly byRepo: Map<string, Tally>;
  readonly errorVerdicts: VerdictCounts;
  readonly unjudgedErrors: CorpusFinding[];
  readonly unjudgedSample: CorpusFinding[];
  /** Labels whose finding the current run no longer reports (the reader or rule changed). */
  readonly stale: Label[];
  /** Judged findings with verdict F or B, for the failure messages. */
  readonly doubted: { readonly finding: CorpusFinding; readonly label: Label }[];
  readonly foldersWithContent: number;
  /** `<repo>/<spec folder>` of every spec folder with content from which nothing was read. */
  readonly foldersYieldingNothing: string[];
  /** One sentence per broken bar, naming the rule and rows; empty when the corpus passes. */
  readonly failures: string[];
}

const newTally = (): Tally => ({ bySeverity: { error: 0, warning: 0, info: 0, hint: 0 }, error: noVerdicts(), warning: noVerdicts(), unjudged: 0 });

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = newTally()));
  return t;
}

/**
 * Joins the findings of a default run with the labels. Several findings of one rule on one
 * line share a label and count once in the precision (the most severe of them decides its
 * level); the severity columns count every finding.
 */
export function buildReport(runs: readonly RepoRun[], labels: readonly Label[]): CorpusReport {
  const labelOf = new Map(labels.map((l) => [labelKey(l), l]));
  const byRule = new Map<string, Tally>();
  const byRepo = new Map<string, Tally>();
  const errorVerdicts = noVerdicts();
  const unjudgedErrors: CorpusFinding[] = [];
  const unjudgedSample: CorpusFinding[] = [];
  const doubted: CorpusReport['doubted'] = [];
  const live = new Set<string>();
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

  for (const run of runs) {
    tallyOf(byRepo, run.repo);
    const unique = new Map<string, CorpusFinding>();
    for (const f of run.findings) {
      tallyOf(byRule, f.code).bySeverity[f.severity]++;
      tallyOf(byRepo, run.repo).bySeverity[f.severity]++;
      const key = labelKey(f);
      const kept = unique.get(key);
      if (!kept || rank[f.severity] < rank[kept.severity]) unique.set(key, f);
    }
    const sampled = new Set(sampleWarnings([...unique.values()]).map(labelKey));
    for (const [key, f] of unique) {
      live.add(key);
      const label = labelOf.get(key);
      const rule = tallyOf(byRule, f.code);
      const repo = tallyOf(byRepo, run.repo);
      if (label) {
        if (f.severity === 'error' || f.severity === 'warning') {
          rule[f.severity][label.verdict]++;
          repo[f.severity][label.verdict]++;
        }
        if (f.severity === 'error') errorVerdicts[label.verdict]++;
        if (label.verdict !== 'T') doubted.push({ finding: f, label });
      } else if (f.severity === 'error' || sampled.has(key)) {
        rule.unjudged++;
        repo.unjudged++;
        (f.severity === 'error' ? unjudgedErrors : unjudgedSample).push(f);
      }
    }
  }

  const stale = labels.filter((l) => !live.has(labelKey(l)));
  const foldersWithContent = runs.reduce((n, r) => n + r.foldersWithContent.length, 0);
  const foldersYieldingNothing = runs.flatMap((r) => r.foldersYieldingNothing.map((d) => `${r.repo}/${d}`));
  const report = { runs, byRule, byRepo, errorVerdicts, unjudgedErrors, unjudgedSample, stale, doubted, foldersWithContent, foldersYieldingNothing };
  return { ...report, failures: failuresOf(report) };
}

const pct = (p: number | undefined) => (p === undefined ? '-' : `${(100 * p).toFixed(1)} %`);
const row = (f: CorpusFinding, extra = '') => `  ${f.repo}\t${f.file}:${f.line}\t${f.code}\t${extra || f.message}`;

function failuresOf(r: Omit<CorpusReport, 'failures'>): string[] {
  const failures: string[] = [];
  if (r.unjudgedErrors.length) {
    failures.push(
      `${r.unjudgedErrors.length} error-level finding(s) have no label in test/corpus/labels.tsv (\`npm run corpus:report -- --unjudged\` prints them as rows to label):\n` +
        r.unjudgedErrors.map((f) => row(f)).join('\n'),
    );
  }
  const errorPrecision = precision(r.errorVerdicts);
  if (errorPrecision !== undefined && errorPrecision < THRESHOLDS.errorPrecision) {
    const rows = r.doubted.filter((d) => d.finding.severity === 'error').map((d) => row(d.finding, `${d.label.verdict}: ${d.label.why}`));
    failures.push(`error precision ${pct(errorPrecision)} is below ${pct(THRESHOLDS.errorPrecision)}; the false and borderline errors:\n${rows.join('\n')}`);
  }
  for (const [code, tally] of [...r.byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const p = precision(tally.warning);
    if (p === undefined || p >= THRESHOLDS.warningPrecision) continue;
    const rows = r.doubted
      .filter((d) => d.finding.severity === 'warning' && d.finding.code === code)
      .map((d) => row(d.finding, `${d.label.verdict}: ${d.label.why}`));
    failures.push(`warning rule ${code}: precision ${pct(p)} is below ${pct(THRESHOLDS.warningPrecision)}; the false and borderline ones:\n${rows.join('\n')}`);
  }
  const share = r.foldersWithContent ? r.foldersYieldingNothing.length / r.foldersWithContent : 0;
  if (share > THRESHOLDS.emptyShare) {
    failures.push(
      `${r.foldersYieldingNothing.length} of ${r.foldersWithContent} spec folders with content (${pct(share)}, more than ${pct(THRESHOLDS.emptyShare)}) yield nothing:\n` +
        r.foldersYieldingNothing.map((d) => `  ${d}`).join('\n'),
    );
  }
  return failures;
}

/** A fixed-width table; the first column left-aligned, the others right-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

function tallyCells(t: Tally): string[] {
  const judged = (v: VerdictCounts) => `${v.T}/${v.F}/${v.B}`;
  return [
    String(t.bySeverity.error),
    String(t.bySeverity.warning),
    String(t.bySeverity.info),
    String(t.bySeverity.hint),
    judged(t.error),
    pct(precision(t.error)),
    judged(t.warning),
    pct(precision(t.warning)),
    String(t.unjudged),
  ];
}

const TALLY_HEAD = ['error', 'warning', 'info', 'hint', 'err T/F/B', 'err prec', 'warn T/F/B', 'warn prec', 'unjudged'];

/** The human report of `npm run corpus:report`. */
export function formatReport(r: CorpusReport): string {
  const out: string[] = [];
  const sorted = (m: Map<string, Tally>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  out.push('Per rule (unjudged = error-level findings and sampled warnings without a label)');
  out.push(
    table(
      ['rule', ...TALLY_HEAD],
      sorted(r.byRule).map(([k, t]) => [k, ...tallyCells(t)]),
    ),
  );
  out.push('', 'Per repository');
  out.push(
    table(
      ['repository', ...TALLY_HEAD, 'empty folders'],
      sorted(r.byRepo).map(([k, t]) => [k, ...tallyCells(t), String(r.runs.find((x) => x.repo === k)?.foldersYieldingNothing.length ?? 0)]),
    ),
  );
  out.push('', `Unjudged error-level findings: ${r.unjudgedErrors.length}`, ...r.unjudgedErrors.map((f) => row(f)));
  out.push('', `Unjudged sampled warnings: ${r.unjudgedSample.length}`, ...r.unjudgedSample.map((f) => row(f)));
  out.push(
    '',
    `Stale labels (their finding is gone; \`--prune\` removes them): ${r.stale.length}`,
    ...r.stale.map((l) => `  ${l.repo}\t${l.file}:${l.line}\t${l.code}\t${l.verdict}`),
  );
  out.push(
    '',
    `Spec folders with content that yielded nothing: ${r.foldersYieldingNothing.length} of ${r.foldersWithContent}`,
    ...r.foldersYieldingNothing.map((d) => `  ${d}`),
  );
  const ep = precision(r.errorVerdicts);
  out.push(
    '',
    `Error precision: ${pct(ep)} (${r.errorVerdicts.T} T, ${r.errorVerdicts.F} F, ${r.errorVerdicts.B} B; bar ${pct(THRESHOLDS.errorPrecision)})`,
    r.failures.length ? `FAILING (${r.failures.length}):\n${r.failures.join('\n')}` : 'All bars met.',
  );
  return out.join('\n') + '\n';
}

/** Unjudged error-level findings and sampled warnings as labels.tsv rows: fill in the verdict and replace the message by the reason. */
export function unjudgedRows(r: CorpusReport): string {
  return (
    [...r.unjudgedErrors, ...r.unjudgedSample].map((f) => [f.repo, f.file, String(f.line), f.code, '', `${f.severity}: ${f.message}`].join('\t')).join('\n') +
    '\n'
  );
}
