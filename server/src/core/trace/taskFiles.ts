// @spec specthread-core#10.5, specthread-core#14.3, specthread-core#15.4
import { AnalysisCache, cacheKey } from '../analysisCache';
import { SpecFileFacts, TaskNode } from '../model';
import { LineIndex } from '../text/lineIndex';
import { Range } from '../text/range';
import { taskAtLine } from '../parse/taskAtLine';

/** A file path a task names: Kiro's backticked `src/auth/login.ts`, spec-kit's "in src/models/user.py". */
export interface FileMention {
  readonly task: TaskNode;
  /** The path as written, relative to the project root. */
  readonly path: string;
  readonly range: Range;
}

// Inside backticks: no blanks, and either a folder separator or a file extension.
const CODE_SPAN = /`([^`\s]+)`/g;
// Outside backticks: at least one folder and an extension, so prose never matches.
const BARE_PATH = /(?<![\w./:@-])((?:[\w.-]+\/)+[\w.-]*\w\.[A-Za-z][\w]{0,7})(?![\w/])/g;

function looksLikePath(s: string): boolean {
  if (/^[a-z]+:\/\//i.test(s) || s.startsWith('-') || /[(){}<>=$*?|"',;]/.test(s)) return false;
  if (/^\d+(\.\d+)*$/.test(s)) return false; // `1.2` is a ref, not a file
  const hasFolder = s.includes('/') && !/^\/+$/.test(s);
  const hasExtension = /^[\w.-]*\w\.[A-Za-z][\w]{0,7}$/.test(s.slice(s.lastIndexOf('/') + 1));
  return hasFolder || hasExtension;
}

/** Mentions by parsed tasks.md: the facts object is replaced whenever its text changes, so the key never goes stale. */
const MENTIONS = cacheKey('task-file-mentions', () => new WeakMap<SpecFileFacts, FileMention[]>());

/**
 * Paths named in each task's own lines (a sub-task's lines belong to the sub-task). Memoised per
 * parsed tasks.md in the engine's cache, so the text is scanned once per edit however often the
 * trace analysis is rebuilt.
 */
export function taskFileMentions(facts: SpecFileFacts, text: string, cache?: AnalysisCache): FileMention[] {
  const table = cache?.table(MENTIONS);
  const cached = table?.get(facts);
  if (cached) return cached;
  const out: FileMention[] = [];
  const lines = new LineIndex(text);
  const owner = taskAtLine(facts.tasks);
  let inFence = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    if (/^\s*(```|~~~)/.test(lineText)) inFence = !inFence;
    if (inFence) continue;
    // A code span needs a backtick and a bare path a slash: most lines of prose have neither.
    const ticked = lineText.includes('`');
    const slashed = lineText.includes('/');
    if (!ticked && !slashed) continue;
    const task = owner(line);
    if (!task) continue;
    const spans: [number, number][] = [];
    if (ticked)
      for (const m of lineText.matchAll(CODE_SPAN)) {
        spans.push([m.index!, m.index! + m[0].length]);
        if (looksLikePath(m[1]!)) out.push(mention(task, m[1]!, line, m.index! + 1));
      }
    if (!slashed) continue;
    // Both lists come in text order, so one pointer walks the spans (a line may hold thousands).
    let span = 0;
    for (const m of lineText.matchAll(BARE_PATH)) {
      while (span < spans.length && spans[span]![1] <= m.index!) span++;
      if (span < spans.length && m.index! >= spans[span]![0]) continue;
      out.push(mention(task, m[1]!, line, m.index!));
    }
  }
  table?.set(facts, out);
  return out;
}

function mention(task: TaskNode, raw: string, line: number, start: number): FileMention {
  // `(?<!x)x+$` starts only at the start of a run: a bare `x+$` retries inside a long run, quadratic.
  const path = raw.replace(/^\.\//, '').replace(/(?<![.:])[.:]+$/, '');
  return { task, path, range: { start: { line, character: start }, end: { line, character: start + path.length + (raw.startsWith('./') ? 2 : 0) } } };
}
