// @spec specthread-core#13.3
import { normalizeName } from '../../formats/openspec/parse/blocks';
import { Range } from '../../text/range';
import { WorkspaceRule } from '../workspaceRule';
import { openDeltasOf } from './openspecIndex';

/** Two open changes that modify, remove or rename the same base requirement. */
export const conflictingChanges: WorkspaceRule = {
  meta: {
    code: 'structure.conflicting-changes',
    defaultSeverity: 'warning',
    summary: 'Two open OpenSpec changes modify, remove or rename the same requirement.',
    description:
      'Each change is written against the spec as it was. When two open changes touch the same requirement, ' +
      'whichever is archived second overwrites the first, or fails. Coordinate them: merge the changes, or rebase ' +
      'one on the other once the first is archived. `openspec validate` checks changes one at a time and cannot see this.',
    bad: 'changes/a/specs/auth/spec.md: MODIFIED "Login"\nchanges/b/specs/auth/spec.md: MODIFIED "Login"',
    good: 'changes/a/specs/auth/spec.md: MODIFIED "Login"\nchanges/b/specs/auth/spec.md: ADDED "Logout"',
  },
  // Pairs OpenSpec changes with their base specs: no other spec can change what it finds.
  concerns: (spec) => spec.format === 'openspec',
  check(ws, report) {
    const touches = new Map<string, { change: string; path: string; range: Range; op: string; name: string }[]>();
    for (const d of openDeltasOf(ws)) {
      if (!d.base) continue;
      const add = (op: string, name: string, range: Range) => {
        const key = `${d.base!.path}|${normalizeName(name)}`;
        const list = touches.get(key) ?? [];
        if (!list.some((t) => t.change === d.change.id)) list.push({ change: d.change.id, path: d.file.path, range, op, name });
        touches.set(key, list);
      };
      for (const e of d.delta.entries) if (e.op !== 'ADDED' && d.baseBlocks.has(normalizeName(e.block.name))) add(e.op, e.block.name, e.block.nameRange);
      for (const r of d.delta.renamed) if (d.baseBlocks.has(normalizeName(r.from))) add('RENAMED', r.from, r.fromRange);
    }
    for (const list of touches.values()) {
      if (list.length < 2) continue;
      for (const t of list) {
        const others = list.filter((o) => o !== t);
        report({
          path: t.path,
          range: t.range,
          message: `${t.op} "${t.name}" conflicts with ${others.map((o) => `${o.change.replace(/^changes\//, '')} (${o.op})`).join(', ')}: both open changes change this requirement.`,
          related: others.map((o) => ({ path: o.path, range: o.range, message: `${o.op} in ${o.change.replace(/^changes\//, '')}` })),
        });
      }
    }
  },
};
