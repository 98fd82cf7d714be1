// @spec specthread-core#13.3
import { RequirementBlock } from '../../extras';
import { normalizeName } from '../../formats/openspec/parse/blocks';
import { WorkspaceRule } from '../workspaceRule';
import { openDeltasOf } from './openspecIndex';

/** A MODIFIED block that leaves out scenarios the base requirement still has. */
export const droppedScenarios: WorkspaceRule = {
  meta: {
    code: 'structure.dropped-scenarios',
    defaultSeverity: 'error',
    summary: 'An OpenSpec MODIFIED requirement omits scenarios the current spec still has.',
    description:
      'A MODIFIED block replaces the whole requirement, scenarios included. A scenario the author did not copy into ' +
      'the block is deleted when the change is archived, usually by accident: the change was written against an older ' +
      'version of the spec, or only the edited scenario was pasted. Scenarios are matched by name.',
    bad: '## MODIFIED Requirements\n### Requirement: Login\n…\n#### Scenario: Wrong password   (the spec also has "Locked account")',
    good: '## MODIFIED Requirements\n### Requirement: Login\n…\n#### Scenario: Wrong password\n…\n#### Scenario: Locked account\n…',
  },
  // Pairs OpenSpec changes with their base specs: no other spec can change what it finds.
  concerns: (spec) => spec.format === 'openspec',
  check(ws, report) {
    for (const d of openDeltasOf(ws)) {
      if (!d.base) continue;
      const renamedFrom = new Map(d.delta.renamed.map((r) => [normalizeName(r.to), normalizeName(r.from)]));
      const renamedAway = new Set(d.delta.renamed.map((r) => normalizeName(r.from)));
      for (const e of d.delta.entries) {
        if (e.op !== 'MODIFIED') continue;
        const key = normalizeName(e.block.name);
        if (renamedAway.has(key)) continue;
        const current: RequirementBlock | undefined = d.baseBlocks.get(key) ?? d.baseBlocks.get(renamedFrom.get(key) ?? '');
        if (!current) continue;
        const missing = missingNames(
          current.scenarios.map((s) => s.name),
          e.block.scenarios.map((s) => s.name),
        );
        if (missing.length === 0) continue;
        const listed =
          missing
            .slice(0, 5)
            .map((n) => `"${n}"`)
            .join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
        report({
          path: d.file.path,
          range: e.block.range,
          message: `MODIFIED "${e.block.name}" drops ${missing.length} scenario${missing.length > 1 ? 's' : ''} the current spec has: ${listed}. A MODIFIED block replaces the whole requirement; copy them in, or they are deleted on archive.`,
          related: current.scenarios
            .filter((s) => missing.includes(s.name))
            .map((s) => ({ path: d.base!.path, range: s.range, message: `Scenario "${s.name}" in the current spec` })),
        });
      }
    }
  },
};

/** Names in `current` not matched one-for-one in `incoming` (duplicates count). */
function missingNames(current: string[], incoming: string[]): string[] {
  const left = new Map<string, number>();
  for (const n of incoming) left.set(n, (left.get(n) ?? 0) + 1);
  const out: string[] = [];
  for (const n of current) {
    const k = left.get(n) ?? 0;
    if (k > 0) left.set(n, k - 1);
    else out.push(n);
  }
  return out;
}
