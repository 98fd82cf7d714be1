// @spec specthread-core#19.4
import { promises as fs } from 'fs';
import * as path from 'path';
import { NEVER_CANCELLED } from '../core/cancellation';
import { stubSourceOf } from '../core/studio/testStubs/engineSource';
import { TestStubFile, TestStubsError, testStubsFor } from '../core/studio/testStubs/testStubs';
import { createFileAtomic, writeFileAtomic } from '../host/atomicWrite';
import { toPosixPath } from '../host/paths';
import { TestStubsOptions, UsageError } from './args';
import { CommandResult } from './commandResult';
import { openWorkspace } from './openWorkspace';

/**
 * `specthread test-stubs <spec>`: plans the stubs with the core (the same plan the editor
 * previews) and writes them: a new file atomically and never over one that exists; into an
 * existing file only with `--append`. `--dry-run` prints instead. Exit 0 when written (or nothing
 * was missing), 1 when a file was kept, 2 on a usage error.
 */
export async function runTestStubs(options: TestStubsOptions, cwd: string): Promise<CommandResult> {
  const asPath = path.resolve(cwd, options.spec);
  const isPath = !!(await fs.stat(asPath).catch(() => undefined));
  const opened = await openWorkspace([isPath ? projectDirOf(asPath) : '.'], [], cwd, false);
  let plan;
  try {
    plan = await testStubsFor(
      stubSourceOf(opened.engine, (p, t) => opened.workspace.readFile(p, t)),
      isPath ? toPosixPath(asPath) : options.spec,
      { criteria: options.criteria, ...(options.framework ? { framework: options.framework } : {}) },
      NEVER_CANCELLED,
    );
  } catch (err) {
    if (err instanceof TestStubsError) throw new UsageError(err.message);
    throw err;
  }
  const rel = (p: string) => path.relative(cwd, p) || '.';
  const notes = [`Framework: ${plan.framework} (${plan.evidence}).`];
  for (const s of plan.skipped) notes.push(`${s.ref}: ${s.reason === 'verified' ? 'a test verifies it' : 'a pending test names it already'}; no stub.`);
  if (!plan.files.length) return { exitCode: 0, stdout: '', stderr: [...notes, `Nothing to stub in ${plan.spec}.`].join('\n') };
  if (options.dryRun) {
    const stdout = plan.files
      .map((f) => `${f.create ? `# new file ${rel(f.path)}` : `# into ${rel(f.path)} at line ${f.insertAt!.line + 1}`}\n${f.text}`)
      .join('\n');
    return { exitCode: 0, stdout, stderr: [...notes, `Dry run: nothing written (${count(plan.files)}).`].join('\n') };
  }
  let kept = false;
  for (const file of plan.files) {
    const target = file.path;
    if (file.create) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      if (await createFileAtomic(target, file.text)) {
        notes.push(`Wrote ${file.refs.length} pending test${file.refs.length === 1 ? '' : 's'} to ${rel(target)}.`);
        continue;
      }
    } else if (options.append) {
      const now = await fs.readFile(target, 'utf8');
      // The offset was computed on the text read a moment ago; a file changed since is re-planned, not patched blindly.
      if (file.insertOffset === undefined || now.length !== file.baseLength)
        throw new UsageError(`${rel(target)} changed while stubs were planned; run again.`);
      await writeFileAtomic(target, now.slice(0, file.insertOffset) + file.text + now.slice(file.insertOffset));
      notes.push(`Appended ${file.refs.length} pending test${file.refs.length === 1 ? '' : 's'} to ${rel(target)}.`);
      continue;
    }
    kept = true;
    notes.push(`Kept ${rel(target)}: it exists (--append adds the ${file.refs.length} stub${file.refs.length === 1 ? '' : 's'} to it; --dry-run shows them).`);
  }
  return { exitCode: kept ? 1 : 0, stdout: '', stderr: notes.join('\n') };
}

/**
 * The project a spec path belongs to: the folder holding its `.kiro`, `specs` or `openspec`
 * folder. Opening the spec folder alone would leave out the tests, and a checkout without `.git`
 * or specthread.json gives `openWorkspace` nothing else to find the project by.
 */
function projectDirOf(specPath: string): string {
  const posix = toPosixPath(specPath);
  const cuts = ['/.kiro/', '/.specify/', '/specs/', '/openspec/'].map((m) => posix.lastIndexOf(m)).filter((i) => i > 0);
  return cuts.length ? posix.slice(0, Math.min(...cuts)) : posix;
}

function count(files: readonly TestStubFile[]): string {
  const n = files.reduce((k, f) => k + f.refs.length, 0);
  return `${n} pending test${n === 1 ? '' : 's'}`;
}
