// @spec specthread-core#17.2
import { fingerprint } from '../baseline/baseline';
import { Finding } from '../findings';

/**
 * Which findings a change is answerable for, for `--changed-since` and `--changed-files`.
 *
 * The whole workspace is analysed (a citation is only wrong against the whole spec), then a
 * finding is kept when it lies in a changed file, or when it lies elsewhere and is new against the
 * analysis of the base: the same engine with the changed files put back to their base text. That
 * comparison is exact where a guess from related locations is not: a renumbered requirement
 * breaks a citation in an untouched tasks.md although the broken citation names no changed file,
 * and a finding that was already there before the change is not blamed on it. Findings are
 * matched the way the baseline matches them (rule, file, and the text of the flagged line, never
 * the line number or the message, whose suggestions may change with the renumbering), counted,
 * so a second identical problem is still new.
 */
export interface ChangeScope {
  /** The changed files, absolute with `/` (deleted ones included). */
  readonly changed: ReadonlySet<string>;
  /**
   * The findings of the base analysis and the texts they were found in. Without a base (no git
   * to ask), a finding outside the changed files is kept only when one of its related locations
   * lies in a changed file.
   */
  readonly base?: { readonly findings: readonly Finding[]; readonly textOf: (path: string) => string | undefined };
}

export function findingsOfChange(findings: readonly Finding[], textOf: (path: string) => string | undefined, scope: ChangeScope): Finding[] {
  const { changed, base } = scope;
  if (!base) return findings.filter((f) => changed.has(f.path) || (f.related ?? []).some((r) => changed.has(r.path)));
  const before = new Map<string, number>();
  const lines = linesOf(base.textOf);
  for (const f of base.findings) {
    if (changed.has(f.path)) continue;
    const key = keyOf(f, lines(f.path));
    before.set(key, (before.get(key) ?? 0) + 1);
  }
  const nowLines = linesOf(textOf);
  return findings.filter((f) => {
    if (changed.has(f.path)) return true;
    const key = keyOf(f, nowLines(f.path));
    const left = before.get(key) ?? 0;
    if (left === 0) return true;
    before.set(key, left - 1);
    return false;
  });
}

const keyOf = (f: Finding, lines: readonly string[]) => `${f.code}\u0000${f.path}\u0000${fingerprint(f, lines)}`;

/** Splits each file once however many of its findings are matched. */
function linesOf(textOf: (path: string) => string | undefined): (path: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (path) => {
    let lines = cache.get(path);
    if (!lines) cache.set(path, (lines = textOf(path)?.split(/\r\n|\r|\n/) ?? []));
    return lines;
  };
}
