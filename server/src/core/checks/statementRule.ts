// @spec specthread-core#21.4
import type { RuleContext } from '../config/ruleSettings';
import { Statement, statementsOf } from '../requirements/statement';
import { ReportedProblem, RuleMeta, SpecRule } from './rule';
import { checkStatementsCached } from './statementResults';

/**
 * A rule about single requirement statements (the `ears.*` and `quality.*` families). The
 * statement check is exported on the rule so that any format that can produce Statements gets
 * the same checks; which statements a spec has is decided in one place, `statementsOf`.
 */
export interface StatementRule extends SpecRule {
  checkStatement(statement: Statement, report: (problem: ReportedProblem) => void, context: RuleContext): void;
}

export function statementRule(meta: RuleMeta, checkStatement: StatementRule['checkStatement']): StatementRule {
  const rule: StatementRule = {
    meta,
    checkStatement,
    check(spec, report, token, context) {
      // Each statement's findings come from the engine's cache unless the statement changed, so an
      // edit re-checks only the criteria it touched (see statementResults.ts).
      checkStatementsCached(rule, statementsOf(spec, context.cache), report, context, token, (s, r) => checkStatement(s, r, context));
    },
  };
  return rule;
}

/** Quotes a few words of a statement for a message. */
export function quote(text: string): string {
  return `'${text.replace(/\s+/g, ' ')}'`;
}
