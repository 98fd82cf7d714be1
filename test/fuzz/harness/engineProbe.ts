// @spec specthread-core#14.7
import { NEVER_CANCELLED } from '../../../server/src/core/cancellation';
import { Engine } from '../../../server/src/core/engine';
import { Finding } from '../../../server/src/core/findings';
import { codeActionsFor } from '../../../server/src/core/fixes/codeActions';
import { inventory } from '../../../server/src/core/inventory';
import { MemoryWorkspace } from '../../../server/src/core/memoryWorkspace';
import { completeRefs } from '../../../server/src/core/queries/completion';
import { completeDeltaTargets } from '../../../server/src/core/queries/deltaTargets';
import { completeSpeckitIds } from '../../../server/src/core/formats/speckit/completion';
import { SpecSymbol, documentSymbols, workspaceSymbols } from '../../../server/src/core/queries/symbols';
import { definitionAt, hoverAt, referencesAt } from '../../../server/src/core/queries/thread';
import { Position, Range } from '../../../server/src/core/text/range';
import { traceInlayHints } from '../../../server/src/core/trace/queries/inlayHints';
import { RenameError, renameId, renameTargetAt } from '../../../server/src/core/trace/queries/renameId';
import { specLenses } from '../../../server/src/core/trace/queries/specLenses';
import { completeTag } from '../../../server/src/core/trace/queries/tagCompletion';
import { taskFileLinks } from '../../../server/src/core/trace/queries/taskLinks';
import { DocumentShape } from './ranges';

/**
 * Runs the real engine over an in-memory workspace the way the language server and the CLI do:
 * index, check every spec, then ask every query the server offers at the given positions of
 * every file. Any exception propagates (the property fails with its stack); every range that comes
 * back is checked against the document it points into, and findings that only exist because
 * something threw inside the engine (`parse.failed`, `internal.error`) count as problems too.
 */

export const ROOT = '/ws';

/** Finding codes that report a caught exception: each one is a crash, however well contained. */
const CRASH_CODES = new Set(['parse.failed', 'internal.error']);

export interface ProbeResult {
  readonly findings: readonly Finding[];
  readonly problems: readonly string[];
}

export async function indexFiles(files: Readonly<Record<string, string>>, order: 'as-given' | 'reversed' = 'as-given'): Promise<Engine> {
  const entries = Object.entries(files).map(([rel, text]) => [`${ROOT}/${rel}`, text] as const);
  const workspace = new MemoryWorkspace([ROOT], new Map(order === 'reversed' ? entries.reverse() : entries));
  const engine = new Engine(workspace);
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine;
}

export async function probe(files: Readonly<Record<string, string>>, points: readonly (readonly [number, number])[]): Promise<ProbeResult> {
  const token = NEVER_CANCELLED;
  const engine = await indexFiles(files);
  const docs = new Map(Object.entries(files).map(([rel, text]) => [`${ROOT}/${rel}`, new DocumentShape(text)]));
  const problems: string[] = [];
  const inside = (what: string, path: string, range: Range | undefined) => {
    if (!range) return;
    const doc = docs.get(path);
    if (!doc) return problems.push(`${what}: range in ${path}, which is not a workspace file`);
    const problem = doc.rangeProblem(range);
    if (problem) problems.push(`${what} in ${path}: ${problem}`);
  };
  const symbolsInside = (path: string, symbols: readonly SpecSymbol[]) => {
    for (const s of symbols) {
      inside(`symbol ${JSON.stringify(s.name.slice(0, 40))}`, path, s.range);
      inside(`symbol selection ${JSON.stringify(s.name.slice(0, 40))}`, path, s.selectionRange);
      symbolsInside(path, s.children);
    }
  };

  const findings = engine.allFindings(token);
  for (const f of findings) {
    if (CRASH_CODES.has(f.code)) problems.push(`${f.code} in ${f.path}: ${f.message}`);
    inside(`finding ${f.code}`, f.path, f.range);
    for (const r of f.related ?? []) inside(`related of ${f.code}`, r.path, r.range);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) inside(`fix "${fix.title}" of ${f.code}`, e.path, e.range);
  }
  engine.traceAnalysis(token).coverage(token);
  inventory(engine.allSpecs(), token);
  for (const query of ['', 'a', '1.1', 'FR'])
    for (const s of workspaceSymbols(engine.allSpecs(), query, token)) inside(`workspace symbol ${s.name.slice(0, 40)}`, s.path, s.range);

  const analysis = engine.traceAnalysis(token);
  for (const [path, doc] of docs) {
    const spec = engine.specOf(path);
    const facts = engine.facts(path);
    if (facts) symbolsInside(path, documentSymbols(facts, token));
    if (spec) {
      for (const lens of specLenses(analysis, spec, path, token)) inside('code lens', path, lens.range);
      for (const link of taskFileLinks(analysis, spec, path, token)) inside('document link', path, link.range);
    } else {
      for (const hint of traceInlayHints(analysis, path, { start: { line: 0, character: 0 }, end: doc.end() }, token))
        inside('inlay hint', path, { start: hint.position, end: hint.position });
    }
    const positions: Position[] = [{ line: 0, character: 0 }, doc.end(), ...points.map(([a, b]) => doc.positionFrom(a, b))];
    const fileFindings = findings.filter((f) => f.path === path);
    for (const pos of positions) {
      const thread = { path, spec };
      const hover = hoverAt(engine, thread, pos, token);
      inside('hover', path, hover?.range);
      for (const l of definitionAt(engine, thread, pos, token)) inside('definition', l.path, l.range);
      for (const l of referencesAt(engine, thread, pos, true, token)) inside('reference', l.path, l.range);
      const line = doc.lineText(pos.line);
      const completions = spec
        ? [
            ...completeRefs(spec, line, pos, token),
            ...completeSpeckitIds(spec, line, pos, token),
            ...completeDeltaTargets(engine.allSpecs(), path, line, pos, token),
          ]
        : completeTag(analysis.specs, line, pos, token);
      for (const c of completions) inside(`completion ${c.label}`, path, c.range);
      const range = { start: pos, end: positions[0] === pos ? doc.end() : pos };
      for (const action of codeActionsFor({ spec, path, range, findings: fileFindings, textOf: (p) => engine.textOf(p) }, token)) {
        for (const e of action.edits) inside(`code action "${action.title}"`, e.path, e.range);
      }
      const target = spec ? undefined : renameTargetAt(analysis, path, pos);
      if (target) {
        inside('rename target', path, target.range);
        try {
          for (const e of renameId(analysis, target, `${target.id}9`, (p) => engine.textOf(p), token)) inside('rename edit', e.path, e.range);
        } catch (err) {
          // Refusing a rename (a clash, an id of the wrong shape) is an answer, not a crash.
          if (!(err instanceof RenameError)) throw err;
        }
      }
    }
  }
  return { findings, problems };
}
