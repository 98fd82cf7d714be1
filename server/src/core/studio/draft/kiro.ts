// @spec specthread-core#19.2
import { code } from './buildDraft';
import { Draft, DraftCriterion, DraftFile } from './model';
import { designMarkdown } from './design';

/** `Verified by:` line of a criterion, or nothing when no test exercises it. */
export function verifiedByLine(c: DraftCriterion): string {
  return c.verifiedBy.length ? `Verified by: ${c.verifiedBy.map(code).join(', ')}` : '';
}

/** A Kiro spec: requirements.md (EARS criteria numbered N.M), design.md and tasks.md for what no test verifies. */
export function writeKiro(draft: Draft): DraftFile[] {
  const dir = `.kiro/specs/${draft.name}`;
  const req: string[] = ['# Requirements Document', '', '## Introduction', '', introduction(draft), '', '## Requirements', ''];
  draft.requirements.forEach((r, i) => {
    req.push(`### Requirement ${i + 1}: ${r.title}`, '');
    if (r.story) req.push(`**User Story:** As a ${r.story.role}, I want ${r.story.want}, so that ${r.story.benefit}.`, '');
    req.push('#### Acceptance Criteria', '');
    r.criteria.forEach((c, j) => {
      req.push(`${j + 1}. ${c.text}`);
      const verified = verifiedByLine(c);
      if (verified) req.push(`   ${verified}`);
    });
    req.push('');
  });
  const tasks: string[] = ['# Implementation Plan', ''];
  let n = 0;
  draft.requirements.forEach((r, i) => {
    const untested = r.criteria.map((c, j) => (c.verifiedBy.length ? undefined : `${i + 1}.${j + 1}`)).filter((x): x is string => x !== undefined);
    if (!untested.length) return;
    tasks.push(`- [ ] ${++n}. Write tests for Requirement ${i + 1} (${r.title})`, `  - _Requirements: ${untested.join(', ')}_`, '');
  });
  if (!n) tasks.push('Every criterion has a test.', '');
  return [
    { path: `${dir}/requirements.md`, text: req.join('\n') },
    { path: `${dir}/design.md`, text: designMarkdown(draft) },
    { path: `${dir}/tasks.md`, text: tasks.join('\n') },
  ];
}

export function introduction(draft: Draft): string {
  const c = draft.counts;
  return (
    `Drafted from the code by \`specthread draft\`: ${c.files} files, ${c.publicNames} public names, ${c.routes} routes, ${c.commands} commands and ${c.tests} tests. ` +
    'Each requirement is one capability (a module, a route group, the command line, the configuration); each criterion names the code it came from and lists the tests that verify it. Review and reword before working spec-first.'
  );
}
