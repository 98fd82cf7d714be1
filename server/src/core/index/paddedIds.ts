// @spec specthread-core#16.1
/**
 * Prefixed ids that differ only in zero padding name one thing: a checklist or task that writes
 * `FR-001` for the spec's `FR-1`, or `T7` for `T007`, means that id, as any reader of the spec
 * would take it. Suffixes and dots stay significant (`FR-015a` is not `FR-015`, `FR-1.1` is not
 * `FR-1`). Kiro's bare numbers (`1.1`) are left exact: their padding is never written.
 */

/** `FR-001` → `FR-1`, `FR-009.01` → `FR-9.1`, `T026-REMEDIAL` → `T26-REMEDIAL`; bare numbers unchanged. */
export function unpaddedId(id: string): string {
  if (!/^[A-Za-z]/.test(id)) return id;
  return id.replace(/(?<!\d)0+(?=\d)/g, '');
}

/**
 * Looks an id up by its unpadded form among `known`, for ids that do not exist as written. Only a
 * single match counts: when a spec defines both `FR-1` and `FR-001`, a third spelling is ambiguous.
 */
export function paddingLookup(known: Iterable<string>): (id: string) => string | undefined {
  const byForm = new Map<string, string | null>();
  for (const id of known) {
    const form = unpaddedId(id);
    if (form === id && !/^[A-Za-z]/.test(id)) continue;
    const seen = byForm.get(form);
    byForm.set(form, seen === undefined || seen === id ? id : null);
  }
  return (id) => (/^[A-Za-z]/.test(id) ? (byForm.get(unpaddedId(id)) ?? undefined) : undefined);
}
