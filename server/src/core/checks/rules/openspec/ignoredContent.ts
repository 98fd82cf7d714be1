import { deltaCapability } from '../../../formats/openspec/layout';
import { SpecRule } from '../../rule';
import { openSpecExtras } from './helpers';

/** Content OpenSpec silently skips: requirements outside their section, stray headings, misplaced delta files. */
export const ignoredContent: SpecRule = {
  meta: {
    code: 'structure.ignored-content',
    defaultSeverity: 'warning',
    summary: 'OpenSpec content that `openspec` ignores: a requirement outside its section, a stray heading, a misplaced delta file.',
    description:
      'OpenSpec reads requirements only inside `## Requirements` (main specs) or the four delta sections (change ' +
      'specs), only `### Requirement:` headings inside ADDED/MODIFIED sections, and only `specs/<capability>/spec.md` ' +
      'files in a change. Anything else is silently dropped when the change is archived, so the author believes ' +
      'something is specified that is not.',
    bad: '## Notes\n### Requirement: Audit log\nThe system SHALL …',
    good: '## ADDED Requirements\n### Requirement: Audit log\nThe system SHALL …',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived) return;
    for (const f of spec.fileList) {
      const extras = openSpecExtras(f);
      if (!extras) continue;
      for (const m of extras.misplaced) {
        report({
          path: f.path,
          range: m.range,
          message:
            m.what === 'delta-header'
              ? `Delta header "${m.text}" in a main spec; delta sections belong in openspec/changes/<id>/specs/<capability>/spec.md and cut the Requirements section short here.`
              : `"${m.text}" is outside the ## Requirements section, so OpenSpec does not see it.`,
        });
      }
      const delta = extras.delta;
      if (!delta) continue;
      if (f.kind === 'delta' && !/\/specs\/.+\/spec\.md$/.test(f.path)) {
        const cap = deltaCapability(f.path);
        report({
          path: f.path,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: cap
            ? `Delta specs must be specs/<capability>/spec.md; this file is ignored when the change is archived. Move it to specs/${cap}/spec.md.`
            : 'A delta spec at specs/spec.md has no capability folder and is ignored when the change is archived; move it to specs/<capability>/spec.md.',
        });
      }
      for (const o of delta.orphans) {
        report({
          path: f.path,
          range: o.range,
          message: `Requirement "${o.name}" is ${o.section ? `under "## ${o.section}"` : 'above the first ## section'}, not in a delta section, so it is ignored. Move it under ## ADDED, MODIFIED, REMOVED or RENAMED Requirements.`,
        });
      }
      for (const h of delta.strayHeaders) {
        report({
          path: f.path,
          range: h.range,
          message: `"### ${h.header}" in ${h.section} is not a "### Requirement:" header and is ignored.${/^requirement:?$/i.test(h.header) ? " Add the requirement's name." : ` Write "### Requirement: ${h.header}" if it is one.`}`,
        });
      }
    }
  },
};
