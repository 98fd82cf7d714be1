// @spec specthread-core#20.2
import type { CoverageState } from '../../../shared/coverage';
import type { OverviewPlace, OverviewProblems, OverviewSpec, OverviewTask, SpecsOverview } from '../../../shared/specsViewProtocol';

/**
 * The Specs view as plain data: specs → requirements → criteria, and each spec's tasks, with
 * the label, description, icon and context value each row shows. Pure (no `vscode` import), so
 * tests build it from a real server answer; specsTree.ts only adapts it to a TreeDataProvider.
 */
export type SpecsNodeKind = 'spec' | 'group' | 'requirement' | 'criterion' | 'task';

export interface SpecsNode {
  readonly kind: SpecsNodeKind;
  /** Stable across refreshes, so the tree keeps what the user expanded. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** A codicon name and an optional theme colour id. */
  readonly icon: { readonly id: string; readonly color?: string };
  /** `spec`, `requirement`, `criterion`, `task.open`, `task.done` … : what the context menu's `when` clauses test. */
  readonly contextValue: string;
  readonly place?: OverviewPlace;
  /** Full ref (`user-auth#1.2`) of requirements and criteria: what "copy ref" copies. */
  readonly ref?: string;
  readonly children: readonly SpecsNode[];
  /** Errors or warnings lie inside this row's text: the "problems only" filter keeps it. */
  readonly problems: boolean;
  /** Tasks only, the argument the task commands take: the task's spec and id, its file URI and line. */
  readonly spec?: string;
  readonly task?: string;
  readonly uri?: string;
  readonly line?: number;
}

const STATE_ICONS: Record<CoverageState, { id: string; color?: string }> = {
  specified: { id: 'circle-outline', color: 'disabledForeground' },
  tasked: { id: 'circle-filled', color: 'charts.yellow' },
  implemented: { id: 'circle-filled', color: 'charts.blue' },
  // A skipped or todo test names the criterion: verification is planned, not done.
  pending: { id: 'watch', color: 'charts.purple' },
  verified: { id: 'pass-filled', color: 'charts.green' },
  passing: { id: 'verified-filled', color: 'testing.iconPassed' },
};

