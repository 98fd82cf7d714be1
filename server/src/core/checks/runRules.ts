// @spec specthread-core#14.1, specthread-core#15.2
import { CancellationToken, throwIfCancelled } from '../cancellation';
import type { RuleSettings } from '../config/ruleSettings';
import { Log, internalError, isCancellation } from '../faults';
import { Finding } from '../findings';
import { ReportedProblem, RuleMeta } from './rule';

/** One pass of rules of one scope: what they are, how one is invoked, and where its fault goes. */
export interface RulePass<R extends { readonly meta: RuleMeta }> {
  /** Names the step in an internal.error message: `rule`, `workspace rule`, `trace rule`. */
  readonly step: string;
  readonly rules: readonly R[];
  /** Invokes one rule's check with the report callback the runner owns. */
  check(rule: R, report: (problem: ReportedProblem) => void): void;
  /** The file an internal.error of `rule` is shown on. */
  anchor(rule: R): string;
  /** Drops a problem before the policy sees it, e.g. one in an archived spec that is only context. */
  keep?(problem: ReportedProblem): boolean;
  /** True when the caller kept only rules that `policy.mayReport`, so the runner need not ask again. */
  readonly mayReport?: boolean;
}

/**
 * The one rule runner. Every family (per-spec, cross-spec, trace, coverage, file notes, config)
 * runs through here, so the one severity policy (code, family, default, then per-path
 * overrides on the finding's own file) decides every severity. A rule that is off everywhere
 * does not run; a finding whose file turns the rule off is dropped. A rule that throws loses
 * only its own result: the throw becomes an internal.error finding (what it reported before
 * throwing is kept) and the other rules still run.
 */
export function runRules<R extends { readonly meta: RuleMeta }>(pass: RulePass<R>, policy: RuleSettings, token: CancellationToken, log?: Log): Finding[] {
  const findings: Finding[] = [];
  // One report callback per pass, reading the rule that runs: a pass runs for every spec, and a
  // closure made per rule (with its name set, in the bundle) cost more than most rules' checks.
  let rule: R | undefined;
  const report = (p: ReportedProblem) => {
    if (pass.keep && !pass.keep(p)) return;
    const { meta } = rule!;
    const severity = policy.severity(meta, p.path);
    if (severity !== 'off') findings.push({ ...p, severity, code: meta.code });
  };
  for (rule of pass.rules) {
    throwIfCancelled(token);
    if (!pass.mayReport && !policy.mayReport(rule.meta)) continue;
    // isolate(), inlined: the step's name is only built for the internal.error of a rule that threw.
    try {
      pass.check(rule, report);
    } catch (err) {
      if (isCancellation(err, token)) throw err;
      findings.push(internalError(`${pass.step} ${rule.meta.code}`, pass.anchor(rule), err, log));
    }
  }
  return findings;
}
