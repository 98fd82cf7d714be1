/**
 * Spec roots as users write them, in VS Code settings (`specthread.roots`) and in the repo
 * config file (`specthread.json`): a folder, relative to the workspace folder, that holds specs
 * of one format. Plain data; both the client and the server import it.
 */

/** The formats SpecThread ships; server/src/core/formats/registry.ts holds their plugins and a test checks the two agree. */
export const BUILTIN_FORMAT_NAMES = ['kiro', 'speckit', 'openspec'] as const;

/**
 * A format's name: a built-in one, or one an embedder registers as a plugin. A root whose format
 * no registered plugin reads is ignored by the engine, as an unknown one always was.
 */
export type SpecFormatName = string;

export interface SpecRootSetting {
  /** Workspace-relative folder or glob (`docs/specs`, `packages/*\/openspec`). */
  readonly path: string;
  /** kiro: holds `<name>/requirements.md`; speckit: holds `<NNN-name>/spec.md`; openspec: holds `specs/` and `changes/`. */
  readonly format: SpecFormatName;
}

const FORMAT_NAME = /^[a-z][a-z0-9-]*$/;

/** Keeps well-formed entries; a bare string is a Kiro root, the most common extra root. */
export function normalizeRoots(input: unknown): SpecRootSetting[] {
  if (!Array.isArray(input)) return [];
  const out: SpecRootSetting[] = [];
  for (const item of input) {
    if (typeof item === 'string' && item.trim()) out.push({ path: item.trim(), format: BUILTIN_FORMAT_NAMES[0] });
    else if (item && typeof item === 'object') {
      const { path, format } = item as { path?: unknown; format?: unknown };
      if (typeof path === 'string' && path.trim() && typeof format === 'string' && FORMAT_NAME.test(format)) out.push({ path: path.trim(), format });
    }
  }
  return out;
}
