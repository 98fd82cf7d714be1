import { clauseRanks, earsOf } from '../../../requirements/ears';
import { statementRule } from '../../statementRule';

/** Preconditions out of EARS order, or a condition written after the response. */
export const clauseOrder = statementRule(
  {
    code: 'ears.clause-order',
    defaultSeverity: 'hint',
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
    const shape = earsOf(statement, context.cache, context.vocabulary);
    // Messages quote the word as written (MIENTRAS, QUANDO), upper-cased so "When" reads as WHEN.
    const word = (c: { from: number; to: number }) => statement.text.slice(c.from, c.to).toUpperCase();
    // Only a second precondition can come out of order: most criteria have one or none, and skip the ranks.
    if (shape.clauses.length > 1) {
      const ranks = clauseRanks(context.clauseOrder);
      let highest: { keyword: string; rank: number } | undefined;
      for (const clause of shape.clauses) {
        const rank = ranks.get(clause.keyword);
        if (rank === undefined) continue;
        if (highest && rank < highest.rank) {
          report({
            path: statement.path,
            range: statement.locate(clause.from, clause.to),
            message: `${word(clause)} comes after ${highest.keyword}: EARS orders preconditions ${context.clauseOrder.join(' → ')}.`,
          });
          return;
        }
        if (!highest || rank > highest.rank) highest = { keyword: word(clause), rank };
      }
    }
    // WHERE after SHALL is usually a data filter ("… WHERE auth.uid() = user_id"), not a feature clause.
    const late = shape.trailing.find((c) => c.keyword !== 'WHERE');
    if (late) {
      report({
        path: statement.path,
        range: statement.locate(late.from, late.to),
        message: `${word(late)} after SHALL: move the condition to the front ('${word(late)} …, THE <system> SHALL …').`,
      });
    }
  },
);
