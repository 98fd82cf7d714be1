// @spec specthread-core#19.2
import { Draft } from './model';

/** design.md: the modules, what each provides, and a Mermaid diagram of the imports between them. */
export function designMarkdown(draft: Draft): string {
  const lines = [
    '# Design Document',
    '',
    '## Overview',
    '',
    `The modules of ${draft.title} and how they depend on each other, as the code has them today.`,
    '',
    '## Modules',
    '',
  ];
  lines.push('| Module | File | Language | Public names | Imports |', '| --- | --- | --- | --- | --- |');
  for (const m of draft.modules) lines.push(`| \`${m.module}\` | \`${m.path}\` | ${m.language} | ${m.publicNames} | ${m.dependsOn.length} |`);
  lines.push('', '## Dependencies', '', '```mermaid', 'graph LR');
  const ids = new Map(draft.modules.map((m, i) => [m.module, `m${i}`]));
  for (const m of draft.modules) lines.push(`  ${ids.get(m.module)}["${m.module.replace(/"/g, "'")}"]`);
  for (const m of draft.modules) for (const d of m.dependsOn) if (ids.has(d)) lines.push(`  ${ids.get(m.module)} --> ${ids.get(d)}`);
  lines.push('```', '');
  return lines.join('\n');
}
