// @spec specthread-core#3.1, specthread-core#3.2, specthread-core#3.3, specthread-core#11.1, specthread-core#11.2, specthread-core#11.3
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { SpecModel } from '../index/specModel';
import { Position } from '../text/range';
import { criterionCounts } from '../trace/queries/specLenses';
import { traceHover } from '../trace/queries/traceHover';
import { refAtTag, traceDefinition, traceReferences } from '../trace/queries/traceNavigation';
import { TraceAnalysis } from '../trace/traceAnalysis';
import { deltaReferences, deltaTargetDefinition, deltaTargetHover } from './deltaTargets';
import { HoverResult, hover } from './hover';
import { Location, definitionOf, idOfTarget, targetAt } from './locate';
import { definition, references } from './navigation';

/**
 * Hover, definition and references over the whole thread: the document's own spec, other specs
 * (cross-spec refs, OpenSpec deltas against their base) and the code and tests that carry tags.
 * The language server asks these with the document's spec (or none, for code files) and shows
 * the answer; every decision about what counts is made here.
 */

/** What the thread queries need from the engine. */
export interface ThreadView {
  allSpecs(): SpecModel[];
  specByName(name: string): SpecModel | undefined;
  traceAnalysis(token: CancellationToken): TraceAnalysis;
}

/** `spec` is the document's spec model, undefined when the document is not a spec file. */
export interface ThreadDocument {
  readonly path: string;
  readonly spec?: SpecModel;
}

export function hoverAt(view: ThreadView, doc: ThreadDocument, pos: Position, token: CancellationToken): HoverResult | undefined {
  throwIfCancelled(token);
  if (!doc.spec) return traceHover(view.traceAnalysis(token), doc.path, pos, token);
  const spec = doc.spec;
  // OpenSpec delta headers name a requirement of another spec: the workspace answers those.
  const result = hover(spec, doc.path, pos, token, (name) => view.specByName(name)) ?? deltaTargetHover(view.allSpecs(), doc.path, pos, token);
  if (!result) return undefined;
  // The thread into code: how many tasks, code tags and tests point at the id.
  const target = targetAt(spec, doc.path, pos);
  // A cross-spec ref's counts belong to the other spec's hover; only local ids get them here.
  const id = target && !(target.kind === 'ref' && target.ref.external) ? idOfTarget(target) : undefined;
  const requirementId = id && (spec.criteria.get(id)?.node.requirementId ?? (spec.requirements.has(id) ? id : undefined));
  if (!id || !requirementId) return result;
  return { ...result, contents: `${result.contents}\n\nThread: ${criterionCounts(view.traceAnalysis(token), spec, requirementId, id)}` };
}

export function definitionAt(view: ThreadView, doc: ThreadDocument, pos: Position, token: CancellationToken): Location[] {
  if (!doc.spec) return traceDefinition(view.traceAnalysis(token), doc.path, pos, token);
  const own = definition(doc.spec, doc.path, pos, token, (name) => view.specByName(name));
  return own.length ? own : deltaTargetDefinition(view.allSpecs(), doc.path, pos, token);
}

export function referencesAt(view: ThreadView, doc: ThreadDocument, pos: Position, includeDeclaration: boolean, token: CancellationToken): Location[] {
  const analysis = view.traceAnalysis(token);
  if (doc.spec) {
    const target = targetAt(doc.spec, doc.path, pos);
    const id = target && !(target.kind === 'ref' && target.ref.external) ? idOfTarget(target) : undefined;
    const inSpecs = references(doc.spec, doc.path, pos, includeDeclaration, token);
    // A base OpenSpec requirement is referenced by the open changes' delta headers.
    const inDeltas = deltaReferences(view.allSpecs(), doc.path, pos, token);
    const inCode = id ? traceReferences(analysis, doc.spec, id, token) : [];
    return [...inSpecs, ...inDeltas, ...inCode];
  }
  const at = refAtTag(analysis, doc.path, pos);
  if (!at) return [];
  // From a tag: the definition (when asked), the citations in tasks and designs, and all code and tests.
  const ids = [at.id, ...(at.spec.requirements.get(at.id)?.node.criteria.map((c) => c.id) ?? [])];
  const declaration = includeDeclaration ? [definitionOf(at.spec, at.id)].filter((d): d is Location => !!d) : [];
  const citations = ids.flatMap((each) => (at.spec.citedBy.get(each) ?? []).map((ref) => ({ path: ref.path, range: ref.occurrence.range })));
  return [...declaration, ...citations, ...traceReferences(analysis, at.spec, at.id, token)];
}
