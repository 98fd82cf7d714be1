import { termRule } from '../../termRule';

export const unresolved = termRule(
  {
    code: 'quality.unresolved',
    defaultSeverity: 'warning',
    summary: 'An unresolved marker (TBD, TODO, ???, NEEDS CLARIFICATION) in a requirement.',
    description:
      'A placeholder in a requirement means a decision nobody has made yet; a task built on it builds a guess. ' +
      'Markers in capitals (TBD, TODO, FIXME, NEEDS CLARIFICATION) are matched only in capitals, so "the todo ' +
      'list" is not one.',
    bad: '1. THE Session_Store SHALL expire idle sessions after TBD minutes',
    good: '1. THE Session_Store SHALL expire idle sessions after 30 minutes',
  },
  { message: (m) => `Unresolved '${m.text}': decide it before anyone builds on this criterion.` },
);
