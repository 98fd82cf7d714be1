// @spec specthread-core#20.4
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { SpecFileFacts } from '../model';
import { Range } from '../text/range';
import { SpecSymbol, documentSymbols } from './symbols';

/** A foldable span of whole lines (zero-based, both inclusive). */
export interface FoldRange {
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * Folds of a spec file: each requirement's section (and any criterion that runs over several
 * lines), each task with its sub-tasks and sub-bullets, and in task lists the phase or group
 * headings the tasks stand under. Taken from the outline, so folds and symbols agree.
 */
export function foldingRanges(facts: SpecFileFacts, token: CancellationToken): FoldRange[] {
  throwIfCancelled(token);
  const folds = new Map<number, FoldRange>();
  const add = (range: Range) => {
    // A section ends at the start of the next heading's line; that line is not part of the fold.
    const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    if (endLine > range.start.line && !folds.has(range.start.line)) folds.set(range.start.line, { startLine: range.start.line, endLine });
  };
  const visit = (symbols: readonly SpecSymbol[]) => {
    for (const s of symbols) {
      add(s.range);
      visit(s.children);
    }
  };
  visit(documentSymbols(facts, token));
  if (facts.kind === 'tasks') for (const h of facts.headings) add(h.sectionRange);
  return [...folds.values()].sort((a, b) => a.startLine - b.startLine);
}
