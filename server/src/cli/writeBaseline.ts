// @spec specthread-core#7.3, specthread-core#7.5, specthread-core#14.2
import { createBaseline, serializeBaseline } from '../core/baseline/baseline';
import { baselinePath } from '../core/baseline/load';
import { NEVER_CANCELLED } from '../core/cancellation';
import { isInternalError } from '../core/faults';
import { Finding } from '../core/findings';
import { writeFileAtomic } from '../host/atomicWrite';
import { UsageError } from './args';
import { CommandResult } from './commandResult';
import { relativePath } from './formatters/paths';
import { configErrorsNote } from './notes/configErrors';
import { internalErrorsNote } from './notes/internalErrors';
import { OpenedWorkspace } from './openWorkspace';

/**
 * `specthread check --write-baseline`: records every current finding of each project root as
 * accepted, atomically, and says where on stderr. `internal` are the run's internal errors: a rule
 * that failed recorded nothing, so the baseline is incomplete, which the exit code 2 says.
 */
export async function writeBaselines({ engine, config, roots }: OpenedWorkspace, internal: readonly Finding[], cwd: string): Promise<CommandResult> {
  const written: string[] = [];
  for (const root of roots) {
    const target = baselinePath(root, config.settings);
    if (!target) throw new UsageError('baselines are turned off ("baseline": "" in specthread.json)');
    // An internal error is not a finding a team can accept; it stays visible on every run.
    const all = engine.allFindings(NEVER_CANCELLED).filter((f) => !isInternalError(f));
    const baseline = createBaseline(all, root, (p) => engine.textOf(p));
    await writeFileAtomic(target, serializeBaseline(baseline));
    const count = baseline.findings.reduce((n, e) => n + e.count, 0);
    written.push(`Wrote ${count} accepted finding${count === 1 ? '' : 's'} to ${relativePath(target, cwd) || target}; later runs report only new findings.`);
  }
  return { exitCode: internal.length ? 2 : 0, stdout: '', stderr: configErrorsNote(config.errors) + internalErrorsNote(internal, cwd) + written.join('\n') };
}
