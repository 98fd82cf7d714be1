// @spec specthread-core#6.2
import { RULE_REGISTRY } from './registry';
import { RuleMeta } from './rule';
import { PRESET_NAMES } from '../../../../shared/settings';
import { severitiesByPreset } from '../config/presets';

/** Every rule the engine can report, in reference order (see RULE_REGISTRY). */
export function allRuleMetas(): RuleMeta[] {
  return RULE_REGISTRY.map((r) => r.meta);
}

/** Renders docs/rules.md from the registry, so the reference cannot drift from the code. */
export function renderRulesReference(): string {
  const metas = allRuleMetas();
  const out: string[] = [
    '# Rule reference',
    '',
    '<!-- Generated from the rule registry (server/src/core/checks/registry.ts) by `npm run docs`; do not edit by hand. -->',
    '',
    'Every finding SpecThread reports has a stable code. Change a severity, or turn a rule off, with',
    '`rules` in `specthread.json` at the workspace root or `specthread.rules` in VS Code settings, e.g.',
    '`{ "structure.numbering-gap": "off", "coverage": "info" }` (a family name such as `coverage` sets every rule',
    'in it). Severities: `error`, `warning`, `info`, `hint`, `off`. Rules marked *off* are opt-in.',
    '',
    'Which rule gets which severity follows the [severity policy](severity-policy.md): an error means the thread is',
    'certainly broken, a warning is almost certainly worth fixing, and style and taste are hints or off. A preset',
    '(`"preset"` in `specthread.json`, `specthread.preset` in VS Code, `--preset` on the CLI) picks the defaults:',
    '`recommended` (the default), `strict` (every rule on, style as warnings) or `ears` (EARS and wording rules as',
    'warnings). Rule and family settings apply on top of the preset, and per-path overrides on top of those.',
    '',
    '## Configuration',
    '',
    '```jsonc',
    '// specthread.json (VS Code settings `specthread.*` are layered on top)',
    '{',
    '  "preset": "recommended",',
    '  "rules": { "quality": "info", "ears.then-after-when": "warning" },',
    '  // per-path severities, workspace-relative globs; later entries win',
    '  "overrides": [{ "files": [".kiro/specs/legacy-*/**"], "rules": { "ears": "off" } }],',
    '  // term lists of the quality rules: an array adds terms; add / remove / replace for more control',
    '  "terms": { "quality.vague-term": { "add": ["snappy"], "remove": ["minimal"] } },',
    '  "ears": { "clauseOrder": ["WHERE", "WHILE", "WHEN|IF"] },',
    '  "baseline": ".specthread-baseline.json"',
    '}',
    '```',
    '',
    'Suppress findings inline with Markdown comments, which do not render:',
    '`<!-- specthread-disable-next-line quality.vague-term -->`, `… <!-- specthread-disable-line ears -->` at the',
    'end of a line, `<!-- specthread-disable quality -->` … `<!-- specthread-enable quality -->` around a region, or',
    '`<!-- specthread-disable-file ears.unknown-system -->` anywhere in a file. No codes means every rule; text after',
    '` -- ` is a reason. Every finding has a quick fix that inserts such a comment.',
    '',
    'To adopt SpecThread on a repository with many findings, run `specthread check --write-baseline`: it records',
    'the current findings in `.specthread-baseline.json` (fingerprints of rule, file and line text, so they survive',
    'lines moving), and from then on only new findings are reported, by the CLI and the editor alike.',
    '`--no-baseline` shows everything.',
    '',
    '## Rules',
    '',
    `| Code | ${PRESET_NAMES.join(' | ')} | What it finds |`,
    `| --- | ${PRESET_NAMES.map(() => '---').join(' | ')} | --- |`,
    ...metas.map((m) => `| [\`${m.code}\`](#${ruleAnchor(m.code)}) | ${Object.values(severitiesByPreset(m)).join(' | ')} | ${m.summary} |`),
    '',
  ];
  for (const m of metas) {
    out.push(
      `### ${m.code}`,
      '',
      `Default severity: **${m.defaultSeverity}**${presetNote(m)}${m.fixable ? ' · has a quick fix' : ''}`,
      '',
      m.description,
      '',
      'Flagged:',
      '',
      '```markdown',
      m.bad,
      '```',
      '',
      'Fine:',
      '',
      '```markdown',
      m.good,
      '```',
      '',
    );
  }
  return out.join('\n');
}

/** The presets that give the rule another severity than `recommended`, e.g. ` · strict: warning, ears: warning`. */
function presetNote(meta: RuleMeta): string {
  const other = Object.entries(severitiesByPreset(meta)).filter(([, severity]) => severity !== meta.defaultSeverity);
  return other.length ? ` · ${other.map(([preset, severity]) => `${preset}: ${severity}`).join(', ')}` : '';
}

/** The anchor of a rule's heading in docs/rules.md (GitHub's heading slug), for links to one rule. */
export function ruleAnchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}
