import { throwIfCancelled } from '../cancellation';
import type { RuleContext } from '../config/ruleSettings';
import { Statement, statementsOf } from '../requirements/statement';
import { ReportedProblem, RuleMeta, SpecRule } from './rule';

/**
 * A rule about single requirement statements (the `ears.*` and `quality.*` families). The
 * statement check is exported on the rule so that any format that can produce Statements gets
 * the same checks; which statements a spec has is decided in one place, `statementsOf`.
 */
export interface StatementRule extends SpecRule {
  checkStatement(statement: Statement, report: (problem: ReportedProblem) => void, context: RuleContext): void;
}

export function statementRule(meta: RuleMeta, checkStatement: StatementRule['checkStatement']): StatementRule {
  return {
    meta,
    checkStatement,
    check(spec, report, token, context) {
      for (const statement of statementsOf(spec, context.cache)) {
        throwIfCancelled(token);
        checkStatement(statement, report, context);
      }
    },
  };
}

/** Quotes a few words of a statement for a message. */
export function quote(text: string): string {
  return `'${text.replace(/\s+/g, ' ')}'`;
}
