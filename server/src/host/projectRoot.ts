import { existsSync } from 'fs';
import * as path from 'path';
import { DEFAULT_BASELINE_FILE } from '../../../shared/settings';
import { CONFIG_FILE_NAMES } from '../core/config/repoConfig';

/**
 * The folder whose specthread.json and baseline apply to `dir`: the nearest ancestor (or `dir`
 * itself) holding either file, without leaving the git repository; `dir` when there is none.
 * So `specthread check .kiro` uses the repository's configuration, as the editor does.
 */
export function projectRootOf(dir: string): string {
  let current = path.resolve(dir);
  for (;;) {
    if (CONFIG_FILE_NAMES.some((name) => existsSync(path.join(current, name))) || existsSync(path.join(current, DEFAULT_BASELINE_FILE))) return current;
    const parent = path.dirname(current);
    if (existsSync(path.join(current, '.git')) || parent === current) return path.resolve(dir);
    current = parent;
  }
}
