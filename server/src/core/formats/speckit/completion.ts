import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { compareIds } from '../../checks/suggest';
import { SpecModel } from '../../index/specModel';
import { Position, Range } from '../../text/range';
import { CompletionEntry } from '../../queries/completion';

/**
 * spec-kit completion: story labels inside `[US…` in tasks.md, and FR / SC / NFR / story /
 * scenario ids where one is being typed (`FR-0`, `US1.`), with the requirement text as detail.
 */
export function completeSpeckitIds(spec: SpecModel, lineText: string, pos: Position, token: CancellationToken): CompletionEntry[] {
  throwIfCancelled(token);
  if (spec.format !== 'speckit') return [];
  const before = lineText.slice(0, pos.character);
  const label = /\[(U(?:S\d*)?)$/.exec(before);
  const partial = label ? label[1] : /\b((?:FR|SC|NFR)-[A-Z]*\d*|US\d+(?:\.\d*)?)$/.exec(before)?.[1];
  if (partial === undefined) return [];
  const range: Range = { start: { line: pos.line, character: pos.character - partial.length }, end: pos };
  const entries: CompletionEntry[] = [];
  const stories = spec.requirementList.filter((r) => r.node.kind === 'story');
  const pool = label
    ? stories.map((r) => ({ id: r.node.id, detail: r.node.title, kind: 'requirement' as const }))
    : [
        ...spec.requirementList.map((r) => ({ id: r.node.id, detail: r.node.title, kind: 'requirement' as const })),
        ...spec.criterionList.map((c) => ({ id: c.node.id, detail: c.node.text, kind: 'criterion' as const })),
      ];
  const seen = new Set<string>();
  for (const item of pool.sort((a, b) => compareIds(a.id.replace(/\D+/g, ''), b.id.replace(/\D+/g, '')) || (a.id < b.id ? -1 : 1))) {
    if (seen.has(item.id) || !item.id.startsWith(partial.replace(/\.$/, '').split('.')[0]!.replace(/\d+$/, ''))) continue;
    seen.add(item.id);
    entries.push({
      label: item.id,
      kind: item.kind,
      detail: item.detail.length > 80 ? item.detail.slice(0, 79) + '…' : item.detail,
      sortText: String(entries.length).padStart(6, '0'),
      range,
    });
  }
  return entries;
}
