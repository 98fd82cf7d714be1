// @spec specthread-core#19.2
import { clauses } from './clauses';
import { designMarkdown } from './design';
import { introduction, verifiedByLine } from './kiro';
import { Draft, DraftFile, DraftRequirement } from './model';

/** The scenario heading of criterion `n` (from 1) of a requirement. */
export function scenarioName(r: DraftRequirement, n: number): string {
  return `${r.slug} ${n}`;
}

/**
 * An OpenSpec capability: spec.md with one `### Requirement:` per capability (its SHALL
 * statement) and one scenario per criterion, and design.md beside it.
 */
export function writeOpenSpec(draft: Draft): DraftFile[] {
  const dir = `openspec/specs/${draft.name}`;
  const spec: string[] = [`# ${draft.title} Specification`, '', '## Purpose', '', introduction(draft), '', '## Requirements', ''];
  for (const r of draft.requirements) {
    spec.push(
      `### Requirement: ${r.title}`,
      '',
      `The system SHALL provide ${r.story ? r.story.want : `the behaviour its tests in ${r.title.replace(/^Behaviour tested in /, '')} describe`}.`,
      '',
    );
    r.criteria.forEach((c, j) => {
      const { when, then } = clauses(c.text);
      spec.push(`#### Scenario: ${scenarioName(r, j + 1)}`, '', `- **WHEN** ${when}`, `- **THEN** ${then}`);
      const verified = verifiedByLine(c);
      if (verified) spec.push(`- **AND** it is ${verified.replace(/^Verified/, 'verified')}`);
      spec.push('');
    });
  }
  return [
    { path: `${dir}/spec.md`, text: spec.join('\n') },
    { path: `${dir}/design.md`, text: designMarkdown(draft) },
  ];
}
