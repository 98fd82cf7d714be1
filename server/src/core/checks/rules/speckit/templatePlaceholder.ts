import { SpecRule } from '../../rule';

/** `[PROJECT_NAME]`-style placeholders left in `.specify/memory/constitution.md`. */
export const templatePlaceholder: SpecRule = {
  meta: {
    code: 'structure.template-placeholder',
    defaultSeverity: 'warning',
    summary: 'The spec-kit constitution still holds an unfilled `[ALL_CAPS]` template placeholder.',
    description:
      'The constitution is the rule set every plan is checked against. A placeholder such as `[PRINCIPLE_1_NAME]` ' +
      'means `/speckit.constitution` was not run or not finished, and agents will read the template text as a rule.',
    bad: '### [PRINCIPLE_1_NAME]\n[PRINCIPLE_1_DESCRIPTION]',
    good: '### I. Library-First\nEvery feature starts as a standalone library.',
  },
  formats: ['speckit'],
  check(spec, report) {
    const file = spec.files.constitution;
    if (file?.extras?.type !== 'speckit') return;
    for (const m of file.extras.placeholders) {
      report({ path: file.path, range: m.range, message: `Unfilled template placeholder [${m.text}] in the constitution.` });
    }
  },
};
