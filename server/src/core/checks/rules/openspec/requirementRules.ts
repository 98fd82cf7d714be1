// @spec specthread-core#13.2, specthread-core#16.6
import { SpecRule } from '../../rule';
import { openSpecExtras } from './helpers';
import { checkLength, checkScenarios, checkShall, scenarioFree } from './requirementShape';

export const requirementWithoutShall: SpecRule = {
  meta: {
    code: 'structure.requirement-without-shall',
    // Wording: the requirement is read and archived either way, and teams write SHOULD and MAY on
    // purpose for optional behaviour, so this is a note that openspec validate will fail, not a
    // warning (docs/severity-policy.md; measured on the corpus labels).
    defaultSeverity: 'info',
    summary: 'An OpenSpec requirement has no text, or its text has no SHALL or MUST, so `openspec validate` fails on it.',
    description:
      'OpenSpec requirements are normative statements: the line after `### Requirement:` must say what the system ' +
      'SHALL or MUST do. A keyword that appears only in the header does not count, as in `openspec validate`, which ' +
      'rejects the spec. The requirement is still read and archived, and SHOULD or MAY is often deliberate, so this is a note.',
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
      'Scenarios are how OpenSpec requirements are verified; `openspec validate` rejects a requirement without one, and ' +
      '`openspec archive` stops on a spec it would write with one. Scenarios written as bullets, or headers with nothing under them, do not count. ' +
      'A main spec none of whose requirements has a scenario gets one `structure.spec-without-scenarios` note instead.',
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

/** A main spec written without scenarios throughout: one note, where a slip gets requirement-without-scenario. */
export const specWithoutScenarios: SpecRule = {
  meta: {
    code: 'structure.spec-without-scenarios',
    defaultSeverity: 'info',
    summary: 'No requirement of an OpenSpec main spec has a `#### Scenario:`; `openspec validate` rejects each.',
    description:
      'When none of the requirements of a main spec has a scenario, its authors describe behaviour in prose on purpose, ' +
      'and a warning per requirement would only repeat that choice. This one note on the first requirement says ' +
      '`openspec validate` rejects every one of them (and `openspec archive` stops when a change touches the capability). ' +
      'A single requirement without a scenario among others that have ' +
      'them, and any delta requirement without one, is `structure.requirement-without-scenario`.',
    bad: '### Requirement: Export\nThe system SHALL export CSV.\n\n### Requirement: Import\nThe system SHALL import CSV.',
    good: '### Requirement: Export\nThe system SHALL export CSV.\n\n#### Scenario: Export a report\n- **WHEN** the user clicks Export\n- **THEN** a CSV downloads',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived) return;
    for (const file of spec.fileList) {
      if (!scenarioFree(file)) continue;
      const blocks = openSpecExtras(file)!.requirementBlocks;
      report({
        path: file.path,
        range: blocks[0]!.range,
        message: `None of the ${blocks.length} requirements has a #### Scenario:, so openspec validate rejects each and openspec archive stops when a change touches this spec; add WHEN/THEN scenarios where a requirement needs to be verified.`,
      });
    }
  },
};
