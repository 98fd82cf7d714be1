// @spec specthread-core#15.6
import * as path from 'path';
import { Finding } from '../../core/findings';

/**
 * `p` as the user typed it: relative to the working directory with `/` separators, so that output
 * is the same on every machine and platform. A path that has no relative form (another drive on
 * Windows) stays absolute.
 */
export function relativePath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return (path.isAbsolute(rel) ? p : rel).split(path.sep).join('/');
}

/** A folder relative to the working directory, `.` for the working directory itself. */
export function relativeDir(dir: string, cwd: string): string {
  return relativePath(dir, cwd) || '.';
}

/**
 * Findings grouped by file (relative path), files in the order they first appear, so a formatter
 * that nests findings under their file (checkstyle, JUnit, HTML) keeps the report's sort order.
 */
export function groupByFile(findings: readonly Finding[], cwd: string): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const file = relativePath(f.path, cwd);
    const group = groups.get(file);
    if (group) group.push(f);
    else groups.set(file, [f]);
  }
  return groups;
}

/**
 * Findings grouped by the spec folder (relative) that holds their file, the innermost one when
 * spec folders nest; findings outside every spec (code, tests, specthread.json) are grouped under
 * `undefined`. Groups appear in the order of their first finding.
 */
export function groupBySpec(findings: readonly Finding[], specDirs: readonly string[], cwd: string): Map<string | undefined, Finding[]> {
  // Longest first, so the first folder that contains a file is the innermost one.
  const dirs = [...specDirs].sort((a, b) => b.length - a.length);
  const groups = new Map<string | undefined, Finding[]>();
  for (const f of findings) {
    const dir = dirs.find((d) => f.path.startsWith(d.endsWith('/') ? d : `${d}/`));
    const key = dir === undefined ? undefined : relativeDir(dir, cwd);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}
