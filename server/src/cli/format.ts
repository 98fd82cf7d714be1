// @spec specthread-core#5.1, specthread-core#5.2, specthread-core#14.2
import * as path from 'path';
import { Finding, Severity } from '../core/findings';

export interface Summary {
  readonly specs: number;
  readonly files: number;
  readonly counts: Record<Severity, number>;
  /** How many steps failed inside SpecThread; present only when some did (exit code 2). */
  readonly internalErrors?: number;
}

function relative(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return (path.isAbsolute(rel) ? p : rel).split(path.sep).join('/');
}

/** `file:line:col severity code message`, one finding per line, positions one-based. */
export function formatText(findings: readonly Finding[], cwd: string): string {
  return findings
    .map((f) => `${relative(f.path, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`)
    .join('\n');
}

/**
 * The stderr note that the report is incomplete: which step failed on which file, one line each,
 * so a CI log says what is missing without the JSON. Empty when nothing failed.
 */
export function formatInternalErrors(internal: readonly Finding[], cwd: string): string {
  if (internal.length === 0) return '';
  const lines = internal.map((f) => `  ${relative(f.path, cwd)}: ${f.message}`);
  const n = internal.length;
  return `SpecThread failed in ${n} step${n === 1 ? '' : 's'} (internal.error; exit code 2). Every other finding is reported above:\n${lines.join('\n')}\n`;
}

export function formatSummary(s: Summary): string {
  const parts = (['error', 'warning', 'info', 'hint'] as const).map((k) => `${s.counts[k]} ${k}${s.counts[k] === 1 ? '' : k === 'info' ? '' : 's'}`);
  return `${parts.join(', ')} in ${s.files} file${s.files === 1 ? '' : 's'} (${s.specs} spec${s.specs === 1 ? '' : 's'})`;
}

/** Stable machine output: one-based positions, paths relative to the working directory. */
export function formatJson(findings: readonly Finding[], summary: Summary, cwd: string): string {
  return JSON.stringify(
    {
      version: 1,
      summary,
      findings: findings.map((f) => ({
        file: relative(f.path, cwd),
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        code: f.code,
        message: f.message,
      })),
    },
    null,
    2,
  );
}
