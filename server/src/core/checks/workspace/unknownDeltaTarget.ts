// @spec specthread-core#13.3, specthread-core#16.6
import { normalizeName, slug } from '../../formats/openspec/parse/blocks';
import { RequirementBlock } from '../../extras';
import { suggestIds } from '../suggest';
import { WorkspaceRule } from '../workspaceRule';
import { nearMiss, openDeltasOf } from './openspecIndex';

/** MODIFIED / REMOVED / RENAMED naming a requirement the base spec does not have. */
export const unknownDeltaTarget: WorkspaceRule = {
  meta: {
    code: 'link.unknown-delta-target',
    defaultSeverity: 'error',
    fixable: true,
    summary: 'An OpenSpec MODIFIED, REMOVED or RENAMED delta names a requirement (or capability) that does not exist.',
    description:
      'A delta changes a requirement of the current spec by its exact name. When the name is misspelt, or the ' +
      'requirement was renamed by another change, `openspec archive` refuses the change, days after it was written. ' +
      'The finding names the closest existing requirement. A requirement that another open change ADDs is a dependency ' +
      'between changes and is not reported. A REMOVED requirement already gone, or a RENAMED one already renamed, is ' +
      'reported only when an existing name differs from it in case or spacing alone: otherwise archive treats it as ' +
      'synced early. `openspec validate` only hints at this (as information); SpecThread reports it as an error.',
    bad: '## MODIFIED Requirements\n### Requirement: Sesion timeout   (the spec has "Session timeout")',
    good: '## MODIFIED Requirements\n### Requirement: Session timeout',
  },
  // Pairs OpenSpec changes with their base specs: no other spec can change what it finds.
  concerns: (spec) => spec.format === 'openspec',
  check(ws, report) {
    const deltas = openDeltasOf(ws);
    // A requirement ADDED by another open change is a dependency on that change, not a typo.
    const addedElsewhere = new Map<string, Set<string>>();
    for (const d of deltas) {
      for (const e of d.delta.entries) {
        if (e.op !== 'ADDED') continue;
        const key = `${d.base?.path ?? d.delta.capability}|${normalizeName(e.block.name)}`;
        addedElsewhere.set(key, (addedElsewhere.get(key) ?? new Set()).add(d.change.id));
      }
    }
    // Base requirement names by slug, made once per base spec (not once per target) and only when a target needs them.
    const slugged = new Map<string, Map<string, string>>();
    const namesBySlug = (path: string, blocks: ReadonlyMap<string, RequirementBlock>): Map<string, string> => {
      let names = slugged.get(path);
      if (!names) slugged.set(path, (names = new Map([...blocks.values()].map((b) => [slug(b.name), b.name]))));
      return names;
    };
    for (const d of deltas) {
      const targets = [
        ...d.delta.entries.filter((e) => e.op !== 'ADDED').map((e) => ({ op: e.op, name: e.block.name, range: e.block.nameRange, to: undefined })),
        ...d.delta.renamed.map((r) => ({ op: 'RENAMED', name: r.from, range: r.fromRange, to: r.to })),
      ];
      if (targets.length === 0) continue;
      if (!d.base) {
        // Archive creates a missing capability from ADDED and ignores its REMOVED entries
        // (nothing to remove); only MODIFIED and RENAMED make it fail.
        const first = targets.find((t) => t.op !== 'REMOVED');
        if (!first) continue;
        report({
          path: d.file.path,
          range: first.range,
          message: `${first.op} needs an existing spec, but capability '${d.delta.capability}' has no openspec/specs/${d.delta.capability}/spec.md; only ADDED requirements can create a capability.`,
        });
        continue;
      }
      const renamedTo = new Set(d.delta.renamed.map((r) => normalizeName(r.to)));
      for (const t of targets) {
        const key = normalizeName(t.name);
        // MODIFIED may name the new name of a requirement this delta renames.
        if (d.baseBlocks.has(key) || (t.op === 'MODIFIED' && renamedTo.has(key))) continue;
        if ([...(addedElsewhere.get(`${d.base.path}|${key}`) ?? [])].some((c) => c !== d.change.id)) continue;
        const near = nearMiss(key, d.baseBlocks);
        // `openspec archive` treats a REMOVED requirement that is gone, and a RENAMED one whose
        // new name is already there, as synced early: a no-op, not a failure. Only a name that
        // differs from an existing one in case or spacing alone is certainly a typo there.
        if (!near && (t.op === 'REMOVED' || (t.to !== undefined && d.baseBlocks.has(normalizeName(t.to))))) continue;
        const bySlug = near ?? closest(t.name, namesBySlug(d.base.path, d.baseBlocks));
        report({
          path: d.file.path,
          range: t.range,
          message: `${t.op} "${t.name}": spec '${d.delta.capability}' has no such requirement.${bySlug ? ` Did you mean "${bySlug}"?` : ''}`,
          fixes: bySlug ? [{ title: `Use "${bySlug}"`, preferred: true, edits: [{ path: d.file.path, range: t.range, newText: bySlug }] }] : undefined,
          related: d.base
            ? [
                {
                  path: d.base.path,
                  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                  message: `Base spec of '${d.delta.capability}'`,
                },
              ]
            : undefined,
        });
      }
    }
  },
};

function closest(name: string, bySlug: ReadonlyMap<string, string>): string | undefined {
  const [best] = suggestIds(slug(name), bySlug.keys(), 1);
  return best ? bySlug.get(best) : undefined;
}
