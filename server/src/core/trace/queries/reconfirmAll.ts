// @spec specthread-core#20.1
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { FileEdit, Finding } from '../../findings';

/** The code of the suspect-pin finding (trace/rules/suspectTag.ts). */
const SUSPECT = 'trace.suspect';

/**
 * "Re-confirm Suspect Tags": the preferred fix of every suspect pin, applied together. Each fix
 * rewrites the whole pin store with one pin added, so the store edits are merged into one that
 * adds every pin (same JSON shape, keys sorted, as renderPinStore writes it).
 */
export function reconfirmAllEdits(findings: readonly Finding[], token: CancellationToken): { edits: FileEdit[]; tags: number } {
  throwIfCancelled(token);
  const tagEdits: FileEdit[] = [];
  const stores = new Map<string, { edit: FileEdit; pins: Record<string, string> }>();
  let tags = 0;
  for (const finding of findings) {
    if (finding.code !== SUSPECT) continue;
    const fix = finding.fixes?.find((f) => f.preferred && f.edits.length);
    if (!fix) continue;
    const [tagEdit, ...storeEdits] = fix.edits;
    if (!tagEdit) continue;
    tagEdits.push(tagEdit);
    tags++;
    for (const edit of storeEdits) {
      const pins = pinsOf(edit.newText);
      const seen = stores.get(edit.path);
      stores.set(edit.path, { edit, pins: { ...seen?.pins, ...pins } });
    }
  }
  const merged = [...stores.values()].map(({ edit, pins }) => ({ ...edit, newText: renderPins(pins) }));
  return { edits: [...tagEdits, ...merged], tags };
}

function pinsOf(text: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text);
    const pins = typeof parsed === 'object' && parsed !== null ? (parsed as { pins?: unknown }).pins : undefined;
    return typeof pins === 'object' && pins !== null ? (pins as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function renderPins(pins: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(pins).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ pins: sorted }, null, 2) + '\n';
}
