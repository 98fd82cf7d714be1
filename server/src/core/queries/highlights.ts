// @spec specthread-core#20.4
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Position, Range, comparePositions } from '../text/range';
import { definitionOf, idOfTarget, targetAt } from './locate';
import { ThreadDocument, ThreadView, referencesAt } from './thread';

/** One occurrence to highlight: `write` is the id's definition, `read` a ref or tag naming it. */
export interface Highlight {
  readonly range: Range;
  readonly kind: 'read' | 'write';
}

/**
 * Every place in this document that names the same requirement or criterion as the position: the
 * references query's answer, kept to this file, with the definition marked apart. Built on
 * referencesAt so the two can never disagree about what counts as the same id.
 */
export function documentHighlightsAt(view: ThreadView, doc: ThreadDocument, pos: Position, token: CancellationToken): Highlight[] {
  throwIfCancelled(token);
  const target = doc.spec ? targetAt(doc.spec, doc.path, pos) : undefined;
  const id = doc.spec && target && !(target.kind === 'ref' && target.ref.external) ? idOfTarget(target) : undefined;
  const declaration = doc.spec && id ? definitionOf(doc.spec, id) : undefined;
  const seen = new Set<string>();
  const out: Highlight[] = [];
  for (const l of referencesAt(view, doc, pos, true, token)) {
    if (l.path !== doc.path) continue;
    const key = `${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const isDeclaration = !!declaration && declaration.path === l.path && comparePositions(declaration.range.start, l.range.start) === 0;
    // The definition's location is its whole line; only the id is the same name as the refs.
    const idRange = isDeclaration && id && doc.spec ? (doc.spec.criteria.get(id)?.node.idRange ?? doc.spec.requirements.get(id)?.node.idRange) : undefined;
    out.push({ range: idRange ?? l.range, kind: isDeclaration ? 'write' : 'read' });
  }
  return out.sort((a, b) => comparePositions(a.range.start, b.range.start));
}
