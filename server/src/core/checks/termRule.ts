// @spec specthread-core#7.2
import type { AnalysisCache } from '../analysisCache';
import type { RuleContext } from '../config/ruleSettings';
import { Fix } from '../findings';
import { earsOf } from '../requirements/ears';
import { Statement } from '../requirements/statement';
import { TermMatch, termsOf } from '../requirements/terms';
import { RuleMeta } from './rule';
import { StatementRule, statementRule } from './statementRule';

export interface TermRuleOptions {
  /** The finding's message for one matched term. */
  message(match: TermMatch, statement: Statement): string;
  fixes?(match: TermMatch, statement: Statement): Fix[] | undefined;
  /** Drops matches that another rule reports or that are fine in context. */
  keep?(match: TermMatch, statement: Statement, context: RuleContext): boolean;
}

/** A `quality.*` rule that reports each occurrence of a term from its (configurable) list. */
export function termRule(meta: RuleMeta, options: TermRuleOptions): StatementRule {
  return statementRule(meta, (statement, report, context) => {
    // Most statements hold no term of the list, and that answer (one AND, see wordGate.ts) is
    // cheaper than asking for the statement's language, so it is asked first.
    const matches = termsOf(statement, context.terms(meta.code), context.cache);
    if (matches.length === 0) return;
    // The term lists are English words: in Indonesian "minimal 2" means "at least 2", and a
    // Japanese sentence quoting an English name ("quick path") is not vague. Other languages are not judged.
    if (earsOf(statement, context.cache, context.vocabulary).language.code !== 'en') return;
    for (const match of matches) {
      // `inclusion: never`, `fast` mode: a code span names a value, it does not describe behaviour.
      if (statement.isCode(match.from, match.to)) continue;
      if (options.keep && !options.keep(match, statement, context)) continue;
      report({
        path: statement.path,
        range: statement.locate(match.from, match.to),
        message: options.message(match, statement),
        fixes: options.fixes?.(match, statement),
      });
    }
  });
}

/** True when `match` overlaps a term of another rule's list (so only one rule reports the words). */
export function overlapsTerms(match: TermMatch, statement: Statement, terms: readonly string[], cache?: AnalysisCache): boolean {
  return termsOf(statement, terms, cache).some((m) => m.from < match.to && match.from < m.to);
}
