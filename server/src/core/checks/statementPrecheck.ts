// @spec specthread-core#21.4
import type { RuleContext } from '../config/ruleSettings';
import type { PrecheckedStatement } from '../engine/options';
import { PlainStatement, statementOfPlain } from '../requirements/statement';
import { ReportedProblem } from './rule';
import { EARS_RULES } from './rules/ears';
import { QUALITY_RULES } from './rules/quality';
import { StatementRule } from './statementRule';

/** Every registered statement rule (the `ears.*` and `quality.*` families), in the registry's order. */
export const STATEMENT_RULES: readonly StatementRule[] = [...EARS_RULES, ...QUALITY_RULES];

/** One file's statements as a precheck is given them (see StatementPrecheck.submit). */
export interface PrecheckFile {
  readonly glossary: readonly string[];
  readonly statements: readonly PlainStatement[];
}

/**
 * What a statement precheck computes, off the engine's thread: each statement of each file
 * checked by each rule of `codes`, exactly as `checkStatementsCached` would check it (the same
 * statement, rebuilt from its plain form, the same rule function, a context compiled from the
 * same settings). Undefined for a statement in which no rule found anything, the common case, so
 * that the answer is small to send. A rule that throws is named in `failed`, and the engine runs
 * it on that statement itself, so that its fault is reported as it always is.
 */
export function precheckStatements(files: readonly PrecheckFile[], codes: readonly string[], context: RuleContext): (PrecheckedStatement | undefined)[][] {
  const rules = codes.map((code) => STATEMENT_RULES.find((r) => r.meta.code === code));
  return files.map(({ glossary, statements }) =>
    statements.map((plain) => {
      const statement = statementOfPlain(plain, glossary);
      let found: Record<string, readonly ReportedProblem[]> | undefined;
      let failed: string[] | undefined;
      for (let i = 0; i < codes.length; i++) {
        const rule = rules[i];
        const problems: ReportedProblem[] = [];
        try {
          if (!rule) throw new Error(`no statement rule ${codes[i]}`);
          rule.checkStatement(statement, (p) => problems.push(p), context);
        } catch {
          (failed ??= []).push(codes[i]!);
          continue;
        }
        if (problems.length) (found ??= {})[codes[i]!] = problems;
      }
      return found || failed ? { line: plain.range.start.line, ...(found && { found }), ...(failed && { failed }) } : undefined;
    }),
  );
}
