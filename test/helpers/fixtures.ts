import * as fs from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { loadBaselines } from '../../server/src/core/baseline/load';
import { loadWorkspaceConfig } from '../../server/src/core/config/configFile';
import { Engine } from '../../server/src/core/engine';
import { Finding } from '../../server/src/core/findings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { formatRange } from '../../server/src/core/text/range';

export const REPO = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');

/** Every file below `dir`, keyed by its path relative to `dir` with `/` separators. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/**
 * An engine over an in-memory copy of a fixture folder, rooted at `/ws`, configured as the CLI
 * would be: the fixture's specthread.json and baseline file apply.
 */
export async function engineFor(files: Record<string, string>, root = '/ws'): Promise<Engine> {
  const mem: Record<string, string> = {};
  for (const [rel, text] of Object.entries(files)) mem[`${root}/${rel}`] = text;
  const workspace = new MemoryWorkspace([root], mem);
  const { settings } = await loadWorkspaceConfig(workspace, NEVER_CANCELLED);
  const engine = new Engine(workspace, settings);
  engine.setBaselines(await loadBaselines(workspace, settings, NEVER_CANCELLED));
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine;
}

/** `path:line:col-line:col severity code message`, paths relative to the root, one-based positions. */
export function formatFinding(f: Finding, root = '/ws'): string {
  return `${f.path.slice(root.length + 1)}:${formatRange(f.range)} ${f.severity} ${f.code} ${f.message}`;
}
