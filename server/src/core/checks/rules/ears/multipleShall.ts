import { earsOf } from '../../../requirements/ears';
import { statementRule } from '../../statementRule';

/** Two SHALLs in one criterion are two requirements sharing one id. */
export const multipleShall = statementRule(
  {
    code: 'ears.multiple-shall',
    defaultSeverity: 'hint',
    summary: 'One criterion holds several SHALLs (several requirements under one id).',
    description:
      'One requirement, one thought (INCOSE R18): each SHALL is a separate obligation that a task implements and a ' +
      'test verifies. Under one id they cannot be cited, covered or ticked off separately, and a partial ' +
      'implementation looks complete. Split the criterion.',
    bad: '1. WHEN an order is placed, THE Shop SHALL charge the card and SHALL send a receipt',
    good: '1. WHEN an order is placed, THE Shop SHALL charge the card\n2. WHEN an order is placed, THE Shop SHALL send a receipt',
  },
  (statement, report, context) => {
    const shalls = earsOf(statement, context.cache, context.vocabulary).shalls;
    if (shalls.length < 2) return;
    report({
      path: statement.path,
      range: statement.locate(shalls[1]!.from, shalls[1]!.to),
      message: `Criterion ${statement.id} has ${shalls.length} SHALLs: split it so that each obligation has its own id.`,
    });
  },
);
