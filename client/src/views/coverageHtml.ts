// @spec specthread-core#20.2
import type { CoverageSummary } from '../../../shared/coverage';
import type { OverviewRequirement, OverviewSpec, SpecsOverview } from '../../../shared/specsViewProtocol';

/**
 * The Coverage view's page, built from the server's overview: a progress bar per spec and a
 * requirement × {tasks, code, tests, test results} matrix whose cells ask the extension to open
 * the files behind them. Pure (no `vscode` import) so tests read the page a user would see.
 * Colours come from the theme's CSS variables; the Content Security Policy allows only this
 * page's own nonce-tagged style and script, and nothing remote.
 */
export interface CoveragePageOptions {
  /** A fresh random value per render: the only script and style the CSP lets run. */
  readonly nonce: string;
  /** The webview's own source (`webview.cspSource`), for nothing but images it might show. */
  readonly cspSource: string;
  /** False in Restricted Mode: the page says so, and offers nothing that writes. */
  readonly trusted: boolean;
  /** Only requirements with errors, warnings or incomplete criteria. */
  readonly gapsOnly: boolean;
}

/** What a cell sends to the extension: the requirement and the column to open. */
export interface OpenCellMessage {
  readonly type: 'open';
  readonly ref: string;
  readonly column: CoverageColumn;
}
export interface FilterMessage {
  readonly type: 'filter';
  readonly gapsOnly: boolean;
}
export type CoverageMessage = OpenCellMessage | FilterMessage;
export type CoverageColumn = 'requirement' | 'tasks' | 'code' | 'tests';