const TASK_ICONS: Record<OverviewTask['status'], { id: string; color?: string }> = {
  open: { id: 'circle-large-outline' },
  'in-progress': { id: 'sync', color: 'charts.blue' },
  queued: { id: 'clock' },
  done: { id: 'pass-filled', color: 'charts.green' },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function problemText(p: OverviewProblems): string {
  return [p.errors ? plural(p.errors, 'error') : '', p.warnings ? plural(p.warnings, 'warning') : ''].filter(Boolean).join(', ');
}

const hasProblems = (p: OverviewProblems) => p.errors + p.warnings > 0;
const joined = (...parts: string[]) => parts.filter(Boolean).join(' · ');

/** A requirement's icon: the state every one of its criteria has reached. */
function leastState(states: readonly CoverageState[]): CoverageState {
  const order: CoverageState[] = ['specified', 'tasked', 'implemented', 'pending', 'verified', 'passing'];
  return states.reduce<CoverageState>((low, s) => (order.indexOf(s) < order.indexOf(low) ? s : low), states.length ? 'passing' : 'specified');
}

/** The view's roots. With `problemsOnly`, only rows with errors or warnings and the rows leading to them. */
export function specsTree(overview: SpecsOverview, problemsOnly: boolean): SpecsNode[] {
  const specs = overview.specs.map(specNode);
  return problemsOnly ? prune(specs) : specs;
}

function specNode(s: OverviewSpec): SpecsNode {
  const requirements = s.requirements.map((r): SpecsNode => {
    const criteria = r.criteria.map((c): SpecsNode => ({
      kind: 'criterion',
      id: `c:${c.ref}`,
      label: c.id,
      description: joined(c.text, problemText(c.problems)),
      tooltip: `${c.ref} — ${c.state}${c.complete ? ' (complete)' : ''}\n${c.text}\n${plural(c.tasks, 'task')} · ${c.code} code · ${plural(c.tests, 'test')}`,
      icon: STATE_ICONS[c.state],
      contextValue: 'criterion',
      problems: hasProblems(c.problems),
      place: c.place,
      ref: c.ref,
      children: [],
    }));
    const sum = r.summary;
    return {
      kind: 'requirement',
      id: `r:${r.ref}`,
      label: `${r.id} ${r.title}`.trim(),
      description: joined(
        `${sum.complete}/${sum.criteria}`,
        `${r.taskLinks.length} tasks · ${r.codeLinks.length} code · ${r.testLinks.length} tests`,
        problemText(r.problems),
      ),
      tooltip: `${r.ref}: ${sum.percent}% complete`,
      icon: STATE_ICONS[leastState(r.criteria.map((c) => c.state))],
      contextValue: 'requirement',
      problems: hasProblems(r.problems),
      place: r.place,
      ref: r.ref,
      children: criteria,
    };
  });
  const groups: SpecsNode[] = [];
  if (requirements.length) groups.push(group(s, 'requirements', `Requirements`, `${s.summary.percent}% covered`, requirements));
  if (s.tasks.length) {
    const done = s.tasks.filter((t) => t.status === 'done').length;
    groups.push(group(s, 'tasks', 'Tasks', `${done}/${s.tasks.length} done`, nestTasks(s)));
  }
  return {
    kind: 'spec',
    id: `s:${s.dir}`,
    label: s.spec,
    description: joined(s.format, `${s.summary.percent}%`, problemText(s.problems)),
    tooltip: `${s.spec} (${s.format}) — ${s.summary.complete} of ${s.summary.criteria} criteria complete${s.traced ? '' : '; no code or test points into it yet'}\n${s.dir}`,
    icon: { id: 'book' },
    contextValue: 'spec',
    problems: hasProblems(s.problems),
    place: s.requirements[0]?.place ?? s.tasks[0]?.place,
    children: groups,
  };
}

function group(s: OverviewSpec, key: string, label: string, description: string, children: SpecsNode[]): SpecsNode {
  return {
    kind: 'group',
    id: `g:${s.dir}:${key}`,
    label,
    description,
    icon: { id: key === 'tasks' ? 'checklist' : 'list-tree' },
    contextValue: 'group',
    children,
    problems: false,
  };
}

/** Tasks nest by their list depth, as tasks.md shows them. */
function nestTasks(s: OverviewSpec): SpecsNode[] {
  const stack: { depth: number; children: SpecsNode[] }[] = [{ depth: -1, children: [] }];
  s.tasks.forEach((t, i) => {
    const children: SpecsNode[] = [];
    const uri = fileUri(t.place.path);
    const node: SpecsNode = {
      kind: 'task',
      id: `t:${t.place.path}:${t.id ?? `#${i}`}`,
      label: t.id ? `${t.id} ${t.title}` : t.title,
      description: joined(t.status === 'open' ? '' : t.status, t.optional ? 'optional' : '', problemText(t.problems)),
      tooltip: `${t.title}\n${t.status}${t.optional ? ' (optional)' : ''}`,
      icon: TASK_ICONS[t.status],
      contextValue: `task.${t.status}`,
      problems: hasProblems(t.problems),
      place: t.place,
      spec: s.spec,
      ...(t.id ? { task: t.id } : {}),
      uri,
      line: t.place.line,
      children,
    };
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= t.depth) stack.pop();
    stack[stack.length - 1]!.children.push(node);
    stack.push({ depth: t.depth, children });
  });
  return stack[0]!.children;
}

/** A `file://` URI of an absolute path, the way the language client writes them. */
export function fileUri(path: string): string {
  const posix = path.replace(/\\/g, '/');
  const withRoot = posix.startsWith('/') ? posix : `/${posix}`;
  return `file://${withRoot.split('/').map(encodeURIComponent).join('/')}`;
}

/** Keeps rows with problems and their ancestors; a row keeps only the children that have some (a spec's may lie outside any row). */
function prune(nodes: readonly SpecsNode[]): SpecsNode[] {
  const out: SpecsNode[] = [];
  for (const n of nodes) {
    const children = prune(n.children);
    if (children.length || n.problems) out.push({ ...n, children });
  }
  return out;
}
