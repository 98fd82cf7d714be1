// @spec specthread-core#5.1, specthread-core#12.2, specthread-core#14.2
import * as path from 'path';
import { NEVER_CANCELLED } from '../core/cancellation';
import { EngineOptions } from '../core/engine';
import { isInternalError } from '../core/faults';
import { Finding, Severity, compareFindings, severityRank } from '../core/findings';
import { toPosixPath } from '../host/paths';
import { CheckOptions } from './args';
import { CommandResult } from './commandResult';
import { formatterFor } from './formatters';
import { CheckSummary } from './formatters/types';
import { configErrorsNote } from './notes/configErrors';
import { fileNotesSummary } from './notes/fileNotes';
import { internalErrorsNote } from './notes/internalErrors';
import { skippedFilesNote } from './notes/skippedFiles';
import { checkSummaryLine } from './notes/summaries';
import { NO_SPECS, OpenedWorkspace, openWorkspace } from './openWorkspace';
import { writeBaselines } from './writeBaseline';

/**
 * `specthread check`: the same engine the language server runs, over the file system. Folder
 * arguments are analysed whole; file arguments are analysed with their spec folder and only
 * their own findings are printed. When a parser or rule failed (internal.error), every other
 * finding is still printed and the exit code is 2. `engineOptions` is a seam for tests (a rule
 * that throws); the command line never passes it, so no file content can reach it.
 */
export async function runCheck(options: CheckOptions, cwd: string, engineOptions: EngineOptions = {}): Promise<CommandResult> {
  const useBaseline = !options.noBaseline && !options.writeBaseline;
  const opened = await openWorkspace(options.paths, options.exclude, cwd, useBaseline, engineOptions, options.preset);
  const { engine, config, requested, under } = opened;
  const findings = reportedFindings(opened, options.paths, cwd);
  const internal = findings.filter(isInternalError);
  if (options.writeBaseline) return writeBaselines(opened, internal, cwd);

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const specDirs = engine.specDirs().filter((d) => under(d) || requested.some((r) => r.startsWith(d + '/')));
  const summary: CheckSummary = {
    specs: specDirs.length,
    files: specDirs.reduce((n, d) => n + engine.filesOfSpec(d).length, 0),
    counts,
    ...(internal.length ? { internalErrors: internal.length } : {}),
  };
  const failing = options.failOn !== 'none' && findings.some((f) => severityRank(f.severity) <= severityRank(options.failOn as Severity));
  const stdout = formatterFor('check', options.format)({ findings, summary, specDirs }, { cwd });
  const note = specDirs.length === 0 ? `${NO_SPECS}\n` : '';
  const stderr =
    configErrorsNote(config.errors) +
    note +
    skippedFilesNote(engine) +
    fileNotesSummary(
      engine.fileNotes().filter((n) => under(n.path)),
      cwd,
    ) +
    internalErrorsNote(internal, cwd) +
    checkSummaryLine(summary, engine.code.taggedCount);
  // Exit 2 says the report is incomplete, which outranks "findings at or above --fail-on".
  return { exitCode: internal.length ? 2 : failing ? 1 : 0, stdout, stderr };
}

/**
 * The findings to print, sorted: those under the requested paths and of specthread.json, only
 * the requested files' when every path is a file, and every internal error wherever it landed
 * (a rule that failed on another file may have lost results for the requested ones too).
 */
function reportedFindings({ engine, onlyFiles, under }: OpenedWorkspace, paths: readonly string[], cwd: string): Finding[] {
  let findings: Finding[] = [...engine.configFindings(), ...engine.allFindings(NEVER_CANCELLED)].filter(
    (f) => under(f.path) || engine.isConfigFile(f.path) || isInternalError(f),
  );
  if (onlyFiles.size && paths.every((p) => onlyFiles.has(toPosixPath(path.resolve(cwd, p))))) {
    findings = findings.filter((f) => onlyFiles.has(f.path) || isInternalError(f));
  }
  // The same file can be reached from two overlapping roots; report it once.
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.path}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort(compareFindings);
}
