// @spec specthread-core#11.4
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { FileEdit } from '../../findings';
import { SpecModel } from '../../index/specModel';
import { targetAt } from '../../queries/locate';
import { Position, Range } from '../../text/range';
import { TraceAnalysis } from '../traceAnalysis';
import { linkAt, targetOf } from './tagAt';

export interface RenameTarget {
  readonly spec: SpecModel;
  readonly id: string;
  /** The text the editor selects for renaming. */
  readonly range: Range;
}

export class RenameError extends Error {}

/** What a rename started at `pos` renames: a requirement or criterion, from its definition, a citation or a tag. */
export function renameTargetAt(analysis: TraceAnalysis, path: string, pos: Position, token?: CancellationToken): RenameTarget | undefined {
  if (token) throwIfCancelled(token);
  const link = linkAt(analysis, path, pos);
  if (link) {
    const resolved = targetOf(link);
    return resolved ? { spec: resolved.spec, id: resolved.target.located.node.id, range: link.tag.idRange } : undefined;
  }
  const spec = analysis.specs.specs.find((s) => Object.values(s.files).some((f) => f?.path === path));
  if (!spec) return undefined;
  const t = targetAt(spec, path, pos);
  if (!t) return undefined;
  if (t.kind === 'ref') return spec.criteria.has(t.id) || spec.requirements.has(t.id) ? { spec, id: t.id, range: t.range } : undefined;
  if (t.kind === 'requirement' || t.kind === 'criterion') return { spec, id: t.node.id, range: t.node.idRange };
  return undefined;
}

/**
 * Renames a requirement or criterion id everywhere the thread names it: its definition, task and
 * design citations, code tags and test titles. Renaming requirement `2` to `5` also turns `2.1`
 * into `5.1` in every citation; criteria keep their local numbers in requirements.md.
 */
export function renameId(
  analysis: TraceAnalysis,
  target: RenameTarget,
  newId: string,
  textOf: (path: string) => string | undefined,
  token: CancellationToken,
): FileEdit[] {
  throwIfCancelled(token);
  const { spec, id } = target;
  if (!/^[A-Za-z0-9][\w.-]*$/.test(newId)) throw new RenameError(`'${newId}' is not a valid id.`);
  if (newId === id) return [];
  const criterion = spec.criteria.get(id);
  if (criterion && newId.slice(0, newId.lastIndexOf('.')) !== criterion.node.requirementId) {
    throw new RenameError(`A criterion keeps its requirement: rename ${id} to ${criterion.node.requirementId}.<n>.`);
  }
  if (spec.criteria.has(newId) || spec.requirements.has(newId)) throw new RenameError(`${spec.id}#${newId} already exists.`);
  const isRequirement = !criterion && spec.requirements.has(id);
  // Old id → new id, for the id itself and, for a requirement, each of its criteria.
  const map = new Map<string, string>([[id, newId]]);
  if (isRequirement) for (const c of spec.requirements.get(id)!.node.criteria) map.set(c.id, newId + c.id.slice(id.length));

  const edits: FileEdit[] = [];
  // The definition: `### Requirement 2: …` or the criterion's number as written (`1.`).
  if (isRequirement) {
    const r = spec.requirements.get(id)!;
    edits.push({ path: r.path, range: r.node.idRange, newText: newId });
  } else if (criterion) {
    const written = sliceRange(textOf(criterion.path), criterion.node.idRange);
    const local = newId.slice(newId.lastIndexOf('.') + 1);
    const m = written !== undefined ? /^(\d+)(.*)$/.exec(written) : null;
    edits.push({ path: criterion.path, range: criterion.node.idRange, newText: m && written !== id ? local + m[2] : newId });
  }
  // Citations in tasks and designs, range ends included.
  for (const ref of spec.refs) {
    const t = ref.occurrence.target;
    const r = ref.occurrence.range;
    if (t.kind === 'id' && map.has(t.id)) edits.push({ path: ref.path, range: r, newText: map.get(t.id)! });
    if (t.kind === 'range') {
      if (map.has(t.from))
        edits.push({
          path: ref.path,
          range: { start: r.start, end: { line: r.start.line, character: r.start.character + t.from.length } },
          newText: map.get(t.from)!,
        });
      if (map.has(t.to))
        edits.push({ path: ref.path, range: { start: { line: r.end.line, character: r.end.character - t.to.length }, end: r.end }, newText: map.get(t.to)! });
    }
  }
  // Tags and test titles in code.
  for (const link of analysis.index.links) {
    const resolved = targetOf(link);
    if (!resolved || resolved.spec !== spec) continue;
    const to = map.get(resolved.target.located.node.id);
    if (to) edits.push({ path: link.path, range: link.tag.idRange, newText: to });
  }
  return edits;
}

function sliceRange(text: string | undefined, r: Range): string | undefined {
  if (text === undefined || r.start.line !== r.end.line) return undefined;
  const line = text.split(/\r\n|\r|\n/)[r.start.line];
  return line?.slice(r.start.character, r.end.character);
}
