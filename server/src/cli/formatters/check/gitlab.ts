// @spec specthread-core#17.1
import { Severity } from '../../../core/findings';
import { cryptoModule } from '../../../host/lazyBuiltins';
import { fingerprintOf, position } from '../findingFacts';
import { relativePath } from '../paths';
import { CheckReport, Formatter } from '../types';

/** GitLab's Code Quality severities; an error blocks nothing by itself, so it is `major`, not `blocker`. */
const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/**
 * GitLab Code Quality JSON (the `codequality` report artifact), shown in merge requests. GitLab
 * compares fingerprints between the base and the merge request to tell new issues from old, so
 * each one is built from the rule, the file and the baseline fingerprint (which survives lines
 * moving), plus the occurrence number to keep identical problems in one file apart.
 */
export const formatCheckGitlab: Formatter<CheckReport> = (report, { cwd }) => {
  const { createHash } = cryptoModule();
  const seen = new Map<string, number>();
  const issues = report.findings.map((f) => {
    const path = relativePath(f.path, cwd);
    const key = `${f.code}\u0000${path}\u0000${fingerprintOf(report, f)}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      type: 'issue',
      description: f.message,
      check_name: f.code,
      fingerprint: createHash('md5').update(`${key}\u0000${n}`).digest('hex'),
      severity: GITLAB_SEVERITY[f.severity],
      location: { path, lines: { begin: position(f).line, end: position(f).endLine } },
    };
  });
  return JSON.stringify(issues, null, 2);
};
