import { termRule } from '../../termRule';

export const openEnded = termRule(
  {
    code: 'quality.open-ended',
    defaultSeverity: 'hint',
    summary: 'An open-ended list (etc., and/or, including but not limited to) that cannot be verified completely.',
    description:
      'A list that ends in "etc." or "including but not limited to" has no end a test can reach, and "and/or" ' +
      'leaves open whether both or one is required (INCOSE R15, R19). List every item, or name the rule that ' +
      'decides membership; replace and/or with "or" or "and", or with "one or both of".',
    bad: '1. THE Exporter SHALL support CSV, JSON, etc.',
    good: '1. THE Exporter SHALL support CSV and JSON',
  },
  { message: (m) => `Open-ended '${m.text}': list every case, or say which rule decides.` },
);
