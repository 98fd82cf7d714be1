// @spec specthread-core#13.2, specthread-core#16.6
import { SpecRule } from '../../rule';
import { OpenSpecExtras } from '../../../extras';
import { Heading, SpecFileFacts } from '../../../model';
import { openSpecExtras, section } from './helpers';

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
    bad: '## ADDED Requirements\n### Requirement: Login\nThe system SHALL …\n\n## Notes\n### Requirement: Audit log\nThe system SHALL …',
    good: '## ADDED Requirements\n### Requirement: Audit log\nThe system SHALL …',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived) return;
    for (const f of spec.fileList) {
      const extras = openSpecExtras(f);
      if (!extras) continue;
      // A main spec without both sections is one missing-section finding already; openspec
      // stops there too, and listing every requirement as "ignored" would only repeat it.
      const parsable = f.kind !== 'spec' || (section(extras, 'Purpose') && section(extras, 'Requirements'));
      for (const { m, hidden } of parsable ? groupBySection(extras.misplaced, f.headings) : []) {
        report({
          path: f.path,
          range: m.range,
          message:
            m.what === 'delta-header'
              ? `Delta header "${m.text}" in a main spec${hidden ? ` hides the ${hidden} requirement${hidden > 1 ? 's' : ''} below it from OpenSpec` : ''}; delta sections belong in openspec/changes/<id>/specs/<capability>/spec.md and cut the Requirements section short here.`
              : hidden
                ? `"${m.text}" and ${hidden} more requirement${hidden > 1 ? 's' : ''} below it are outside the ## Requirements section, so OpenSpec does not see them.`
                : `"${m.text}" is outside the ## Requirements section, so OpenSpec does not see it.`,
        });
      }
      const delta = extras.delta;
      if (!delta) continue;
      if (f.kind === 'delta' && !/\/specs\/.+\/spec\.md$/.test(f.path)) {
        report({
          path: f.path,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: misplacedDeltaMessage(f.path, spec.fileList),
        });
      }
      // With no delta section at all, delta-shape's one finding names the requirements that
      // stand outside (and a misplaced file is ignored whole, as said above): a second finding
      // on the same file would only repeat it.
      const orphans = delta.sections.length === 0 ? [] : delta.orphans;
      for (const o of orphans) {
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

type Misplaced = OpenSpecExtras['misplaced'][number];

/**
 * One finding per `##` section, not per requirement: requirements inside a delta section of a
 * main spec are hidden by that section's header, whose finding names how many; requirements
 * under any other section (`## Domain: …`, `## Notes`, or above `## Requirements`) are reported on
 * the first of them, naming how many more share its section. The author fixes a section at a
 * time, and openspec's one error per requirement would only repeat the first.
 */
function groupBySection(misplaced: readonly Misplaced[], headings: readonly Heading[]): { m: Misplaced; hidden: number }[] {
  const sectionStarts = headings.filter((h) => h.depth <= 2).map((h) => h.range.start.line);
  const out: { m: Misplaced; hidden: number; end: number }[] = [];
  let open: { m: Misplaced; hidden: number; end: number } | undefined;
  for (const m of [...misplaced].sort((a, b) => a.range.start.line - b.range.start.line)) {
    const line = m.range.start.line;
    if (m.what === 'requirement' && open && line < open.end) {
      open.hidden++;
      continue;
    }
    // A delta header is itself a section start, so its section ends at the next one after it.
    open = { m, hidden: 0, end: sectionStarts.find((s) => s > line) ?? Number.MAX_SAFE_INTEGER };
    out.push(open);
  }
  return out.map(({ m, hidden }) => ({ m, hidden }));
}

/**
 * Where a delta file OpenSpec ignores belongs. A file inside a capability folder
 * (`specs/cli/spec-delta.md`) belongs to that capability, so the fix is its `spec.md`, merged
 * into the one already there if there is one; a flat `specs/cli.md` becomes `specs/cli/spec.md`.
 */
function misplacedDeltaMessage(path: string, files: readonly SpecFileFacts[]): string {
  const rest = /\/specs\/(.*)$/.exec(path)?.[1] ?? '';
  const slash = rest.lastIndexOf('/');
  const cap = slash >= 0 ? rest.slice(0, slash) : rest === 'spec.md' ? '' : rest.replace(/\.md$/, '');
  if (!cap) return 'A delta spec at specs/spec.md has no capability folder and is ignored when the change is archived; move it to specs/<capability>/spec.md.';
  const target = `${path.slice(0, path.length - rest.length)}${cap}/spec.md`;
  return files.some((g) => g.path === target)
    ? `OpenSpec reads only specs/${cap}/spec.md as this capability's delta, so this file is ignored when the change is archived; merge what it changes into specs/${cap}/spec.md.`
    : `Delta specs must be specs/<capability>/spec.md; this file is ignored when the change is archived. Move it to specs/${cap}/spec.md.`;
}
