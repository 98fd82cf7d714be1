import { DEFAULT_SETTINGS, SpecThreadSettings, mergeSettings, normalizeSettings } from '../../../../shared/settings';
import { ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { TOO_DEEP_MESSAGE, jsonTooDeepAt } from '../parse/jsonDepth';
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
    // jsonc-parser reads JSON with comments and trailing commas, as VS Code settings allow.
    const problems: ParseError[] = [];
    const deep = jsonTooDeepAt(text);
    if (deep >= 0) {
      errors.push(`${path}: ${TOO_DEEP_MESSAGE.replace(/\.$/, '')} (at offset ${deep}); the file is ignored.`);
      continue;
    }
    const value: unknown = parse(text, problems, { allowTrailingComma: true });
    if (problems.length)
      errors.push(`${path}: not valid JSON (${printParseErrorCode(problems[0]!.error)} at offset ${problems[0]!.offset}); the file is ignored.`);
    else settings = mergeSettings(settings, normalizeSettings(value));
  }
  return { settings, errors, files };
}
