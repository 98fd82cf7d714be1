import { Baseline, baselinedFlags, withoutBaselined } from '../baseline/baseline';
import { Finding } from '../findings';
import { Suppression } from '../model';
import { isSuppressed } from '../parse/suppressions';

export interface AcceptanceSources {
  suppressionsOf(path: string): readonly Suppression[] | undefined;
  textOf(path: string): string | undefined;
  readonly baselines: readonly Baseline[];
}

/**
 * The findings a user should see: without those suppressed by a comment in their file and those
 * accepted by a baseline. Suppressions come first, so a suppressed finding does not use up a
 * baseline entry.
 */
export function acceptedFindings(findings: readonly Finding[], sources: AcceptanceSources): Finding[] {
  const visible = findings.filter((f) => !isSuppressed(sources.suppressionsOf(f.path), f.code, f.range.start.line));
  return withoutBaselined(visible, sources.baselines, (p) => sources.textOf(p));
}

/**
 * Every finding, those a suppression comment or the baseline accepts marked with `accepted`
 * (suppressions first, as in `acceptedFindings`), for reports that list them as suppressed.
 */
export function markAcceptedFindings(findings: readonly Finding[], sources: AcceptanceSources): Finding[] {
  const suppressed = findings.map((f) => isSuppressed(sources.suppressionsOf(f.path), f.code, f.range.start.line));
  const visible = findings.filter((_, i) => !suppressed[i]);
  const baselined = baselinedFlags(visible, sources.baselines, (p) => sources.textOf(p));
  const inBaseline = new Set(visible.filter((_, i) => baselined[i]));
  return findings.map((f, i) => (suppressed[i] ? { ...f, accepted: 'suppression' } : inBaseline.has(f) ? { ...f, accepted: 'baseline' } : f));
}
