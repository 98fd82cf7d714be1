import { SpecRule } from '../../rule';
import { checkLength, checkScenarios, checkShall } from './requirementShape';

export const requirementWithoutShall: SpecRule = {
  meta: {
    code: 'structure.requirement-without-shall',
    defaultSeverity: 'warning',
    summary: 'An OpenSpec requirement has no text, or its text has no SHALL or MUST.',
    description:
      'OpenSpec requirements are normative statements: the line after `### Requirement:` must say what the system ' +
      'SHALL or MUST do. A keyword that appears only in the header does not count, as in `openspec validate`.',
    bad: '### Requirement: Export\nUsers can export reports.',
    good: '### Requirement: Export\nThe system SHALL export a report as CSV when the user asks for it.',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (!spec.archived) checkShall(spec.fileList, report);
  },
};

export const requirementWithoutScenario: SpecRule = {
  meta: {
    code: 'structure.requirement-without-scenario',
    defaultSeverity: 'warning',
    summary: 'An OpenSpec requirement (or ADDED / MODIFIED delta) has no `#### Scenario:` with content.',
    description:
      'Scenarios are how OpenSpec requirements are verified; `openspec validate` rejects a delta requirement without ' +
      'one and warns on a main-spec requirement. Scenarios written as bullets, or headers with nothing under them, do not count.',
    bad: '### Requirement: Export\nThe system SHALL export CSV.\n\n- Scenario: export works',
    good: '### Requirement: Export\nThe system SHALL export CSV.\n\n#### Scenario: Export a report\n- **WHEN** the user clicks Export\n- **THEN** a CSV downloads',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (!spec.archived) checkScenarios(spec.fileList, report);
  },
};

export const requirementTooLong: SpecRule = {
  meta: {
    code: 'structure.requirement-too-long',
    defaultSeverity: 'hint',
    summary: "An OpenSpec requirement's text is longer than 500 characters.",
    description: 'Long requirement statements usually bundle several requirements; splitting them gives each its own scenarios and history.',
    bad: '### Requirement: Everything\nThe system SHALL … (600 characters)',
    good: '### Requirement: Export\nThe system SHALL export CSV.\n\n### Requirement: Import\nThe system SHALL import CSV.',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (!spec.archived) checkLength(spec.fileList, report);
  },
};
