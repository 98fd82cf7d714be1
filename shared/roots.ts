/**
 * Spec roots as users write them, in VS Code settings (`specthread.roots`) and in the repo
 * config file (`specthread.json`): a folder, relative to the workspace folder, that holds specs
 * of one format. Plain data; both the client and the server import it.
 */

export type SpecFormatName = 'kiro' | 'speckit' | 'openspec';

export interface SpecRootSetting {
  /** Workspace-relative folder or glob (`docs/specs`, `packages/*\/openspec`). */
  readonly path: string;
  /** kiro: holds `<name>/requirements.md`; speckit: holds `<NNN-name>/spec.md`; openspec: holds `specs/` and `changes/`. */
  readonly format: SpecFormatName;
}

const FORMATS: readonly string[] = ['kiro', 'speckit', 'openspec'];

/** Keeps well-formed entries; a bare string is a Kiro root, the most common extra root. */
export function normalizeRoots(input: unknown): SpecRootSetting[] {
  if (!Array.isArray(input)) return [];
  const out: SpecRootSetting[] = [];
  for (const item of input) {
    if (typeof item === 'string' && item.trim()) out.push({ path: item.trim(), format: 'kiro' });
    else if (item && typeof item === 'object') {
      const { path, format } = item as { path?: unknown; format?: unknown };
      if (typeof path === 'string' && path.trim() && typeof format === 'string' && FORMATS.includes(format)) out.push({ path: path.trim(), format: format as SpecFormatName });
    }
  }
  return out;
}
