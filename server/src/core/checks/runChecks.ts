import type { SeveritySetting, SpecThreadSettings } from '../../../../shared/settings';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { ruleSettingsFor } from '../config/ruleSettings';
import { Finding } from '../findings';
import { SpecModel } from '../index/specModel';
import { SPEC_RULES } from './registry';
import { ReportedProblem, RuleMeta } from './rule';

/** The configured severity of a rule: its exact code first, then its family, then its default. */
export function effectiveSeverity(meta: RuleMeta, settings: SpecThreadSettings): SeveritySetting {
  const family = meta.code.slice(0, meta.code.indexOf('.'));
  return settings.rules[meta.code] ?? settings.rules[family] ?? meta.defaultSeverity;
}

/**
 * Runs every rule over one spec. `roots` lets per-path overrides match workspace-relative globs;
 * a rule that is off everywhere does not run.
 */
export function runSpecChecks(spec: SpecModel, settings: SpecThreadSettings, token: CancellationToken, roots: readonly string[] = []): Finding[] {
  const findings: Finding[] = [];
  // Archived OpenSpec changes were applied long ago; checking them against today's specs is noise.
  if (spec.archived) return findings;
  const ruleSettings = ruleSettingsFor(settings, roots);
  for (const rule of SPEC_RULES) {
    throwIfCancelled(token);
    if (rule.formats && !rule.formats.includes(spec.format)) continue;
    if (!ruleSettings.mayReport(rule.meta)) continue;
    const report = (p: ReportedProblem) => {
      const severity = ruleSettings.severity(rule.meta, p.path);
      if (severity !== 'off') findings.push({ ...p, severity, code: rule.meta.code });
    };
    rule.check(spec, report, token, ruleSettings.context);
  }
  return findings;
}
