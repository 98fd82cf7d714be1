// @spec specthread-core#17.1
/**
 * The HTML report's inline style and script: no file, font or script is fetched (the page's
 * Content-Security-Policy forbids it), so the report opens offline, attached to a CI run or mailed.
 * Colours follow the reader's light or dark preference.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --card: #f6f8fa;
  --error: #cf222e; --warning: #9a6700; --info: #0969da; --hint: #59636e; --ok: #1a7f37; --bar: #dde3e9; --link: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --card: #151b23;
    --error: #ff7b72; --warning: #d29922; --info: #58a6ff; --hint: #9198a1; --ok: #3fb950; --bar: #2a313c; --link: #58a6ff; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; } h3 { font-size: 15px; margin: 18px 0 6px; }
a { color: var(--link); }
code, pre, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.muted { color: var(--muted); }
.counts { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.count { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.count b { display: block; font-size: 20px; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 11px; letter-spacing: .04em; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); } .sev-hint { color: var(--hint); }
.controls { display: flex; gap: 8px; margin: 12px 0; position: sticky; top: 0; background: var(--bg); padding: 8px 0; }
.controls input, .controls select { font: inherit; color: var(--fg); background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; }
.controls input { flex: 1; }
.finding { border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; padding: 8px 12px; margin: 6px 0; background: var(--card); }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); } .finding.hint { border-left-color: var(--hint); }
.finding pre { margin: 6px 0 0; padding: 6px 8px; background: var(--bg); border-radius: 4px; overflow-x: auto; white-space: pre-wrap; }
.bar { height: 8px; background: var(--bar); border-radius: 4px; overflow: hidden; width: 220px; display: inline-block; vertical-align: middle; }
.bar > span { display: block; height: 100%; background: var(--ok); }
table { border-collapse: collapse; margin: 8px 0; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.full { color: var(--ok); } td.none { color: var(--error); } td.part { color: var(--warning); }
.hidden { display: none; }
`;

/** Filter and search: hides findings (and emptied spec groups) that do not match. */
export const REPORT_SCRIPT = `
(function () {
  var q = document.getElementById('q'), sev = document.getElementById('sev');
  function apply() {
    var text = q.value.toLowerCase(), level = sev.value;
    document.querySelectorAll('.finding').forEach(function (el) {
      var show = (!level || el.dataset.severity === level) && (!text || el.textContent.toLowerCase().indexOf(text) >= 0);
      el.classList.toggle('hidden', !show);
    });
    document.querySelectorAll('.spec-group').forEach(function (g) {
      g.classList.toggle('hidden', !g.querySelector('.finding:not(.hidden)'));
    });
  }
  q.addEventListener('input', apply);
  sev.addEventListener('change', apply);
})();
`;
