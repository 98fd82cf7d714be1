// @spec specthread-core#13.5
import { parse } from 'jsonc-parser';
import { normalizeRoots } from '../../../../shared/roots';
import type { SeveritySetting } from '../../../../shared/settings';
import { AnalysisCache } from '../analysisCache';
import { checkJson } from '../parse/json';
import { jsonTooDeepAt } from '../parse/jsonDepth';
import { SpecRoot } from '../specLocation';
import { Marker } from '../extras';
import { SPECTHREAD_CONFIG_SCHEMA } from './schema';
import { configGlobProblems } from './configGlobs';

/**
 * `specthread.json` (or `.specthread.json`) at a workspace folder's root: extra spec roots,
 * whether the default locations are searched, excludes and rule severities. Read through the
 * Workspace interface like every other file. An invalid file is reported and its valid parts
 * are still used, so one typo does not silently turn the configuration off.
 */

export const CONFIG_FILE_NAMES = ['specthread.json', '.specthread.json'];

export interface RepoConfig {
  readonly roots: readonly SpecRoot[];
  readonly discover: boolean;
  /** Globs relative to the workspace folder. */
  readonly exclude: readonly string[];
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly problems: readonly (Marker & { readonly path: string })[];
}

export const EMPTY_CONFIG: RepoConfig = { roots: [], discover: true, exclude: [], rules: {}, problems: [] };

/** Reads one config file's text; `folder` is the workspace folder it sits in; `cache` keeps the compiled schema. */
export function parseRepoConfig(path: string, folder: string, text: string, cache?: AnalysisCache): RepoConfig {
  const checked = checkJson(text, SPECTHREAD_CONFIG_SCHEMA, { jsonc: true, cache });
  // Too deep to parse safely: checkJson has reported it, and the file configures nothing.
  const raw = (jsonTooDeepAt(text) >= 0 ? {} : (parse(text) ?? {})) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [code, v] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'info' || v === 'hint' || v === 'off') rules[code] = v;
    }
  }
  return {
    roots: normalizeRoots(raw.roots).map((r) => ({ dir: joinPath(folder, r.path), format: r.format })),
    discover: raw.discover !== false,
    exclude: Array.isArray(raw.exclude) ? raw.exclude.filter((g): g is string => typeof g === 'string') : [],
    rules,
    // Globs the compiler refuses are reported where they are written, not dropped without a word.
    problems: [...checked.problems, ...configGlobProblems(text)].map((p) => ({ ...p, path })),
  };
}

/** Combines the configs of several workspace folders (a multi-root workspace). */
export function mergeConfigs(configs: readonly RepoConfig[]): RepoConfig {
  return {
    roots: configs.flatMap((c) => c.roots),
    discover: configs.every((c) => c.discover),
    exclude: configs.flatMap((c) => c.exclude),
    rules: Object.assign({}, ...configs.map((c) => c.rules)),
    problems: configs.flatMap((c) => c.problems),
  };
}

/** `folder` + a relative path, normalising `./` and trailing slashes; absolute paths pass through. */
export function joinPath(folder: string, rel: string): string {
  if (rel.startsWith('/')) return rel.replace(/(?<!\/)\/+$/, '');
  const parts = folder.split('/');
  for (const part of rel.replace(/\\/g, '/').split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
