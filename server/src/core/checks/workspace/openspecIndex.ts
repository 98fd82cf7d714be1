import { cacheKey } from '../../analysisCache';
import { DeltaFacts, OpenSpecExtras, RequirementBlock } from '../../extras';
import { SpecModel } from '../../index/specModel';
import { SpecFileFacts } from '../../model';
import { normalizeName } from '../../formats/openspec/parse/blocks';
import type { WorkspaceView } from '../workspaceRule';

/**
 * Pairs OpenSpec changes with the main specs they change: for each open (not archived) change,
 * its delta files with the base spec of the same capability under the same `openspec/` folder.
 */
export interface DeltaWithBase {
  readonly change: SpecModel;
  readonly file: SpecFileFacts;
  readonly delta: DeltaFacts;
  /** The base spec file, when the capability exists. */
  readonly base?: SpecFileFacts;
  /** Base requirement blocks by normalised name. */
  readonly baseBlocks: ReadonlyMap<string, RequirementBlock>;
}

/** openDeltas of a view's specs, made once per pass of the workspace rules (four rules read them). */
const OPEN_DELTAS = cacheKey('open-deltas', () => new WeakMap<readonly SpecModel[], readonly DeltaWithBase[]>());

export function openDeltasOf(view: WorkspaceView): readonly DeltaWithBase[] {
  const table = view.memo?.table(OPEN_DELTAS);
  const specs = view.specs;
  let deltas = table?.get(specs);
  if (!deltas) {
    deltas = openDeltas(specs);
    table?.set(specs, deltas);
  }
  return deltas;
}

export function openDeltas(specs: readonly SpecModel[]): DeltaWithBase[] {
  const bases = new Map<string, SpecFileFacts>();
  for (const s of specs) {
    if (s.format !== 'openspec' || s.archived || !s.files.spec) continue;
    bases.set(`${rootOf(s)}|${s.id}`, s.files.spec);
  }
  const out: DeltaWithBase[] = [];
  for (const change of specs) {
    if (change.format !== 'openspec' || change.archived || !change.id.startsWith('changes/')) continue;
    for (const file of change.fileList) {
      const extras = file.extras?.type === 'openspec' ? file.extras : undefined;
      if (file.kind !== 'delta' || !extras?.delta || !/\/specs\/.+\/spec\.md$/.test(file.path)) continue;
      const base = bases.get(`${rootOf(change)}|${extras.delta.capability}`);
      const blocks = new Map<string, RequirementBlock>();
      for (const b of (base?.extras as OpenSpecExtras | undefined)?.requirementBlocks ?? [])
        if (!blocks.has(normalizeName(b.name))) blocks.set(normalizeName(b.name), b);
      out.push({ change, file, delta: extras.delta, base, baseBlocks: blocks });
    }
  }
  return out;
}

/** The `openspec/` folder of a spec (`<root>/specs/<id>`) or change (`<root>/<id>`, id `changes/…`). */
function rootOf(spec: SpecModel): string {
  const tail = spec.id.startsWith('changes/') ? spec.id.length + 1 : spec.id.length + '/specs/'.length;
  return spec.dir.slice(0, spec.dir.length - tail);
}

/** Case- and space-insensitive lookup, for "did you mean". */
export function nearMiss(name: string, blocks: ReadonlyMap<string, RequirementBlock>): string | undefined {
  const folded = fold(name);
  for (const key of blocks.keys()) if (fold(key) === folded) return blocks.get(key)!.name;
  return undefined;
}

function fold(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}
