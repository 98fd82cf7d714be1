import { SpecRule } from '../rule';

/** A requirement heading with no acceptance criteria under it. */
export const requirementWithoutCriteria: SpecRule = {
  meta: {
    code: 'structure.requirement-without-criteria',
    defaultSeverity: 'warning',
    summary: 'A requirement has no acceptance criteria.',
    description:
      'Acceptance criteria are what tasks cite and tests verify. A requirement without them cannot be traced or ' +
      'checked, and tasks can only cite it as a whole.',
    bad: '### Requirement 2: Export\n\n**User Story:** As a user, I want to export my data.',
    good: '### Requirement 2: Export\n\n#### Acceptance Criteria\n\n1. WHEN the user selects Export, THE System SHALL download a CSV file',
  },
  formats: ['kiro'],
  check(spec, report) {
    const file = spec.files.requirements;
    if (!file) return;
    for (const r of file.requirements) {
      if (r.criteria.length > 0) continue;
      report({ path: file.path, range: r.range, message: `Requirement ${r.id}${r.title ? ` (${r.title})` : ''} has no acceptance criteria.` });
    }
  },
};
