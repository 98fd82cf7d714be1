// @spec specthread-core#13.3, specthread-core#16.6
import { normalizeName } from '../../formats/openspec/parse/blocks';
import { WorkspaceRule } from '../workspaceRule';
import { nearMiss, openDeltasOf } from './openspecIndex';

/** ADDED, or RENAMED TO, naming a requirement the base spec already has. */
export const deltaTargetExists: WorkspaceRule = {
  meta: {
    code: 'structure.delta-target-exists',
    defaultSeverity: 'error',
    summary: 'An OpenSpec ADDED requirement, or a RENAMED TO name, already exists in the base spec.',
    description:
      'ADDED creates a requirement and RENAMED gives one a new name; neither may reuse a name the current spec has ' +
      '(even one that differs only in case or spacing), or `openspec archive` refuses the change. To change an ' +
      'existing requirement, use MODIFIED with its exact name. An ADDED block identical to the one in the spec (synced ' +
      'early) is not reported: archive skips it.',
    bad: '## ADDED Requirements\n### Requirement: Session timeout   (already in the spec)',
    good: '## MODIFIED Requirements\n### Requirement: Session timeout',
  },
  // Pairs OpenSpec changes with their base specs: no other spec can change what it finds.
  concerns: (spec) => spec.format === 'openspec',
  check(ws, report) {
    for (const d of openDeltasOf(ws)) {
      if (!d.base) continue;
      const renamedFrom = new Set(d.delta.renamed.map((r) => normalizeName(r.from)));
      const removed = new Set(d.delta.entries.filter((e) => e.op === 'REMOVED').map((e) => normalizeName(e.block.name)));
      const taken = (name: string) => {
        const key = normalizeName(name);
        // A name this delta frees (renamed away or removed) may be reused.
        if (renamedFrom.has(key) || removed.has(key)) return undefined;
        return d.baseBlocks.get(key)?.name ?? nearMiss(key, d.baseBlocks);
      };
      for (const e of d.delta.entries) {
        if (e.op !== 'ADDED') continue;
        // An ADDED block that the base spec already holds word for word was synced early;
        // `openspec archive` skips it as a no-op, so only a different text is a clash.
        if (d.baseBlocks.get(normalizeName(e.block.name))?.raw === e.block.raw) continue;
        const existing = taken(e.block.name);
        if (existing)
          report({
            path: d.file.path,
            range: e.block.nameRange,
            message: `ADDED "${e.block.name}" already exists in spec '${d.delta.capability}'${existing !== e.block.name ? ` as "${existing}"` : ''}; use MODIFIED to change it, or choose another name.`,
          });
      }
      for (const r of d.delta.renamed) {
        // Source gone and target present: the rename was synced early, and archive skips it.
        if (!d.baseBlocks.has(normalizeName(r.from)) && d.baseBlocks.has(normalizeName(r.to))) continue;
        const existing = taken(r.to);
        if (existing)
          report({
            path: d.file.path,
            range: r.toRange,
            message: `RENAMED TO "${r.to}" already exists in spec '${d.delta.capability}'${existing !== r.to ? ` as "${existing}"` : ''}.`,
          });
      }
    }
  },
};
