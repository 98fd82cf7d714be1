// @spec specthread-core#19.3
import { Draft } from './model';
import { CodeLanguage } from '../codeParser';
import { languageOf } from '../extractCode';

/** One proposed change: the file's text before and after its `@spec` line is added. */
export interface TagChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  /** The line inserted and where (0-based), for editors that preview an edit instead of a diff. */
  readonly line: number;
  readonly tag: string;
}

/** The refs of a draft's criteria by the relative path of each code or test file they came from. */
export function refsBySource(draft: Draft, refOf: (requirement: number, criterion: number) => readonly string[]): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  draft.requirements.forEach((r, i) =>
    r.criteria.forEach((c, j) => {
      for (const source of c.sources) {
        const list = refs.get(source) ?? [];
        for (const ref of refOf(i + 1, j + 1)) if (!list.includes(ref)) list.push(ref);
        refs.set(source, list);
      }
    }),
  );
  return refs;
}

const commentOf = (language: CodeLanguage) => (language === 'python' ? '#' : '//');

/**
 * Where the tag line goes: the top of the file, below what must stay first (a shebang, a Python
 * encoding line, Go build constraints and the blank line after them).
 */
function insertionLine(lines: readonly string[], language: CodeLanguage): number {
  let i = 0;
  if (lines[0]?.startsWith('#!')) i = 1;
  if (language === 'python' && /^#.*coding[:=]/.test(lines[i] ?? '')) i++;
  if (language === 'go') {
    let j = i;
    while (j < lines.length && /^\/\/go:build|^\/\/ \+build/.test(lines[j] ?? '')) j++;
    if (j > i) i = j + (lines[j]?.trim() === '' ? 1 : 0);
  }
  return i;
}

/**
 * The `@spec` line each file would get: a top comment naming the criteria it came from, as the
 * trace expects. Files already carrying an `@spec` tag are left alone, so running it twice
 * proposes nothing new.
 */
export function tagChanges(refs: ReadonlyMap<string, readonly string[]>, textOf: (path: string) => string | undefined): TagChange[] {
  const changes: TagChange[] = [];
  for (const path of [...refs.keys()].sort()) {
    const language = languageOf(path);
    const before = textOf(path);
    if (!language || before === undefined || /@spec\s/.test(before)) continue;
    const eol = before.includes('\r\n') ? '\r\n' : '\n';
    const lines = before.split(/\r?\n/);
    const at = insertionLine(lines, language);
    const tag = `${commentOf(language)} @spec ${(refs.get(path) ?? []).join(', ')}`;
    lines.splice(at, 0, tag);
    changes.push({ path, before, after: lines.join(eol), line: at, tag });
  }
  return changes;
}
