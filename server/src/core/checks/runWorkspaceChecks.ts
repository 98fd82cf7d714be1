// @spec specthread-core#14.1
import type { SpecThreadSettings } from '../../../../shared/settings';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Log, faultAnchor, isolate } from '../faults';
import { Finding } from '../findings';
import { ReportedProblem } from './rule';
import { effectiveSeverity } from './runChecks';
import { WorkspaceRule, WorkspaceView } from './workspaceRule';
import { WORKSPACE_RULES } from './workspaceRegistry';

export interface WorkspaceCheckOptions {
  /** Rules to run after the registered ones. */
  readonly extraRules?: readonly WorkspaceRule[];
  readonly log?: Log;
}

/**
 * Runs the cross-spec rules once over the whole workspace; archived specs are only context. A
 * rule that throws becomes one internal.error finding, on the main file of the first spec that
 * is checked (a cross-spec rule has no file of its own), and the other rules still run.
 */
export function runWorkspaceChecks(view: WorkspaceView, settings: SpecThreadSettings, token: CancellationToken, options: WorkspaceCheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const archived = new Set(view.specs.filter((s) => s.archived).flatMap((s) => s.fileList.map((f) => f.path)));
  const anchor = faultAnchor(view.specs, view.roots);
  for (const rule of options.extraRules ? [...WORKSPACE_RULES, ...options.extraRules] : WORKSPACE_RULES) {
    throwIfCancelled(token);
    const severity = effectiveSeverity(rule.meta, settings);
    if (severity === 'off') continue;
    const report = (p: ReportedProblem) => {
      if (!archived.has(p.path)) findings.push({ ...p, severity, code: rule.meta.code });
    };
    const fault = isolate(`workspace rule ${rule.meta.code}`, anchor, token, options.log, () => rule.check(view, report, token));
    if (fault) findings.push(fault);
  }
  return findings;
}
