import { SpecRule } from '../../rule';
import { MIN_PURPOSE_LENGTH, MIN_WHY_LENGTH, openSpecExtras, section } from './helpers';

const PLACEHOLDER = /^(?:TBD - created by archiving change .*\. Update Purpose after archive\.|TBD\b|TODO\b)/i;

/** A Purpose that is a placeholder or under 50 characters; a Why under 50 or over 1000 characters. */
export const sectionLength: SpecRule = {
  meta: {
    code: 'structure.section-length',
    defaultSeverity: 'hint',
    summary: "An OpenSpec Purpose is a placeholder or too brief, or a proposal's Why is too short.",
    description:
      'OpenSpec expects a Purpose of at least 50 characters that someone wrote (not the `TBD - created by archiving ' +
      'change …` sentence `openspec archive` leaves), and a Why of at least 50 characters. Short sections are ' +
      "usually unfinished. (OpenSpec's advice to keep a Why under 1000 characters is not enforced: its own " +
      'repository exceeds it in good proposals.)',
    bad: '## Purpose\nTBD',
    good: '## Purpose\nLets users export their saved reports as CSV for use in spreadsheets.',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived) return;
    for (const f of spec.fileList) {
      const extras = openSpecExtras(f);
      if (!extras) continue;
      if (f.kind === 'spec') {
        const purpose = section(extras, 'Purpose');
        if (!purpose?.text) continue;
        if (PLACEHOLDER.test(purpose.text))
          report({
            path: f.path,
            range: purpose.textRange,
            message:
              "The Purpose is still a placeholder; say what this capability is for (edit the main spec: a delta's Purpose is only read when a capability is created).",
          });
        else if (purpose.text.length < MIN_PURPOSE_LENGTH)
          report({
            path: f.path,
            range: purpose.textRange,
            message: `The Purpose is too brief (${purpose.text.length} characters; OpenSpec expects at least ${MIN_PURPOSE_LENGTH}).`,
          });
      }
      if (f.kind === 'proposal') {
        const why = section(extras, 'Why');
        if (!why?.text) continue;
        if (why.text.length < MIN_WHY_LENGTH)
          report({
            path: f.path,
            range: why.textRange,
            message: `The Why section is too short (${why.text.length} characters; OpenSpec requires at least ${MIN_WHY_LENGTH}).`,
          });
      }
    }
  },
};
