// @spec specthread-core#14.1, specthread-core#15.2, specthread-core#16.3
import { cacheKey } from '../analysisCache';
import { CancellationToken } from '../cancellation';
import type { RuleSettings } from '../config/ruleSettings';
import { Log } from '../faults';
import { Finding } from '../findings';
import { SpecModel, mainFileOf } from '../index/specModel';
import { fileUnderstood } from '../index/reading';
import { SpecFormat } from '../model';
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
  const rules = options.extraRules ? rulesFor([...SPEC_RULES, ...options.extraRules], spec.format, policy) : registeredRulesFor(spec.format, policy);
  const anchor = mainFileOf(spec);
  return runRules(
    {
      step: 'rule',
      rules,
      mayReport: true,
      anchor: () => anchor,
      check: (rule, report) => rule.check(spec, rule.crossFile ? onUnderstood(spec, report) : report, token, policy.context),
    },
    policy,
    token,
    options.log,
  );
}

/** The rules of `rules` that apply to `format` and that `policy` does not turn off everywhere. */
function rulesFor(rules: readonly SpecRule[], format: SpecFormat, policy: RuleSettings): readonly SpecRule[] {
  return rules.filter((r) => (!r.formats || r.formats.includes(format)) && policy.mayReport(r.meta));
}

/** The registered rules per compiled policy and format, so the registry is not filtered again for each spec. */
const REGISTERED = cacheKey('spec-rules-by-format', () => new WeakMap<RuleSettings, Map<string, readonly SpecRule[]>>());

function registeredRulesFor(format: SpecFormat, policy: RuleSettings): readonly SpecRule[] {
  const table = policy.context.cache.table(REGISTERED);
  let byFormat = table.get(policy);
  if (!byFormat) table.set(policy, (byFormat = new Map()));
  let rules = byFormat.get(format);
  if (!rules) byFormat.set(format, (rules = rulesFor(SPEC_RULES, format, policy)));
  return rules;
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
