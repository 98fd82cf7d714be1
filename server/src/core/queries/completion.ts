// @spec specthread-core#3.4
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { compareIds } from '../checks/suggest';
import { SpecModel } from '../index/specModel';
import { Position, Range } from '../text/range';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'criterion' | 'requirement';
  readonly detail: string;
  readonly documentation?: string;
  /** Keeps the list in id order rather than alphabetical (1.10 after 1.9). */
  readonly sortText: string;
  /** What the client filters on, when it is more than the label (fuzzy on id and text). */
  readonly filterText?: string;
  /** The text the entry replaces: the partial id typed so far. */
  readonly range: Range;
}

// The cursor is inside a citation list when the line has a header before it.
const LIST_HEADER = /(?:[_*]{1,2}Requirements?\s*:[_*]{0,2}|^\s*(?:[-*+]\s+)?Requirements?\s*:|Validates\s*:\s*(?:\*\*)?\s*Requirements?\s*:?)\s*/;

/**
 * Completion of requirement and criterion ids inside `_Requirements:` and `Validates:` lists.
 * `lineText` is the text of the cursor's line.
 */
export function completeRefs(spec: SpecModel, lineText: string, pos: Position, token: CancellationToken): CompletionEntry[] {
  throwIfCancelled(token);
  const before = lineText.slice(0, pos.character);
  const header = LIST_HEADER.exec(before);
  if (!header) return [];
  // Past the closing `_` or `**`, the list is over.
  if (/[_*]/.test(before.slice(header.index + header[0].length))) return [];
  const partial = /(?<![\d.])[\d.]*$/.exec(before)![0];
  const range: Range = { start: { line: pos.line, character: pos.character - partial.length }, end: pos };
  const entries: CompletionEntry[] = [];
  let order = 0;
  for (const r of [...spec.requirements.values()].sort((a, b) => compareIds(a.node.id, b.node.id))) {
    const title = r.node.title || `Requirement ${r.node.id}`;
    for (const c of r.node.criteria) {
      entries.push({
        label: c.id,
        kind: 'criterion',
        detail: truncate(c.text, 80),
        documentation: `Requirement ${r.node.id}: ${title}\n\n${c.text}`,
        sortText: String(order++).padStart(6, '0'),
        range,
      });
    }
    entries.push({ label: r.node.id, kind: 'requirement', detail: title, documentation: r.node.userStory, sortText: String(order++).padStart(6, '0'), range });
  }
  return entries;
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
