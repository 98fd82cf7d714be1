// @spec specthread-core#17.2
import * as path from 'path';
import { childProcessModule } from './lazyBuiltins';
import { toPosixPath } from './paths';

/**
 * The one place SpecThread calls git: `execFile` (no shell, so a ref is never interpreted by
 * one), bounded output, and an error that says what went wrong in words a CI log can show.
 */
export class GitError extends Error {}

/** Enough for the path list of a very large change; a longer answer fails instead of filling memory. */
const MAX_OUTPUT = 64 * 1024 * 1024;

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    childProcessModule().execFile('git', [...args], { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new GitError('git is not installed or not on PATH'));
      reject(new GitError(String(stderr).trim() || err.message));
    });
  });
}

/** The top folder of the repository holding `cwd`; a GitError outside one. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return toPosixPath(path.resolve(cwd, (await git(['rev-parse', '--show-toplevel'], cwd)).trim()));
  } catch (err) {
    if (err instanceof GitError && /not a git repository/i.test(err.message)) throw new GitError(`${cwd} is not inside a git repository`);
    throw err;
  }
}

/** The commit `ref` names; a GitError naming the ref when there is none. */
async function commitOf(root: string, ref: string): Promise<string> {
  // `--end-of-options` keeps a ref that starts with `-` from being read as an option.
  const out = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root).catch(() => '');
  if (!out.trim()) throw new GitError(`unknown git ref '${ref}'`);
  return out.trim();
}

export interface ChangeSet {
  /** The repository's top folder, absolute with `/`. */
  readonly root: string;
  /** The commit the change is measured from: where the branch left `ref`. */
  readonly base: string;
  /** Changed, added, deleted and untracked files, absolute with `/`, sorted. */
  readonly files: readonly string[];
}

/**
 * Files changed since `ref`, measured from the merge base (what a pull request changes, as
 * `git diff ref...HEAD` counts it) to the working tree, untracked files included, so a run before
 * a commit sees the same change as CI after it.
 */
export async function changedSince(cwd: string, ref: string): Promise<ChangeSet> {
  const root = await repositoryRoot(cwd);
  const target = await commitOf(root, ref);
  const head = await commitOf(root, 'HEAD').catch(() => undefined);
  const base = head ? (await git(['merge-base', target, head], root).catch(() => '')).trim() || target : target;
  const diff = await git(['diff', '--name-only', '--no-renames', '-z', base, '--'], root);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  const files = [...new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean).map((f) => `${root}/${f}`))].sort();
  return { root, base, files };
}

/** The text of `file` (absolute) at `commit`, or undefined when it did not exist there. */
export async function fileAt(root: string, commit: string, file: string): Promise<string | undefined> {
  const relative = path.posix.relative(root, file);
  if (relative.startsWith('..')) return undefined;
  return git(['show', `${commit}:${relative}`], root).catch(() => undefined);
}
