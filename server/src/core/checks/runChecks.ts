// @spec specthread-core#14.1, specthread-core#15.2, specthread-core#16.3
import { CancellationToken } from '../cancellation';
import type { RuleSettings } from '../config/ruleSettings';
import { Log } from '../faults';
import { Finding } from '../findings';
import { SpecModel, mainFileOf } from '../index/specModel';
import { fileUnderstood } from '../index/reading';
import { SPEC_RULES } from './registry';
import { ReportedProblem, SpecRule } from './rule';
import { runRules } from './runRules';

/** What the engine passes besides the spec: extra rules (tests), and where stacks go. */
export interface SpecCheckOptions {
  /** Rules to run after the registered ones. */
  readonly extraRules?: readonly SpecRule[];
  readonly log?: Log;
}

/**
 * Runs every per-spec rule that applies to the spec's format over one spec, through the one
 * runner and its severity policy. A rule that throws shows its internal.error on the spec's main
 * file.
 */
export function runSpecChecks(spec: SpecModel, policy: RuleSettings, token: CancellationToken, options: SpecCheckOptions = {}): Finding[] {
  // Archived OpenSpec changes were applied long ago; checking them against today's specs is noise.
  if (spec.archived) return [];
  const rules = (options.extraRules ? [...SPEC_RULES, ...options.extraRules] : SPEC_RULES).filter((r) => !r.formats || r.formats.includes(spec.format));
  const anchor = mainFileOf(spec);
  return runRules(
    {
      step: 'rule',
      rules,
      anchor: () => anchor,
      check: (rule, report) => rule.check(spec, rule.crossFile ? onUnderstood(spec, report) : report, token, policy.context),
    },
    policy,
    token,
    options.log,
  );
}

/**
 * Understood or silent: a cross-file finding stands on the file it is shown on, so it is dropped
 * when that file was left unread or half read (the rule itself asks about the other end).
 */
function onUnderstood(spec: SpecModel, report: (problem: ReportedProblem) => void): (problem: ReportedProblem) => void {
  return (problem) => {
    if (fileUnderstood(spec.fileList.find((f) => f.path === problem.path))) report(problem);
  };
}
