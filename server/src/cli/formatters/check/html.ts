// @spec specthread-core#17.1
import type { CoverageSummary, RequirementCoverage, SpecCoverage } from '../../../../../shared/coverage';
import { Finding } from '../../../core/findings';
import { escapeMarkup as h } from '../markup';
import { flaggedLine, position, ruleDocUrl } from '../findingFacts';
import { groupBySpec, relativePath } from '../paths';
import { CheckReport, FormatContext, Formatter } from '../types';
import { REPORT_CSS, REPORT_SCRIPT } from './htmlAssets';

/** Excerpts are one line; a longer line is cut so the page stays readable. */
const MAX_EXCERPT = 240;

/**
 * One self-contained HTML page: the counts, the findings grouped by spec with the flagged line,
 * each spec's progress and a requirement × {tasks, code, tests, test results} matrix. Links point
 * to the files relative to the report (`outputDir`), or under `--source-url`. Nothing in it
 * depends on the time or the machine, so the same input gives the same bytes; the VS Code
 * "Export Report" command can render it from the same data.
 */
export const formatCheckHtml: Formatter<CheckReport> = (report, context) => {
  const { summary } = report;
  const c = summary.counts;
  const body = [
    '<h1>SpecThread report</h1>',
    `<p class="muted">${summary.specs} spec${summary.specs === 1 ? '' : 's'}, ${summary.files} files checked.</p>`,
    '<div class="counts">',
    ...(['error', 'warning', 'info', 'hint'] as const).map((s) => `<div class="count"><b class="sev-${s}">${c[s]}</b>${s === 'info' ? 'info' : `${s}s`}</div>`),
    ...(report.coverage ? [`<div class="count"><b>${report.coverage.summary.percent}%</b>criteria complete</div>`] : []),
    '</div>',
    ...coverageSection(report, context),
    ...findingsSection(report, context),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may be fetched: the report must open offline and cannot leak what it shows.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>SpecThread report</title>',
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
};

/** The link to a file (and line): under --source-url (GitHub's `#L12` anchors), else relative to the report. */
function href(file: string, line: number | undefined, { cwd, sourceUrl, outputDir }: FormatContext): string {
  if (sourceUrl) {
    const rel = relativePath(file, cwd).split('/').map(encodeURIComponent).join('/');
    return `${sourceUrl.replace(/\/+$/, '')}/${rel}${line ? `#L${line}` : ''}`;
  }
  return relativePath(file, outputDir ?? cwd)
    .split('/')
    .map(encodeURIComponent)
    .join('/');
}

function findingsSection(report: CheckReport, context: FormatContext): string[] {
  const out = [
    '<h2>Findings</h2>',
    '<div class="controls">',
    '<input id="q" type="search" placeholder="Search findings (file, rule, message)" aria-label="Search findings">',
    '<select id="sev" aria-label="Severity"><option value="">All severities</option><option>error</option><option>warning</option><option>info</option><option>hint</option></select>',
    '</div>',
  ];
  if (!report.findings.length) return [...out, '<p>No findings.</p>'];
  for (const [spec, findings] of groupBySpec(report.findings, report.specDirs, context.cwd)) {
    out.push('<section class="spec-group">', `<h3>${h(spec ?? 'Code, tests and settings')} <span class="muted">(${findings.length})</span></h3>`);
    for (const f of findings) out.push(findingHtml(report, f, context));
    out.push('</section>');
  }
  return out;
}

function findingHtml(report: CheckReport, f: Finding, context: FormatContext): string {
  const { line, column } = position(f);
  const file = relativePath(f.path, context.cwd);
  const excerpt = flaggedLine(report, f);
  const cut = excerpt !== undefined && excerpt.length > MAX_EXCERPT ? `${excerpt.slice(0, MAX_EXCERPT - 1)}…` : excerpt;
  return [
    `<div class="finding ${f.severity}" data-severity="${f.severity}">`,
    `<span class="sev sev-${f.severity}">${f.severity}</span> <a href="${h(ruleDocUrl(f.code))}"><code>${h(f.code)}</code></a> `,
    `<a class="loc" href="${h(href(f.path, line, context))}">${h(file)}:${line}:${column}</a>`,
    `<div>${h(f.message)}</div>`,
    ...(cut !== undefined && cut.trim() ? [`<pre>${line} | ${h(cut)}</pre>`] : []),
    '</div>',
  ].join('');
}

/** `n/m` with how complete it is, as the matrix cells show it. */
function ratio(n: number, of: number): string {
  const cls = of === 0 || n === of ? 'full' : n === 0 ? 'none' : 'part';
  return `<td class="num ${cls}">${n}/${of}</td>`;
}

function bar(s: CoverageSummary): string {
  return `<span class="bar" role="progressbar" aria-valuenow="${s.percent}" aria-valuemin="0" aria-valuemax="100"><span style="width:${s.percent}%"></span></span> ${s.percent}% <span class="muted">(${s.complete}/${s.criteria} criteria)</span>`;
}

function coverageSection(report: CheckReport, context: FormatContext): string[] {
  const specs = report.coverage?.specs.filter((s) => report.specDirs.includes(s.dir)) ?? [];
  if (!specs.length) return [];
  const out = ['<h2>Progress</h2>', '<table>', '<tr><th>Spec</th><th>Complete</th></tr>'];
  for (const s of specs) out.push(`<tr><td><a href="#cov-${h(s.spec)}">${h(s.spec)}</a></td><td>${bar(s.summary)}</td></tr>`);
  out.push('</table>');
  for (const s of specs) out.push(...matrix(s, report, context));
  return out;
}

/** Requirement × {tasks, code, tests, test results}: how many of its criteria reached each. */
function matrix(spec: SpecCoverage, report: CheckReport, context: FormatContext): string[] {
  const out = [
    `<h3 id="cov-${h(spec.spec)}">${h(spec.spec)} <span class="muted">${h(relativePath(spec.dir, context.cwd))}</span></h3>`,
    '<table>',
    '<tr><th>Requirement</th><th>Tasks</th><th>Code</th><th>Tests</th><th>Test results</th></tr>',
  ];
  for (const r of spec.requirements) out.push(requirementRow(r, report, context));
  out.push('</table>');
  return out;
}

function requirementRow(r: RequirementCoverage, report: CheckReport, context: FormatContext): string {
  const at = report.requirementLocations?.get(r.ref);
  const name = `${h(r.id)}${r.title ? ` ${h(r.title)}` : ''}`;
  const label = at ? `<a href="${h(href(at.path, at.line, context))}">${name}</a>` : name;
  const s = r.summary;
  // Test results come with --test-results: criteria a passing test names. Without them the column shows a dash.
  const results = s.passing !== undefined ? ratio(s.passing, s.criteria) : '<td class="num muted">—</td>';
  return `<tr><td>${label}</td>${ratio(s.tasked, s.criteria)}${ratio(s.implemented, s.criteria)}${ratio(s.verified, s.criteria)}${results}</tr>`;
}
