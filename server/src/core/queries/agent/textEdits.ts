// @spec specthread-core#18.1
import { FileEdit } from '../../findings';
import { LineIndex } from '../../text/lineIndex';

/**
 * Edits as text: the new content of each file, and a unified diff of all of them. Rename and task
 * state queries produce `FileEdit`s like every fix; this is how agents see them before (or
 * instead of) applying them.
 */

/** `text` with `edits` applied; edits must not overlap (the core's fixes never produce overlapping ones). */
export function applyEdits(text: string, edits: readonly Pick<FileEdit, 'range' | 'newText'>[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** Edits grouped by file, in path order, with each file's old and new text. */
export interface FileChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

export function fileChanges(edits: readonly FileEdit[], textOf: (path: string) => string | undefined): FileChange[] {
  const byPath = new Map<string, FileEdit[]>();
  for (const e of edits) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  const out: FileChange[] = [];
  for (const path of [...byPath.keys()].sort()) {
    const before = textOf(path);
    if (before === undefined) continue;
    out.push({ path, before, after: applyEdits(before, byPath.get(path)!) });
  }
  return out;
}

const CONTEXT = 3;

/**
 * A unified diff (`diff -u` shape, `a/` and `b/` prefixes) of one file. Lines are compared after
 * the common head and tail are cut off and then pairwise, which is exact for edits that keep the
 * line count (renames, task markers) and still a valid diff otherwise.
 */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  // Changed line pairs, as [oldStart, oldEnd, newStart, newEnd) runs.
  const runs: [number, number, number, number][] = [];
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === i) {
        last[1]++;
        last[3]++;
      } else runs.push([i, i + 1, i, i + 1]);
    }
  } else {
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    runs.push([head, a.length - tail, head, b.length - tail]);
  }
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let i = 0;
  while (i < runs.length) {
    // Runs whose context overlaps share one hunk.
    let j = i;
    while (j + 1 < runs.length && runs[j + 1]![0] - runs[j]![1] <= 2 * CONTEXT) j++;
    const first = runs[i]!;
    const last = runs[j]!;
    const oldStart = Math.max(0, first[0] - CONTEXT);
    const newStart = Math.max(0, first[2] - CONTEXT);
    const oldEnd = Math.min(a.length, last[1] + CONTEXT);
    const newEnd = Math.min(b.length, last[3] + CONTEXT);
    const body: string[] = [];
    let o = oldStart;
    for (let k = i; k <= j; k++) {
      const [os, oe, ns, ne] = runs[k]!;
      for (; o < os; o++) body.push(` ${a[o]}`);
      for (let x = os; x < oe; x++) body.push(`-${a[x]}`);
      for (let x = ns; x < ne; x++) body.push(`+${b[x]}`);
      o = oe;
    }
    for (; o < oldEnd; o++) body.push(` ${a[o]}`);
    out.push(`@@ -${range(oldStart, oldEnd - oldStart)} +${range(newStart, newEnd - newStart)} @@`, ...body);
    i = j + 1;
  }
  return out.join('\n') + '\n';
}

function range(start: number, count: number): string {
  return count === 0 ? `${start},0` : `${start + 1},${count}`;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  // A final line end does not start another line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
