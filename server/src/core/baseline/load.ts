import { DEFAULT_BASELINE_FILE, SpecThreadSettings } from '../../../../shared/settings';
import { CancellationToken } from '../cancellation';
import { Workspace } from '../workspace';
import { Baseline, parseBaseline } from './baseline';

/** Where a root's baseline lives, or undefined when the settings turn baselines off (`"baseline": ""`). */
export function baselinePath(root: string, settings: SpecThreadSettings): string | undefined {
  const rel = settings.baseline ?? DEFAULT_BASELINE_FILE;
  return rel ? `${root.replace(/\/$/, '')}/${rel.replace(/^\.\//, '')}` : undefined;
}

/** The baselines of every root that has one. */
export async function loadBaselines(workspace: Workspace, settings: SpecThreadSettings, token: CancellationToken): Promise<Baseline[]> {
  const out: Baseline[] = [];
  for (const root of workspace.roots) {
    const path = baselinePath(root, settings);
    const text = path ? await workspace.readFile(path, token) : undefined;
    const baseline = text === undefined ? undefined : parseBaseline(text, root.replace(/\/$/, ''));
    if (baseline) out.push(baseline);
  }
  return out;
}
