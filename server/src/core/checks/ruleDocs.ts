import { PARSE_FAILED } from './parseRules';
import { SPEC_RULES } from './registry';
import { WORKSPACE_RULES } from './workspaceRegistry';
import { CONFIG_INVALID } from './configRules';
import { RuleMeta } from './rule';

/** Every rule the engine can report, in reference order. */
export function allRuleMetas(): RuleMeta[] {
  return [...SPEC_RULES.map((r) => r.meta), ...WORKSPACE_RULES.map((r) => r.meta), PARSE_FAILED, CONFIG_INVALID];
}

/** Renders docs/rules.md from the registry, so the reference cannot drift from the code. */
export function renderRulesReference(): string {
  const metas = allRuleMetas();
  const out: string[] = [
    '# Rule reference',
    '',
    '<!-- Generated from server/src/core/checks/registry.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every finding SpecThread reports has a stable code. Change a severity, or turn a rule off, with',
    '`specthread.rules` in VS Code settings, e.g. `{ "structure.numbering-gap": "off", "coverage": "info" }`',
    '(a family name such as `coverage` sets every rule in it). Severities: `error`, `warning`, `info`, `hint`, `off`.',
    '',
    '| Code | Default | What it finds |',
    '| --- | --- | --- |',
    ...metas.map((m) => `| [\`${m.code}\`](#${anchor(m.code)}) | ${m.defaultSeverity} | ${m.summary} |`),
    '',
  ];
  for (const m of metas) {
    out.push(`## ${m.code}`, '', `Default severity: **${m.defaultSeverity}**`, '', m.description, '', 'Flagged:', '', '```markdown', m.bad, '```', '', 'Fine:', '', '```markdown', m.good, '```', '');
  }
  return out.join('\n');
}

function anchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}
