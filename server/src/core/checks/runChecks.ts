import type { SeveritySetting, SpecThreadSettings } from '../../../../shared/settings';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Finding } from '../findings';
import { SpecModel } from '../index/specModel';
import { SPEC_RULES } from './registry';
import { RuleMeta } from './rule';

/** The configured severity of a rule: its exact code first, then its family, then its default. */
export function effectiveSeverity(meta: RuleMeta, settings: SpecThreadSettings): SeveritySetting {
  const family = meta.code.slice(0, meta.code.indexOf('.'));
  return settings.rules[meta.code] ?? settings.rules[family] ?? meta.defaultSeverity;
}

export function runSpecChecks(spec: SpecModel, settings: SpecThreadSettings, token: CancellationToken): Finding[] {
  const findings: Finding[] = [];
  // Archived OpenSpec changes were applied long ago; checking them against today's specs is noise.
  if (spec.archived) return findings;
  for (const rule of SPEC_RULES) {
    throwIfCancelled(token);
    if (rule.formats && !rule.formats.includes(spec.format)) continue;
    const severity = effectiveSeverity(rule.meta, settings);
    if (severity === 'off') continue;
    rule.check(spec, (p) => findings.push({ ...p, severity, code: rule.meta.code }), token);
  }
  return findings;
}
