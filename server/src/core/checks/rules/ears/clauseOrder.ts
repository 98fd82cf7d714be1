import { clauseRanks, earsOf } from '../../../requirements/ears';
import { statementRule } from '../../statementRule';

/** Preconditions out of EARS order, or a condition written after the response. */
export const clauseOrder = statementRule(
  {
    code: 'ears.clause-order',
    defaultSeverity: 'warning',
    summary: 'EARS preconditions are out of order, or a condition follows SHALL.',
    description:
      'EARS puts preconditions first and in a fixed order, WHERE (feature) → WHILE (state) → WHEN/IF (trigger), so ' +
      'that complex requirements read the same way everywhere and a trigger is never mistaken for a state. A WHEN, ' +
      'WHILE or IF written in capitals after SHALL is a precondition in the wrong place. The order is configurable ' +
      'with `ears.clauseOrder` (default `["WHERE", "WHILE", "WHEN|IF"]`).',
    bad: '1. WHEN the user presses Play, WHILE offline mode is on, THE Player SHALL use the cached file',
    good: '1. WHILE offline mode is on, WHEN the user presses Play, THE Player SHALL use the cached file',
  },
  (statement, report, context) => {
    const shape = earsOf(statement, context.cache);
    const ranks = clauseRanks(context.clauseOrder);
    let highest: { keyword: string; rank: number } | undefined;
    for (const clause of shape.clauses) {
      const rank = ranks.get(clause.keyword);
      if (rank === undefined) continue;
      if (highest && rank < highest.rank) {
        report({
          path: statement.path,
          range: statement.locate(clause.from, clause.to),
          message: `${clause.keyword} comes after ${highest.keyword}: EARS orders preconditions ${context.clauseOrder.join(' → ')}.`,
        });
        return;
      }
      if (!highest || rank > highest.rank) highest = { keyword: clause.keyword, rank };
    }
    // WHERE after SHALL is usually a data filter ("… WHERE auth.uid() = user_id"), not a feature clause.
    const late = shape.trailing.find((c) => c.keyword !== 'WHERE');
    if (late) {
      report({
        path: statement.path,
        range: statement.locate(late.from, late.to),
        message: `${late.keyword} after SHALL: move the condition to the front ('${late.keyword} …, THE <system> SHALL …').`,
      });
    }
  },
);
