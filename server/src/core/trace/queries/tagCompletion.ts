// @spec specthread-core#11.5
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { compareIds } from '../../checks/suggest';
import { Position, Range } from '../../text/range';
import { SpecDirectory } from '../resolveRef';

export interface TagCompletion {
  readonly label: string;
  readonly kind: 'criterion' | 'requirement';
  readonly detail: string;
  readonly documentation?: string;
  /** Matched by clients against what was typed: the ref and the criterion's words. */
  readonly filterText: string;
  readonly sortText: string;
  readonly range: Range;
}

// After `@spec ` or after a comma in a tag's list of refs.
const IN_TAG = /@spec\b[ \t]*:?[ \t]*(?:[\w./-]+#[\w./-]+(?:@[0-9a-fA-F]*)?[ \t]*,[ \t]*)*([\w./#-]*)$/;

/**
 * Completion of refs after `@spec ` in code: every requirement and criterion of every spec,
 * narrowed by a fuzzy match of what was typed against the ref and the criterion's text.
 */
export function completeTag(specs: SpecDirectory, lineText: string, pos: Position, token: CancellationToken, limit = 200): TagCompletion[] {
  throwIfCancelled(token);
  const m = IN_TAG.exec(lineText.slice(0, pos.character));
  if (!m) return [];
  const typed = m[1]!;
  const range: Range = { start: { line: pos.line, character: pos.character - typed.length }, end: pos };
  const scored: { entry: TagCompletion; score: number }[] = [];
  let order = 0;
  for (const spec of specs.specs) {
    for (const r of [...spec.requirements.values()].sort((a, b) => compareIds(a.node.id, b.node.id))) {
      const items = [
        { id: r.node.id, kind: 'requirement' as const, text: r.node.title || `Requirement ${r.node.id}` },
        ...r.node.criteria.map((c) => ({ id: c.id, kind: 'criterion' as const, text: c.text })),
      ];
      for (const item of items) {
        const label = `${spec.id}#${item.id}`;
        const filterText = `${label} ${item.text}`;
        const score = fuzzyScore(typed, filterText);
        if (score < 0) continue;
        scored.push({
          score,
          entry: {
            label,
            kind: item.kind,
            detail: truncate(item.text, 80),
            documentation: item.kind === 'criterion' ? `Requirement ${r.node.id}: ${r.node.title}\n\n${item.text}` : r.node.userStory,
            filterText,
            sortText: String(order++).padStart(6, '0'),
            range,
          },
        });
      }
    }
  }
  // Typed text narrows and ranks; with nothing typed, document order.
  if (typed) scored.sort((a, b) => a.score - b.score || (a.entry.sortText < b.entry.sortText ? -1 : 1));
  return scored.slice(0, limit).map((s, i) => ({ ...s.entry, sortText: typed ? String(i).padStart(6, '0') : s.entry.sortText }));
}

/**
 * -1 when `query`'s characters do not appear in order in `text` (case-insensitive); otherwise the
 * number of skipped characters, so contiguous and early matches rank first.
 */
export function fuzzyScore(query: string, text: string): number {
  if (!query) return 0;
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  const direct = t.indexOf(q);
  if (direct >= 0) return direct / 1000;
  let at = 0;
  let gaps = 0;
  for (const ch of q) {
    const next = t.indexOf(ch, at);
    if (next < 0) return -1;
    gaps += next - at;
    at = next + 1;
  }
  return 1 + gaps;
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
