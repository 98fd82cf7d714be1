// @spec specthread-core#16.4
import { earsOf } from '../../../requirements/ears';
import { statementRule } from '../../statementRule';

/** `WHEN …, SHALL …`: nothing says which system must respond. */
export const missingSystem = statementRule(
  {
    code: 'ears.missing-system',
    // EARS form, a matter of style by the severity policy; the `ears` preset makes it a warning.
    defaultSeverity: 'hint',
    summary: 'Nothing names the system before SHALL.',
    description:
      'An EARS requirement names the system that must respond (`THE Auth_Service SHALL …`). Without it a reader has ' +
      'to guess which component owns the behaviour, and tasks and tests cannot be assigned. Reported only when ' +
      'nothing at all stands between the preconditions and SHALL.',
    bad: '1. WHEN the session expires, SHALL redirect to the sign-in page',
    good: '1. WHEN the session expires, THE Web_App SHALL redirect to the sign-in page',
  },
  (statement, report, context) => {
    const shape = earsOf(statement, context.cache, context.vocabulary);
    if (!shape.system || shape.system.to > shape.system.from || shape.article) return;
    // A system is only looked for before a SHALL, so there is one.
    const shall = shape.shalls[0]!;
    report({
      path: statement.path,
      range: statement.locate(shall.from, shall.to),
      message: `Criterion ${statement.id} does not say which system SHALL respond: name it before SHALL.`,
    });
  },
);
