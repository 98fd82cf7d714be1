import { earsOf } from '../../../requirements/ears';
import { findTerms } from '../../../requirements/terms';
import { statementRule } from '../../statementRule';

/** A requirement with no SHALL: it states a wish or a fact, not an obligation. */
export const missingShall = statementRule(
  {
    code: 'ears.missing-shall',
    defaultSeverity: 'warning',
    summary: 'An acceptance criterion has no SHALL, so it obliges nothing.',
    description:
      'EARS and INCOSE write every requirement as `<system> SHALL <response>`: SHALL is what makes the sentence ' +
      'testable and binding. A criterion without it reads as a description, and nobody can tell whether it must hold. ' +
      'MUST is accepted as a synonym. A criterion that uses should, may or might instead is reported by ' +
      '`quality.weak-modal`, which offers the fix.',
    bad: '1. WHEN the user saves, the draft is stored locally',
    good: '1. WHEN the user saves, THE Editor SHALL store the draft locally',
  },
  (statement, report, context) => {
    if (earsOf(statement, context.cache).shalls.length > 0 || statement.text.trim() === '') return;
    if (findTerms(statement.text, context.terms('quality.weak-modal'), context.cache).length > 0) return;
    report({ path: statement.path, range: statement.range, message: `Criterion ${statement.id} has no SHALL: write it as '<system> SHALL <response>'.` });
  },
);
