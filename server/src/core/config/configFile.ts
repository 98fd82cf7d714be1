import { DEFAULT_SETTINGS, SpecThreadSettings, mergeSettings, normalizeSettings } from '../../../../shared/settings';
import { CancellationToken } from '../cancellation';
import { Workspace } from '../workspace';
import { CONFIG_FILE_NAMES } from './repoConfig';

/**
 * The repository's own configuration: `specthread.json` at a workspace root, with the same
 * shape as the `specthread.*` editor settings (`rules`, `overrides`, `terms`, `ears`,
 * `baseline`, `exclude`). Comments are allowed, as in VS Code settings. Kept to reading and
 * normalising one file so it can merge with a fuller config loader later.
 */

export interface LoadedConfig {
  readonly settings: SpecThreadSettings;
  /** Problems to show the user (a file that is not valid JSON is ignored, not fatal). */
  readonly errors: readonly string[];
  /** The config files that were read. */
  readonly files: readonly string[];
}

export async function loadWorkspaceConfig(workspace: Workspace, token: CancellationToken): Promise<LoadedConfig> {
  let settings = DEFAULT_SETTINGS;
  const errors: string[] = [];
  const files: string[] = [];
  for (const root of workspace.roots) {
    // `.specthread.json` is accepted too, for teams that keep tool config hidden.
    let path = '';
    let text: string | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      path = `${root.replace(/\/$/, '')}/${name}`;
      text = await workspace.readFile(path, token);
      if (text !== undefined) break;
    }
    if (text === undefined) continue;
    files.push(path);
    try {
      settings = mergeSettings(settings, normalizeSettings(JSON.parse(stripJsonComments(text))));
    } catch (err) {
      errors.push(`${path}: ${err instanceof Error ? err.message : String(err)}; the file is ignored.`);
    }
  }
  return { settings, errors, files };
}

/** Removes `//` and `/* *\/` comments and trailing commas outside strings. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += ch;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
