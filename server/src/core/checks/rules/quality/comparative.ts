import { termRule } from '../../termRule';

export const comparative = termRule(
  {
    code: 'quality.comparative',
    defaultSeverity: 'hint',
    summary: 'A comparative (faster, better, improved …) with no baseline or number.',
    description:
      'Faster than what, better by how much? A comparative without a baseline and a number cannot be verified ' +
      '(INCOSE R7, R33). Not reported when a number follows within a few words ("faster than 200 ms"), nor after ' +
      'could/can/would/might, where the sentence describes something rather than requires it.',
    bad: '1. THE Build SHALL be faster',
    good: '1. THE Build SHALL finish in under 60 s on the CI runner',
  },
  {
    // "how the project could better align" describes content, not an obligation (corpus false alarm).
    keep: (m, s) => !/^(?=(\W*))\1(?:\S+\s+){0,4}?\S*\d/.test(s.text.slice(m.to, m.to + 40)) && !/\b(could|can|would|might)\s+$/i.test(s.text.slice(0, m.from)),
    message: (m) => `Comparative '${m.text}' without a baseline or a number: compared with what, by how much?`,
  },
);
