// @spec specthread-core#14.1
import type { SeveritySetting, SpecThreadSettings } from '../../../../shared/settings';
import { AnalysisCache } from '../analysisCache';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { ruleSettingsFor } from '../config/ruleSettings';
import { Log, isolate } from '../faults';
import { Finding } from '../findings';
import { SpecModel, mainFileOf } from '../index/specModel';
import { SPEC_RULES } from './registry';
import { ReportedProblem, RuleMeta, SpecRule } from './rule';

/** The configured severity of a rule: its exact code first, then its family, then its default. */
export function effectiveSeverity(meta: RuleMeta, settings: SpecThreadSettings): SeveritySetting {
  const family = meta.code.slice(0, meta.code.indexOf('.'));
  return settings.rules[meta.code] ?? settings.rules[family] ?? meta.defaultSeverity;
}

/** What the engine passes besides the spec: the workspace folders, extra rules (tests), and where stacks go. */
export interface SpecCheckOptions {
  /** Per-path overrides match workspace-relative globs against these. */
  readonly roots?: readonly string[];
  /** Rules to run after the registered ones. */
  readonly extraRules?: readonly SpecRule[];
  readonly log?: Log;
  /** The engine's memo tables; a run without one memoises for that run only. */
  readonly cache?: AnalysisCache;
}

/**
 * Runs every rule over one spec; a rule that is off everywhere does not run. A rule that throws
 * loses only its own result on this spec: the throw becomes an internal.error finding on the
 * spec's main file (what it reported before throwing is kept), and the other rules still run.
 */
export function runSpecChecks(spec: SpecModel, settings: SpecThreadSettings, token: CancellationToken, options: SpecCheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  // Archived OpenSpec changes were applied long ago; checking them against today's specs is noise.
  if (spec.archived) return findings;
  const ruleSettings = ruleSettingsFor(settings, options.roots ?? [], options.cache ?? new AnalysisCache());
  for (const rule of options.extraRules ? [...SPEC_RULES, ...options.extraRules] : SPEC_RULES) {
    throwIfCancelled(token);
    if (rule.formats && !rule.formats.includes(spec.format)) continue;
    if (!ruleSettings.mayReport(rule.meta)) continue;
    const report = (p: ReportedProblem) => {
      const severity = ruleSettings.severity(rule.meta, p.path);
      if (severity !== 'off') findings.push({ ...p, severity, code: rule.meta.code });
    };
    const fault = isolate(`rule ${rule.meta.code}`, mainFileOf(spec), token, options.log, () => rule.check(spec, report, token, ruleSettings.context));
    if (fault) findings.push(fault);
  }
  return findings;
}
