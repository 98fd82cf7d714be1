// @spec specthread-core#3.5
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { RequirementNode, SpecFileFacts } from '../model';
import { Range } from '../text/range';
import { SpecModel } from '../index/specModel';

export type SymbolKind = 'requirement' | 'criterion' | 'task' | 'heading';

export interface SpecSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: SpecSymbol[];
}

/** The outline of one spec file: requirements with their criteria, tasks as a tree, or headings. */
export function documentSymbols(facts: SpecFileFacts, token: CancellationToken): SpecSymbol[] {
  throwIfCancelled(token);
  // spec-kit and OpenSpec spec.md outline their stories, requirements and scenarios the same way.
  if (facts.kind === 'requirements' || facts.kind === 'bugfix' || (facts.kind === 'spec' && facts.requirements.length > 0)) {
    return facts.requirements.map((r) => ({
      name: symbolName(r),
      detail: r.userStory,
      kind: 'requirement' as const,
      range: r.sectionRange,
      selectionRange: r.range,
      children: r.criteria.map((c) => ({ name: c.id, detail: c.text, kind: 'criterion' as const, range: c.range, selectionRange: c.idRange, children: [] })),
    }));
  }
  if (facts.kind === 'tasks') {
    const roots: SpecSymbol[] = [];
    const stack: { depth: number; symbol: SpecSymbol; id?: string }[] = [];
    for (const t of facts.tasks) {
      const symbol: SpecSymbol = {
        name: `${t.id ? `${t.id} ` : ''}${t.title}`,
        detail: t.status + (t.optional ? ' (optional)' : ''),
        kind: 'task',
        range: t.itemRange,
        selectionRange: t.range,
        children: [],
      };
      // Parent by nesting, or by id prefix for flat sub-tasks (`- [ ] 1.1` written unindented).
      while (stack.length && !isChild(stack[stack.length - 1]!, t.depth, t.id)) stack.pop();
      (stack.length ? stack[stack.length - 1]!.symbol.children : roots).push(symbol);
      stack.push({ depth: t.depth, symbol, id: t.id });
    }
    return roots;
  }
  return headingTree(facts);
}

function symbolName(r: RequirementNode): string {
  if (r.kind === undefined) return `Requirement ${r.id}${r.title ? `: ${r.title}` : ''}`;
  if (r.kind === 'requirement') return r.title;
  return r.title ? `${r.id}: ${r.title}` : r.id;
}

function isChild(parent: { depth: number; id?: string }, depth: number, id: string | undefined): boolean {
  if (depth > parent.depth) return true;
  return !!(id && parent.id && id.startsWith(parent.id + '.'));
}

function headingTree(facts: SpecFileFacts): SpecSymbol[] {
  const roots: SpecSymbol[] = [];
  const stack: { depth: number; symbol: SpecSymbol }[] = [];
  for (const h of facts.headings) {
    const symbol: SpecSymbol = { name: h.text || '(empty heading)', kind: 'heading', range: h.sectionRange, selectionRange: h.range, children: [] };
    while (stack.length && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    (stack.length ? stack[stack.length - 1]!.symbol.children : roots).push(symbol);
    stack.push({ depth: h.depth, symbol });
  }
  return roots;
}

export interface WorkspaceSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly container: string;
  readonly path: string;
  readonly range: Range;
}

/** Requirements, criteria and tasks of every spec whose name or text contains the query's words. */
export function workspaceSymbols(specs: readonly SpecModel[], query: string, token: CancellationToken, limit = 500): WorkspaceSymbol[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  const out: WorkspaceSymbol[] = [];
  for (const spec of specs) {
    throwIfCancelled(token);
    for (const r of spec.requirementList) {
      const name = `${spec.id}#${r.node.id} ${r.node.title}`.trim();
      if (matches(name)) out.push({ name, kind: 'requirement', container: spec.id, path: r.path, range: r.node.range });
    }
    for (const c of spec.criterionList) {
      const name = `${spec.id}#${c.node.id} ${c.node.text}`;
      if (matches(name)) out.push({ name, kind: 'criterion', container: spec.id, path: c.path, range: c.node.range });
    }
    for (const t of spec.taskList) {
      const name = `${spec.id} task ${t.node.id ?? ''} ${t.node.title}`.replace(/\s+/g, ' ');
      if (matches(name)) out.push({ name, kind: 'task', container: spec.id, path: t.path, range: t.node.range });
    }
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}
