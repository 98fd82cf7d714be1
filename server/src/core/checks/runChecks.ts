// @spec specthread-core#14.1, specthread-core#15.2
import { CancellationToken } from '../cancellation';
import type { RuleSettings } from '../config/ruleSettings';
import { Log } from '../faults';
import { Finding } from '../findings';
import { SpecModel, mainFileOf } from '../index/specModel';
import { SPEC_RULES } from './registry';
import { SpecRule } from './rule';
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
    { step: 'rule', rules, anchor: () => anchor, check: (rule, report) => rule.check(spec, report, token, policy.context) },
    policy,
    token,
    options.log,
  );
}
