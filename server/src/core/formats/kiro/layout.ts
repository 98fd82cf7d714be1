import { SpecFileKind } from '../../model';
import type { SpecLocation } from '../location';

/**
 * Kiro: `.kiro/specs/<name>/{requirements,bugfix,design,tasks}.md` and `.config.kiro`, plus the
 * workspace-wide `.kiro/steering/*.md` and `.kiro/hooks/*.kiro.hook`, each read as one pseudo
 * spec (`steering`, `hooks`) so they get diagnostics like any spec file.
 */

const KIRO_FILES: Record<string, SpecFileKind> = {
  'requirements.md': 'requirements',
  'bugfix.md': 'bugfix',
  'design.md': 'design',
  'tasks.md': 'tasks',
  '.config.kiro': 'kiro-config',
};

/** The file names a Kiro spec folder may hold, for loading a spec's siblings. */
export const KIRO_SPEC_FILES = Object.keys(KIRO_FILES);

// `.kiro/plans` is where early Kiro releases kept specs (kirodotdev/spirit-of-kiro still does).
const KIRO_ROOTS = ['/.kiro/specs/', '/.kiro/plans/'];

export function locateKiro(path: string): SpecLocation | undefined {
  // Every workspace path is located, code files included: the names Kiro reads all end in `.md`,
  // `.kiro` (`.config.kiro`) or `.kiro.hook`, so anything else is rejected before searching the path.
  if (!path.endsWith('.md') && !path.endsWith('.kiro') && !path.endsWith('.kiro.hook')) return undefined;
  for (const marker of KIRO_ROOTS) {
    const at = path.lastIndexOf(marker);
    if (at < 0) continue;
    const found = locateKiroBelow(path.slice(0, at + marker.length - 1), path);
    if (found) return found;
  }
  return locateKiroExtras(path);
}

/** A spec file below `root`, the folder that plays the role of `.kiro/specs`. */
export function locateKiroBelow(root: string, path: string): SpecLocation | undefined {
  if (!path.startsWith(root + '/')) return undefined;
  const rest = path.slice(root.length + 1);
  const slash = rest.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const kind = KIRO_FILES[rest.slice(slash + 1)];
  if (!kind) return undefined;
  const specId = rest.slice(0, slash);
  // `.kiro/specs/archive/<name>/` holds finished specs: read (inventory, hovers, citations) but not checked.
  const archived = specId.startsWith('archive/');
  return { specId, specDir: `${root}/${specId}`, format: 'kiro', kind, ...(archived ? { archived } : {}) };
}

function locateKiroExtras(path: string): SpecLocation | undefined {
  // Every path of the workspace comes here (code files included), so the name is checked before
  // a regular expression runs: each regex scans the whole path, and almost none is a steering file or hook.
  const steering = path.endsWith('.md') && path.includes('/.kiro/steering/') ? /^(.*\/\.kiro\/steering)\/[^/]+\.md$/.exec(path) : null;
  if (steering) return { specId: 'steering', specDir: steering[1]!, format: 'kiro', kind: 'steering' };
  const hook = path.endsWith('.kiro.hook') ? /^(.*\/\.kiro\/hooks)\/[^/]+\.kiro\.hook$/.exec(path) : null;
  if (hook) return { specId: 'hooks', specDir: hook[1]!, format: 'kiro', kind: 'hook' };
  return undefined;
}
