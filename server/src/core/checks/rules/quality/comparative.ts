import { termRule } from '../../termRule';

export const comparative = termRule(
  {
    code: 'quality.comparative',
    defaultSeverity: 'info',
    summary: 'A comparative (faster, better, improved …) with no baseline or number.',
    description:
      'Faster than what, better by how much? A comparative without a baseline and a number cannot be verified ' +
      '(INCOSE R7, R33). Not reported when a number follows within a few words ("faster than 200 ms").',
    bad: '1. THE Build SHALL be faster',
    good: '1. THE Build SHALL finish in under 60 s on the CI runner',
  },
  {
    keep: (m, s) => !/^\W*(?:\S+\s+){0,4}?\S*\d/.test(s.text.slice(m.to, m.to + 40)),
    message: (m) => `Comparative '${m.text}' without a baseline or a number: compared with what, by how much?`,
  },
);
