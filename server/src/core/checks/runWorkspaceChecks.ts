// @spec specthread-core#14.1, specthread-core#15.2
import { CancellationToken } from '../cancellation';
import type { RuleSettings } from '../config/ruleSettings';
import { Log, faultAnchor } from '../faults';
import { Finding } from '../findings';
import { runRules } from './runRules';
import { WorkspaceRule, WorkspaceView } from './workspaceRule';
import { WORKSPACE_RULES } from './workspaceRegistry';

export interface WorkspaceCheckOptions {
  /** Rules to run after the registered ones. */
  readonly extraRules?: readonly WorkspaceRule[];
  readonly log?: Log;
}

/**
 * Runs the cross-spec rules once over the whole workspace, through the one runner and its
 * severity policy (so per-path overrides reach them); archived specs are only context. A rule
 * that throws becomes one internal.error finding, on the main file of the first spec that is
 * checked (a cross-spec rule has no file of its own).
 */
export function runWorkspaceChecks(view: WorkspaceView, policy: RuleSettings, token: CancellationToken, options: WorkspaceCheckOptions = {}): Finding[] {
  const archived = new Set(view.specs.filter((s) => s.archived).flatMap((s) => s.fileList.map((f) => f.path)));
  const anchor = faultAnchor(view.specs, view.roots);
  return runRules(
    {
      step: 'workspace rule',
      rules: options.extraRules ? [...WORKSPACE_RULES, ...options.extraRules] : WORKSPACE_RULES,
      anchor: () => anchor,
      keep: (p) => !archived.has(p.path),
      check: (rule, report) => rule.check(view, report, token),
    },
    policy,
    token,
    options.log,
  );
}
