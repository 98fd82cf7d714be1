// @spec specthread-core#16.1
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
    const placeholders = file.extras.placeholders;
    const first = placeholders[0];
    // A constitution whose title is still `[PROJECT_NAME]` was never filled in: one finding says so,
    // instead of one per placeholder of the untouched template.
    const title = file.headings[0];
    if (first && placeholders.length > 1 && title && first.range.start.line === title.range.start.line) {
      report({
        path: file.path,
        range: first.range,
        message: `The constitution is still the unfilled spec-kit template (${placeholders.length} placeholders, [${first.text}] first); run /speckit.constitution to write the project's principles.`,
      });
      return;
    }
    for (const m of placeholders) {
      report({ path: file.path, range: m.range, message: `Unfilled template placeholder [${m.text}] in the constitution.` });
    }
  },
};
