// @spec specthread-core#14.7
import { Position } from '../../../server/src/core/text/range';
import { DocumentShape } from './ranges';

/**
 * Every position inside a parse result, wherever the model keeps one: requirement and task
 * ranges, ref occurrences, headings, notes, text sources, extras. Walking the object instead of
 * listing fields keeps the property honest when the model grows.
 */

const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';

export function positionProblems(value: unknown, doc: DocumentShape, where = '$'): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, at: string) => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (isPosition(v)) {
      const p = doc.positionProblem(v);
      if (p) out.push(`${at}: ${p}`);
      return;
    }
    const o = v as { start?: unknown; end?: unknown };
    if (isPosition(o.start) && isPosition(o.end)) {
      const p = doc.rangeProblem({ start: o.start, end: o.end });
      if (p) out.push(`${at}: ${p}`);
    }
    for (const [k, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) walk(child, `${at}.${k}`);
  };
  walk(value, where);
  return out;
}
