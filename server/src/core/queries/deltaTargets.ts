import { CancellationToken, throwIfCancelled } from '../cancellation';
import { RequirementBlock } from '../extras';
import { SpecModel } from '../index/specModel';
import { openDeltas } from '../checks/workspace/openspecIndex';
import { normalizeName } from '../formats/openspec/parse/blocks';
import { Position, Range, rangeContains } from '../text/range';
import { CompletionEntry } from './completion';
import { HoverResult } from './hover';
import { Location } from './locate';

/**
 * Navigation between OpenSpec change deltas and the main specs they change: a MODIFIED,
 * REMOVED or RENAMED (FROM) header names a requirement of the base spec, so hover shows it, go
 * to definition opens it, find references on a base requirement lists the open changes that
 * touch it, and completion after `### Requirement: ` in those sections offers its names.
 */

interface TargetHit {
  readonly op: string;
  readonly range: Range;
  readonly basePath: string;
  readonly block: RequirementBlock;
}

function targetAt(specs: readonly SpecModel[], path: string, pos: Position): TargetHit | undefined {
  for (const d of openDeltas(specs)) {
    if (d.file.path !== path || !d.base) continue;
    const named = [
      ...d.delta.entries.filter((e) => e.op !== 'ADDED').map((e) => ({ op: e.op, name: e.block.name, range: e.block.nameRange })),
      ...d.delta.renamed.map((r) => ({ op: 'RENAMED', name: r.from, range: r.fromRange })),
    ];
    for (const n of named) {
      if (!rangeContains(n.range, pos)) continue;
      const block = d.baseBlocks.get(normalizeName(n.name));
      if (block) return { op: n.op, range: n.range, basePath: d.base.path, block };
    }
  }
  return undefined;
}

export function deltaTargetHover(specs: readonly SpecModel[], path: string, pos: Position, token: CancellationToken): HoverResult | undefined {
  throwIfCancelled(token);
  const hit = targetAt(specs, path, pos);
  if (!hit) return undefined;
  const scenarios = hit.block.scenarios.map((s) => `- ${s.name}`).join('\n');
  return {
    range: hit.range,
    contents: [
      `**${hit.block.name}** — current requirement (${hit.op} here)`,
      '',
      hit.block.body || '_(no text)_',
      '',
      `${hit.block.scenarios.length} scenario(s):`,
      scenarios,
    ].join('\n'),
  };
}

export function deltaTargetDefinition(specs: readonly SpecModel[], path: string, pos: Position, token: CancellationToken): Location[] {
  throwIfCancelled(token);
  const hit = targetAt(specs, path, pos);
  return hit ? [{ path: hit.basePath, range: hit.block.range }] : [];
}

/** The open changes' delta headers that name the base requirement under the cursor. */
export function deltaReferences(specs: readonly SpecModel[], path: string, pos: Position, token: CancellationToken): Location[] {
  throwIfCancelled(token);
  const out: Location[] = [];
  const deltas = openDeltas(specs);
  const base = deltas.find((d) => d.base?.path === path);
  if (!base) return out;
  const block = [...base.baseBlocks.values()].find((b) => rangeContains(b.range, pos));
  if (!block) return out;
  const key = normalizeName(block.name);
  for (const d of deltas) {
    if (d.base?.path !== path) continue;
    for (const e of d.delta.entries) if (e.op !== 'ADDED' && normalizeName(e.block.name) === key) out.push({ path: d.file.path, range: e.block.nameRange });
    for (const r of d.delta.renamed) if (normalizeName(r.from) === key) out.push({ path: d.file.path, range: r.fromRange });
  }
  return out;
}

/** After `### Requirement: ` (or `FROM: ` in RENAMED) in a delta spec: the base spec's requirement names. */
export function completeDeltaTargets(specs: readonly SpecModel[], path: string, lineText: string, pos: Position, token: CancellationToken): CompletionEntry[] {
  throwIfCancelled(token);
  const before = lineText.slice(0, pos.character);
  const m = /^(\s*(?:[-*+]\s*)?(?:FROM:\s*`?)?###\s*Requirement:\s*)(.*)$/.exec(before);
  if (!m) return [];
  const d = openDeltas(specs).find((x) => x.file.path === path);
  if (!d?.base) return [];
  const range: Range = { start: { line: pos.line, character: m[1]!.length }, end: pos };
  return [...d.baseBlocks.values()].map((b, i) => ({
    label: b.name,
    kind: 'requirement' as const,
    detail: `${b.scenarios.length} scenario(s) in ${d.delta.capability}`,
    documentation: b.body,
    sortText: String(i).padStart(6, '0'),
    range,
  }));
}