export function coveragePage(overview: SpecsOverview | undefined, options: CoveragePageOptions): string {
  const { nonce, cspSource } = options;
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>SpecThread Coverage</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${options.trusted ? '' : '<p class="banner" role="status">Restricted Mode: this view is read-only. Trust the workspace to run the commands that write.</p>'}
${overview ? body(overview, options) : '<p class="empty">SpecThread is starting: coverage appears once the workspace is indexed.</p>'}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

function body(overview: SpecsOverview, options: CoveragePageOptions): string {
  const specs = overview.specs.map((s) => specSection(s, overview.testResults, options.gapsOnly)).join('\n');
  return `<header>
<h1>Coverage <span class="percent">${overview.summary.percent}%</span></h1>
${bar(overview.summary)}
<p class="legend">${summaryText(overview.summary)}</p>
<p class="legend key"><span class="swatch complete"></span> complete <span class="swatch implemented"></span> implemented <span class="swatch tasked"></span> tasked</p>
<label class="filter"><input type="checkbox" id="gapsOnly"${options.gapsOnly ? ' checked' : ''}> Gaps and problems only</label>
</header>
${specs || '<p class="empty">No specs found in this workspace.</p>'}`;
}

const isGap = (r: OverviewRequirement) => r.summary.complete < r.summary.criteria || r.problems.errors + r.problems.warnings > 0;

function specSection(s: OverviewSpec, testResults: boolean, gapsOnly: boolean): string {
  const rows = s.requirements.filter((r) => !gapsOnly || isGap(r));
  if (gapsOnly && !rows.length) return '';
  const head = `<tr><th scope="col">Requirement</th><th scope="col">Criteria</th><th scope="col">Tasks</th><th scope="col">Code</th><th scope="col">Tests</th><th scope="col">Test results</th></tr>`;
  const table = rows.length
    ? `<table data-spec="${esc(s.spec)}"><thead>${head}</thead><tbody>${rows.map((r) => row(r, testResults)).join('')}</tbody></table>`
    : '<p class="empty">No requirements.</p>';
  return `<section class="spec" data-spec="${esc(s.spec)}">
<h2>${esc(s.spec)} <span class="format">${esc(s.format)}</span> <span class="percent">${s.summary.percent}%</span></h2>
${bar(s.summary)}
<p class="legend">${summaryText(s.summary)}${s.traced ? '' : ' · no code or test points into this spec yet'}</p>
${table}
</section>`;
}

function row(r: OverviewRequirement, testResults: boolean): string {
  const problems = r.problems.errors + r.problems.warnings;
  const passing = r.criteria.filter((c) => c.passing).length;
  const results = testResults
    ? `<td class="${passing ? 'ok' : 'none'}">${passing}/${r.criteria.length || 1}</td>`
    : '<td class="none" title="No test results: name JUnit reports in the specthread.testResults setting">—</td>';
  return `<tr data-ref="${esc(r.ref)}">
<th scope="row">${cell(r.ref, 'requirement', `${esc(r.id)} ${esc(r.title)}`, 1, r.ref)}${problems ? ` <span class="problems" title="${problems} errors and warnings">⚠ ${problems}</span>` : ''}</th>
<td>${r.summary.complete}/${r.summary.criteria}</td>
<td class="${r.taskLinks.length ? 'ok' : 'none'}">${cell(r.ref, 'tasks', String(r.taskLinks.length), r.taskLinks.length, r.taskLinks.map((l) => l.label).join(', '))}</td>
<td class="${r.codeLinks.length ? 'ok' : 'none'}">${cell(r.ref, 'code', String(r.codeLinks.length), r.codeLinks.length, places(r.codeLinks))}</td>
<td class="${r.testLinks.length ? 'ok' : 'none'}">${cell(r.ref, 'tests', String(r.testLinks.length), r.testLinks.length, places(r.testLinks))}</td>
${results}
</tr>`;
}

const places = (links: readonly { path: string; line: number }[]) => links.map((l) => `${l.path.split('/').pop() ?? l.path}:${l.line + 1}`).join(', ');

/** A cell with something behind it is a button that opens it; an empty cell is plain text. */
function cell(ref: string, column: CoverageColumn, text: string, count: number, title: string): string {
  if (!count) return text;
  return `<button class="open" data-ref="${esc(ref)}" data-column="${column}" title="${esc(title)}">${text}</button>`;
}

/** Criteria tasked, implemented and complete as three layers of one bar: a spec at 0% complete still shows how far it has come. */
function bar(s: CoverageSummary): string {
  const share = (n: number) => (s.criteria ? Math.round((n / s.criteria) * 1000) / 10 : 100);
  return `<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${s.percent}" aria-valuetext="${s.percent}% complete">\
<div class="fill tasked" data-percent="${share(s.tasked)}"></div><div class="fill implemented" data-percent="${share(s.implemented)}"></div>\
<div class="fill complete" data-percent="${s.percent}"></div></div>`;
}

function summaryText(s: CoverageSummary): string {
  return `${s.complete} of ${s.criteria} criteria complete · ${s.tasked} tasked · ${s.implemented} implemented · ${s.verified} verified${s.passing !== undefined ? ` · ${s.passing} passing` : ''}`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Only theme variables: the page follows light, dark and high-contrast themes.
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.4em; margin: 12px 0 6px; } h2 { font-size: 1.1em; margin: 18px 0 6px; }
.format { color: var(--vscode-descriptionForeground); font-weight: normal; font-size: 0.85em; }
.percent { color: var(--vscode-descriptionForeground); font-weight: normal; }
.legend, .empty { color: var(--vscode-descriptionForeground); margin: 4px 0; }
.banner { background: var(--vscode-inputValidation-warningBackground); border: 1px solid var(--vscode-inputValidation-warningBorder); padding: 6px 8px; }
.bar { position: relative; height: 8px; background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-widget-border, var(--vscode-contrastBorder, transparent)); border-radius: 4px; overflow: hidden; max-width: 480px; }
.fill { position: absolute; top: 0; left: 0; height: 100%; }
.fill.tasked { background: var(--vscode-charts-yellow); opacity: 0.45; }
.fill.implemented { background: var(--vscode-charts-blue); opacity: 0.7; }
.fill.complete { background: var(--vscode-charts-green); }
table { border-collapse: collapse; margin-top: 8px; width: 100%; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-widget-border, transparent)); }
thead th { color: var(--vscode-descriptionForeground); font-weight: 600; }
td.none { color: var(--vscode-disabledForeground); }
td.ok button { color: var(--vscode-textLink-foreground); }
button.open { background: none; border: none; padding: 0; font: inherit; color: var(--vscode-textLink-foreground); cursor: pointer; text-align: left; }
button.open:hover { text-decoration: underline; }
button.open:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.problems { color: var(--vscode-editorWarning-foreground); font-weight: normal; }
.filter { display: inline-block; margin: 6px 0; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; vertical-align: middle; margin-left: 8px; }
.swatch.complete { background: var(--vscode-charts-green); } .swatch.implemented { background: var(--vscode-charts-blue); opacity: 0.7; } .swatch.tasked { background: var(--vscode-charts-yellow); opacity: 0.45; }
`;

// Posts the user's clicks to the extension; it never reads or writes files itself. Bar widths are
// set through the CSSOM because the CSP refuses inline style attributes.
const SCRIPT = `
const vscode = acquireVsCodeApi();
for (const fill of document.querySelectorAll('.fill')) fill.style.width = Number(fill.dataset.percent) + '%';
document.addEventListener('click', (e) => {
  const button = e.target.closest('button.open');
  if (button) vscode.postMessage({ type: 'open', ref: button.dataset.ref, column: button.dataset.column });
});
const filter = document.getElementById('gapsOnly');
if (filter) filter.addEventListener('change', () => vscode.postMessage({ type: 'filter', gapsOnly: filter.checked }));
`;
