import { Connection } from 'vscode-languageserver/node';
import { idOfTarget, targetAt } from '../../core/queries/locate';
import { deltaReferences, deltaTargetDefinition } from '../../core/queries/deltaTargets';
import { definition, references } from '../../core/queries/navigation';
import { definitionOf } from '../../core/queries/locate';
import { refAtTag, traceDefinition, traceReferences } from '../../core/trace/queries/traceNavigation';
import { toLocation } from '../convert';
import { Session } from '../session';

/**
 * Go to definition and find references: look up the spec, delegate to the core. From code, a tag
 * leads to its criterion; references of a criterion include the code and tests that name it.
 */
export function registerNavigation(connection: Connection, session: Session): void {
  connection.onDefinition(async (params, token) => {
    const found = await session.specFor(params.textDocument.uri);
    if (found) {
      const own = definition(found.spec, found.path, params.position, token, (name) => session.engine.specByName(name));
      return (own.length ? own : deltaTargetDefinition(session.engine.allSpecs(), found.path, params.position, token)).map(toLocation);
    }
    const code = session.traceFor(params.textDocument.uri);
    return code ? traceDefinition(code.analysis, code.path, params.position, token).map(toLocation) : [];
  });
  connection.onReferences(async (params, token) => {
    const found = await session.specFor(params.textDocument.uri);
    const trace = session.traceFor(params.textDocument.uri);
    if (found) {
      const target = targetAt(found.spec, found.path, params.position);
      const id = target && idOfTarget(target);
      const inSpecs = references(found.spec, found.path, params.position, params.context.includeDeclaration, token);
      const inCode = id && trace ? traceReferences(trace.analysis, found.spec, id, token) : [];
      // A base OpenSpec requirement is referenced by the open changes' delta headers.
      const inDeltas = deltaReferences(session.engine.allSpecs(), found.path, params.position, token);
      return [...inSpecs, ...inDeltas, ...inCode].map(toLocation);
    }
    const at = trace && refAtTag(trace.analysis, trace.path, params.position);
    if (!trace || !at) return [];
    // From a tag: the definition (when asked), the citations in tasks and designs, and all code and tests.
    const ids = [at.id, ...(at.spec.requirements.get(at.id)?.node.criteria.map((c) => c.id) ?? [])];
    const declaration = params.context.includeDeclaration ? [definitionOf(at.spec, at.id)].filter((d) => !!d) : [];
    const citations = ids.flatMap((each) => (at.spec.citedBy.get(each) ?? []).map((ref) => ({ path: ref.path, range: ref.occurrence.range })));
    return [...declaration, ...citations, ...traceReferences(trace.analysis, at.spec, at.id, token)].map(toLocation);
  });
}
