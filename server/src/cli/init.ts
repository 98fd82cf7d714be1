// @spec specthread-core#17.4
import { promises as fs } from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../core/cancellation';
import { loadWorkspaceConfig } from '../core/config/configFile';
import { Engine } from '../core/engine';
import { writeFileAtomic } from '../host/atomicWrite';
import { NodeWorkspace } from '../host/nodeWorkspace';
import { toPosixPath } from '../host/paths';
import { InitOptions, UsageError } from './args';
import { CommandResult } from './commandResult';
import { WORKFLOWS, WORKFLOW_FILES } from './initWorkflows';

interface Root {
  readonly path: string;
  readonly format: string;
}

/**
 * `specthread init`: finds the specs below the folder with the engine every command uses (so the
 * roots written are the ones `check` reads), writes specthread.json with the recommended preset
 * and those roots, and prints the CI workflow, or with `--ci` writes it. A file that exists is
 * kept (and named) unless `--force` is given; writes are atomic.
 */
export async function runInit(options: InitOptions, cwd: string): Promise<CommandResult> {
  const dir = path.resolve(cwd, options.path);
  if (!(await fs.stat(dir).catch(() => undefined))?.isDirectory()) throw new UsageError(`no such folder: ${options.path}`);
  const roots = await specRoots(toPosixPath(dir));
  const notes: string[] = [];
  let kept = false;
  const write = async (relative: string, text: string) => {
    const target = path.join(dir, relative);
    if (!options.force && (await fs.stat(target).catch(() => undefined))) {
      notes.push(`Kept ${relative}: it exists (--force replaces it).`);
      kept = true;
      return;
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, text);
    notes.push(`Wrote ${relative}.`);
  };
  const config = { preset: 'recommended', roots };
  await write('specthread.json', JSON.stringify(config, null, 2) + '\n');
  const found = roots.length
    ? `Found ${roots.map((r) => `${r.path} (${r.format})`).join(', ')}.`
    : 'Found no specs yet; add roots to specthread.json when you write some.';
  let stdout = '';
  if (options.ci) {
    await write(WORKFLOW_FILES[options.ci], WORKFLOWS[options.ci]);
  } else {
    stdout = `# ${WORKFLOW_FILES.github} (or run \`specthread init --ci github\` to write it)\n${WORKFLOWS.github}\n# ${WORKFLOW_FILES.gitlab} (\`specthread init --ci gitlab\`)\n${WORKFLOWS.gitlab}`;
  }
  // Keeping a file the user did not ask to replace is not a failure, but a script should be able to tell.
  return { exitCode: kept ? 1 : 0, stdout, stderr: [found, ...notes].join('\n') };
}

/** The folders holding the specs found, relative to `dir`, with their format: what `roots` in specthread.json names. */
async function specRoots(dir: string): Promise<Root[]> {
  // An existing specthread.json's roots are read too, so `--force` keeps the folders it named.
  const workspace = new NodeWorkspace([dir]);
  const engine = new Engine(workspace, (await loadWorkspaceConfig(workspace, NEVER_CANCELLED)).settings);
  await engine.indexWorkspace(NEVER_CANCELLED);
  const roots = new Map<string, Root>();
  for (const spec of engine.allSpecs(NEVER_CANCELLED)) {
    const root = rootOf(spec.dir, spec.format);
    const relative = path.posix.relative(dir, root) || '.';
    roots.set(`${relative}\u0000${spec.format}`, { path: relative, format: spec.format });
  }
  return [...roots.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.format < b.format ? -1 : 1));
}

/** Kiro and spec-kit roots hold one folder per spec; an OpenSpec root holds `specs/` and `changes/`. */
function rootOf(specDir: string, format: string): string {
  if (format === 'openspec') {
    const at = [specDir.indexOf('/specs/'), specDir.indexOf('/changes/')].filter((i) => i >= 0);
    if (at.length) return specDir.slice(0, Math.min(...at));
  }
  return specDir.slice(0, specDir.lastIndexOf('/'));
}
