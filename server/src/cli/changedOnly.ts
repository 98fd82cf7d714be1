// @spec specthread-core#17.2
import { readFileSync } from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../core/cancellation';
import { ChangeScope, findingsOfChange } from '../core/changes/changedOnly';
import { Finding } from '../core/findings';
import { GitError, changedSince, fileAt, repositoryRoot } from '../host/git';
import { toPosixPath } from '../host/paths';
import { UsageError } from './args';
import { OpenedWorkspace } from './openWorkspace';

export interface ChangeRequest {
  readonly changedSince?: string;
  readonly changedFiles?: readonly string[];
}

/**
 * `--changed-since` / `--changed-files`: the findings the change is answerable for (see
 * core/changes/changedOnly.ts for what "caused" means). The base analysis is the same engine with
 * the changed files set to their text at the base commit (the merge base with the ref, or HEAD
 * for a list of files in a repository), then set back from disk. Outside a repository a list of
 * files has no base, and findings elsewhere are kept only when related to a changed file.
 * `current` recomputes the reported findings from the engine's present state.
 */
export async function findingsOfChangeRun(opened: OpenedWorkspace, request: ChangeRequest, cwd: string, current: () => Finding[]): Promise<Finding[]> {
  const { engine } = opened;
  const { changed, base } = await changeOf(request, cwd);
  const onDisk = diskText(engine.textOf.bind(engine));
  const findings = current();
  if (!base) return findingsOfChange(findings, onDisk, { changed });
  const relevant = [...changed].filter((f) => engine.isTracked(f) || engine.isTraceable(f) || engine.textOf(f) !== undefined);
  const baseTexts = new Map<string, string | undefined>();
  for (const file of relevant) baseTexts.set(file, await fileAt(base.root, base.commit, file));
  for (const [file, text] of baseTexts) engine.setText(file, text, NEVER_CANCELLED);
  const scope: ChangeScope = {
    changed,
    base: { findings: current(), textOf: (p) => (baseTexts.has(p) ? baseTexts.get(p) : onDisk(p)) },
  };
  // Back to the working tree, so that the summary counts the files as they are.
  for (const file of baseTexts.keys()) await engine.reload(file, NEVER_CANCELLED);
  return findingsOfChange(findings, onDisk, scope);
}

async function changeOf(request: ChangeRequest, cwd: string): Promise<{ changed: Set<string>; base?: { root: string; commit: string } }> {
  try {
    if (request.changedSince !== undefined) {
      const change = await changedSince(cwd, request.changedSince);
      return { changed: new Set(change.files), base: { root: change.root, commit: change.base } };
    }
    const changed = new Set((request.changedFiles ?? []).map((f) => toPosixPath(path.resolve(cwd, f))));
    const root = await repositoryRoot(cwd).catch(() => undefined);
    return { changed, base: root ? { root, commit: 'HEAD' } : undefined };
  } catch (err) {
    // An unknown ref or a folder outside a repository is a usage problem: exit 2 with the reason.
    if (err instanceof GitError) throw new UsageError(`--changed-since: ${err.message}`);
    throw err;
  }
}

/** The engine's text of a file, or the file as it is on disk (code files: the engine keeps only their facts). */
function diskText(engineText: (path: string) => string | undefined): (path: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (p) => {
    const held = engineText(p);
    if (held !== undefined) return held;
    if (!cache.has(p)) {
      let text: string | undefined;
      try {
        text = readFileSync(p, 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(p, text);
    }
    return cache.get(p);
  };
}

/** `--changed-files a,b` or `--changed-files @list.txt` (one path a line): the paths named, relative to `cwd`. */
export function changedFilesArgument(value: string, cwd: string): string[] {
  const text = value.startsWith('@') ? readList(path.resolve(cwd, value.slice(1))) : value;
  return text
    .split(/[,\n\r]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function readList(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--changed-files: cannot read ${file}`);
  }
}
