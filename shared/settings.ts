/**
 * Settings shared by the VS Code client (which reads them from the `specthread.*` configuration)
 * and the server and CLI (which apply them). Plain data only; no imports from either side.
 */

import { SpecRootSetting, normalizeRoots } from './roots';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface SpecThreadSettings {
  /** Per-rule severity overrides, keyed by rule code (`link.unknown-ref`) or family (`coverage`). */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Workspace-relative globs of files that are never analysed (in addition to .gitignore). */
  readonly exclude: readonly string[];
  /** Extra spec roots (`docs/specs`), added to the default locations of every format. */
  readonly roots?: readonly SpecRootSetting[];
}

export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/node_modules/**',
  // Archived specs are finished history; their authors do not want new findings on them.
  '**/_archived/**',
  '**/archived/**',
];

export const DEFAULT_SETTINGS: SpecThreadSettings = Object.freeze({
  rules: Object.freeze({}),
  exclude: DEFAULT_EXCLUDES,
});

/** Fills in defaults for a partial settings object received from a client or a config file. */
export function normalizeSettings(input: unknown): SpecThreadSettings {
  const raw = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof SpecThreadSettings, unknown>>;
  const rules: Record<string, SeveritySetting> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [code, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (value === 'error' || value === 'warning' || value === 'info' || value === 'hint' || value === 'off') rules[code] = value;
    }
  }
  const exclude = Array.isArray(raw.exclude) ? raw.exclude.filter((g): g is string => typeof g === 'string') : [];
  return { rules, exclude: [...DEFAULT_EXCLUDES, ...exclude], roots: normalizeRoots(raw.roots) };
}
