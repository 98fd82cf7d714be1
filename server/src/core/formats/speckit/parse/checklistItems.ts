// @spec specthread-core#16.1
import { RefOccurrence } from '../../../model';
import { MarkdownDoc } from '../../../parse/markdown';
import { scanIds, stripInlineCode } from './ids';

/**
 * Ids a checklist defines for its own items. The spec-kit template cites the spec from a checklist
 * item (`- [ ] CHK001 … [Spec §FR-001]`), but some teams write a verification list whose items
 * open with their own bold id and title (`- [ ] **FR-001: Conversation Model**`), numbered by the
 * checklist, not the spec: its FR-001 may be the spec's FR-7. Such an id is the checklist's
 * own name for an item, so neither that line nor a heading that counts the items
 * ("Database Models (FR-001 to FR-002)") cites the spec, and nothing there is reported as unknown.
 */

// A list item, heading or paragraph that opens with `**ID: title**` or `**ID**: title`.
const ITEM_OPEN = /^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|#{1,6}\s+|\d+[.)]\s+)?\*\*(\S+?)(?::\s*[^*\s][^*]*\*\*|\*\*\s*:\s*\S)/;

/** The ids this checklist gives its own items. */
export function ownItemIds(doc: MarkdownDoc): Set<string> {
  const own = new Set<string>();
  for (let line = 0; line < doc.lines.lineCount; line++) {
    if (doc.codeLines.has(line)) continue;
    const m = ITEM_OPEN.exec(stripInlineCode(doc.lines.lineText(line)));
    if (!m) continue;
    const first = scanIds(m[1]!)[0];
    if (first?.target.kind === 'id' && first.raw === m[1]) own.add(first.target.id);
  }
  return own;
}

/** Refs that name only ids of the checklist's own items are the checklist speaking of itself. */
export function dropOwnItemRefs(refs: RefOccurrence[], own: ReadonlySet<string>): RefOccurrence[] {
  if (own.size === 0) return refs;
  return refs.filter((r) => {
    const t = r.target;
    if (t.kind === 'id') return !own.has(t.id);
    if (t.kind === 'range') return !(own.has(t.from) && own.has(t.to));
    return true;
  });
}
