import { earsOf } from '../../../requirements/ears';
import { statementRule } from '../../statementRule';

/** THEN with no WHEN or IF before it: the trigger is missing or misnamed. */
export const strayThen = statementRule(
  {
    code: 'ears.stray-then',
    defaultSeverity: 'hint',
    summary: 'THEN appears with no WHEN or IF before it.',
    description:
      'In EARS, THEN closes an IF (unwanted behaviour) condition, and Kiro v1 also writes it after WHEN. A THEN ' +
      'after WHILE or WHERE alone, or at the start of a criterion, usually means the trigger was deleted or written ' +
      'with the wrong keyword, so the criterion no longer says when the response happens.',
    bad: '1. WHILE the upload runs THEN THE Uploader SHALL show progress',
    good: '1. WHILE the upload runs, THE Uploader SHALL show progress',
  },
  (statement, report, context) => {
    const shape = earsOf(statement, context.cache, context.vocabulary);
    for (const then of shape.thens) {
      if (shape.clauses.some((c) => (c.keyword === 'WHEN' || c.keyword === 'IF') && c.to <= then.from)) continue;
      report({
        path: statement.path,
        range: statement.locate(then.from, then.to),
        message: `THEN without a WHEN or IF before it: the trigger is missing or uses the wrong keyword.`,
      });
      return;
    }
  },
);
