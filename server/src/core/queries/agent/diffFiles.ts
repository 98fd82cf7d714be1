// @spec specthread-core#18.1
import { QueryError } from './queryError';

/** One file a unified diff changes: its path as the diff names it, and the changed lines of its new text (0-based). */
export interface DiffFile {
  readonly path: string;
  readonly lines: readonly number[];
  readonly deleted: boolean;
}

/**
 * The files and changed lines of a unified diff (`git diff`, `diff -u`). Paths keep what the diff
 * wrote after the `a/` / `b/` prefixes; the caller decides whether they lie in the workspace.
 */
export function parseUnifiedDiff(diff: string): DiffFile[] {
  const out: { path: string; lines: number[]; deleted: boolean }[] = [];
  let current: { path: string; lines: number[]; deleted: boolean } | undefined;
  let oldPath: string | undefined;
  let line = 0;
  for (const text of diff.split(/\r\n|\r|\n/)) {
    if (text.startsWith('--- ')) {
      oldPath = stripPrefix(text.slice(4));
      continue;
    }
    if (text.startsWith('+++ ')) {
      const newPath = stripPrefix(text.slice(4));
      const deleted = newPath === undefined;
      const path = newPath ?? oldPath;
      if (path === undefined) throw new QueryError('The diff names a file as /dev/null on both sides.');
      current = { path, lines: [], deleted };
      out.push(current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(text);
    if (hunk) {
      if (!current) throw new QueryError('The diff has a hunk before any +++ file line.');
      line = Math.max(0, Number(hunk[1]) - 1);
      // A pure deletion has no new lines; the line it happened at counts as changed.
      if (hunk[2] === '0') current.lines.push(line);
      continue;
    }
    if (!current) continue;
    if (text.startsWith('+')) current.lines.push(line++);
    else if (text.startsWith('-')) current.lines.push(line);
    else if (text.startsWith(' ')) line++;
  }
  if (!out.length) throw new QueryError('The diff names no file: expected unified diff lines `--- a/<path>` and `+++ b/<path>`.');
  return out.map((f) => ({ ...f, lines: [...new Set(f.lines)].sort((a, b) => a - b) }));
}

function stripPrefix(name: string): string | undefined {
  const path = name.split('\t')[0]!.trim();
  if (path === '/dev/null') return undefined;
  return path.replace(/^[ab]\//, '');
}
