import { SpecFileKind, SpecFormat } from './model';

/**
 * Where a file sits in the spec layout: which spec folder it belongs to and what role it plays.
 * Decided from the path alone, so discovery needs no file reads.
 */
export interface SpecLocation {
  /** The spec's ref name: its folder path below the spec root, e.g. `user-auth`. */
  readonly specId: string;
  /** The spec folder's absolute path. */
  readonly specDir: string;
  readonly format: SpecFormat;
  readonly kind: SpecFileKind;
}

const KIRO_FILES: Record<string, SpecFileKind> = {
  'requirements.md': 'requirements',
  'bugfix.md': 'bugfix',
  'design.md': 'design',
  'tasks.md': 'tasks',
};

// `.kiro/plans` is where early Kiro releases kept specs (kirodotdev/spirit-of-kiro still does).
const KIRO_ROOTS = ['/.kiro/specs/', '/.kiro/plans/'];

export function locateSpecFile(path: string): SpecLocation | undefined {
  for (const marker of KIRO_ROOTS) {
    const at = path.lastIndexOf(marker);
    if (at < 0) continue;
    const rest = path.slice(at + marker.length);
    const slash = rest.lastIndexOf('/');
    if (slash <= 0) continue;
    const kind = KIRO_FILES[rest.slice(slash + 1)];
    if (!kind) continue;
    const specId = rest.slice(0, slash);
    return { specId, specDir: path.slice(0, at + marker.length) + specId, format: 'kiro', kind };
  }
  return undefined;
}

/** True for Markdown files that could be spec files; used to decide what to read and watch. */
export function isSpecCandidate(path: string): boolean {
  return locateSpecFile(path) !== undefined;
}
