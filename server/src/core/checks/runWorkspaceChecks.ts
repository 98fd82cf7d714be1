import type { SpecThreadSettings } from '../../../../shared/settings';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Finding } from '../findings';
import { effectiveSeverity } from './runChecks';
import { WorkspaceView } from './workspaceRule';
import { WORKSPACE_RULES } from './workspaceRegistry';

/** Runs the cross-spec rules once over the whole workspace; archived specs are only context. */
export function runWorkspaceChecks(view: WorkspaceView, settings: SpecThreadSettings, token: CancellationToken): Finding[] {
  const findings: Finding[] = [];
  const archived = new Set(view.specs.filter((s) => s.archived).flatMap((s) => s.fileList.map((f) => f.path)));
  for (const rule of WORKSPACE_RULES) {
    throwIfCancelled(token);
    const severity = effectiveSeverity(rule.meta, settings);
    if (severity === 'off') continue;
    rule.check(view, (p) => {
      if (!archived.has(p.path)) findings.push({ ...p, severity, code: rule.meta.code });
    }, token);
  }
  return findings;
}
