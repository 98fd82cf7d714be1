import { earsOf } from '../../../requirements/ears';
import { termRule } from '../../termRule';

export const weakModal = termRule(
  {
    code: 'quality.weak-modal',
    defaultSeverity: 'hint',
    fixable: true,
    summary: 'should / may / might where a requirement needs SHALL.',
    description:
      'Should, may and might make a requirement a suggestion (RFC 2119 and INCOSE R16 give them that meaning): ' +
      'an implementation that ignores it still conforms. Reported in criteria that have no SHALL, where the ' +
      'modal is doing the job SHALL should do; in a criterion that already has SHALL the words usually describe ' +
      'something ("values that should be centralised") and are left alone. The quick fix writes SHALL.',
    bad: '1. WHEN a file is uploaded, the Uploader should scan it for viruses',
    good: '1. WHEN a file is uploaded, THE Uploader SHALL scan it for viruses',
  },
  {
    keep: (_m, s, context) => earsOf(s, context.cache, context.vocabulary).shalls.length === 0,
    message: (m) => `'${m.text}' makes this optional: a requirement says SHALL.`,
    fixes: (m, s) => {
      const edit = s.edit(m.from, m.to, 'SHALL');
      return edit ? [{ title: `Replace '${m.text}' with SHALL`, preferred: true, edits: [edit] }] : undefined;
    },
  },
);
