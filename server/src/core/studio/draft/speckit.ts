// @spec specthread-core#19.2
import { clauses } from './clauses';
import { designMarkdown } from './design';
import { introduction, verifiedByLine } from './kiro';
import { Draft, DraftFile } from './model';

/**
 * A spec-kit feature folder: spec.md (one user story per requirement, its criteria as acceptance
 * scenarios and functional requirements FR-NNN), plan.md (the design) and tasks.md for what no
 * test verifies.
 */
export function writeSpecKit(draft: Draft): DraftFile[] {
  const dir = `specs/001-${draft.name}`;
  const spec: string[] = [
    `# Feature Specification: ${draft.title}`,
    '',
    `**Feature Branch**: \`001-${draft.name}\``,
    '**Status**: Draft',
    '',
    `**Input**: ${introduction(draft)}`,
    '',
  ];
  spec.push('## User Scenarios & Testing *(mandatory)*', '');
  const frs: string[] = [];
  const tasks: string[] = [];
  let fr = 0;
  draft.requirements.forEach((r, i) => {
    const story = r.story
      ? `As a ${r.story.role}, I want ${r.story.want}, so that ${r.story.benefit}.`
      : `The behaviour the tests in ${r.title.replace(/^Behaviour tested in /, '')} describe.`;
    spec.push(`### User Story ${i + 1} - ${r.title} (Priority: P${i < 3 ? i + 1 : 3})`, '', story, '', '**Acceptance Scenarios**:', '');
    r.criteria.forEach((c, j) => {
      const { when, then } = clauses(c.text);
      const id = `FR-${String(++fr).padStart(3, '0')}`;
      spec.push(`${j + 1}. **Given** the code as drafted, **When** ${when}, **Then** ${then.replace(/\bSHALL\b/, 'MUST')} (${id})`);
      const verified = verifiedByLine(c);
      frs.push(`- **${id}**: ${c.text.replace(/\bSHALL\b/, 'MUST')}${verified ? `. ${verified}` : ''}`);
      if (!c.verifiedBy.length) tasks.push(`- [ ] T${String(tasks.length + 1).padStart(3, '0')} [US${i + 1}] Write a test for ${id}`);
    });
    spec.push('');
  });
  spec.push('## Requirements *(mandatory)*', '', '### Functional Requirements', '', ...frs, '');
  const plan = designMarkdown(draft).replace(/^# Design Document/, `# Implementation Plan: ${draft.title}`);
  const taskFile = [
    '# Tasks: ' + draft.title,
    '',
    '## Phase 1: Tests for what no test verifies',
    '',
    ...(tasks.length ? tasks : ['Every requirement has a test.']),
    '',
  ];
  return [
    { path: `${dir}/spec.md`, text: spec.join('\n') },
    { path: `${dir}/plan.md`, text: plan },
    { path: `${dir}/tasks.md`, text: taskFile.join('\n') },
  ];
}
