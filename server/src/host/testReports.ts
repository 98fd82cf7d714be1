// @spec specthread-core#17.3
import { promises as fs } from 'fs';
import * as path from 'path';
import { compileGlobs, isGlob } from '../core/glob/glob';
import { TestReport } from '../core/testResults/testResults';
import { toPosixPath } from './paths';

/** Folders a glob never descends into: no test report lives in them, and they can be huge. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** A report larger than this is refused: a JUnit file of that size is not one a CI step wrote for us. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export class TestReportError extends Error {}

/**
 * The JUnit reports `--test-results` names: plain paths must exist; a glob (`reports/**\/*.xml`)
 * is matched below its static folder with the one glob compiler and may match nothing. Sorted
 * and read once each, so the analysis is the same whatever order the shell gave. With `missingOk`
 * (the language server's `specthread.testResults`) a plain path that does not exist is skipped.
 */
export async function readTestReports(patterns: readonly string[], cwd: string, options: { missingOk?: boolean } = {}): Promise<TestReport[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const posix = toPosixPath(pattern);
    if (!isGlob(posix)) {
      const abs = path.resolve(cwd, pattern);
      const isFile = !!(await fs.stat(abs).catch(() => undefined))?.isFile();
      // The editor names reports before the tests first ran: a missing one is not yet written, not a typo to stop on.
      if (!isFile && options.missingOk) continue;
      if (!isFile) throw new TestReportError(`--test-results: no such file: ${pattern}`);
      files.add(toPosixPath(abs));
      continue;
    }
    const segments = posix.split('/');
    const firstGlob = segments.findIndex(isGlob);
    const base = path.resolve(cwd, segments.slice(0, firstGlob).join('/') || '.');
    const matcher = compileGlobs([segments.slice(firstGlob).join('/')]);
    if (matcher.problems.length) throw new TestReportError(`--test-results: ${matcher.problems[0]!.reason}`);
    for (const file of await walk(base)) if (matcher.match(path.posix.relative(toPosixPath(base), file))) files.add(file);
  }
  const reports: TestReport[] = [];
  for (const file of [...files].sort()) {
    const stat = await fs.stat(file);
    if (stat.size > MAX_REPORT_BYTES) throw new TestReportError(`--test-results: ${file} is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB`);
    reports.push({ path: file, text: (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '') });
  }
  return reports;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !SKIPPED_FOLDERS.has(e.name)) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(toPosixPath(full));
  }
  return out;
}
