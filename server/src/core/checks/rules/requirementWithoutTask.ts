// @spec specthread-core#2.3, specthread-core#16.3, specthread-core#16.4
import { roleUnderstood } from '../../index/reading';
import { SpecRule } from '../rule';
import { SpecModel } from '../../index/specModel';
import { checkSpeckitCoverage } from './speckit/requirementCoverage';

/** A requirement that no task cites, directly or through one of its criteria. */
export const requirementWithoutTask: SpecRule = {
  crossFile: true,
  meta: {
    code: 'coverage.requirement-without-task',
    // A task may build a requirement without citing it (a task list kept by title, an NFR met by
    // the design): on the corpus a maintainer would agree with about half of these, short of the
    // 90 % a warning needs (docs/severity-policy.md). `strict` makes it a warning.
    defaultSeverity: 'info',
    fixable: true,
    summary: 'No task cites a requirement or any of its criteria.',
    description:
      'Every requirement should be reached by at least one task, or it will not be built. The check runs only when ' +
      'the spec has a tasks.md that cites requirements at all; a task citing `All` covers every requirement. ' +
      'spec-kit: an FR, SC or NFR is reached when a task names it or carries the label of a story it belongs to; ' +
      'each family is checked only when tasks.md reaches at least two thirds of it, the sign of a team that traces. ' +
      'Kiro: a task list whose numbering starts after 1 (`- [ ] 17. …`) continues a plan whose earlier tasks were ' +
      'pruned, so what they covered is unknown and nothing is reported.',
    bad: '### Requirement 4: Audit log\n…\n(tasks.md cites 1.1–3.2 only)',
    good: '- [ ] 5. Write the audit log\n  - _Requirements: 4.1, 4.2_',
  },
  check(spec, report) {
    // Understood or silent: a tasks.md that was not read (a prose plan, an unknown layout) proves no gap.
    if (!roleUnderstood(spec, 'tasks')) return;
    if (spec.format === 'speckit') return checkSpeckitCoverage(spec, report);
    if (spec.format !== 'kiro') return;
    const tasksFile = spec.files.tasks;
    const requirementsFile = spec.files.requirements ?? spec.files.bugfix;
    if (!tasksFile || !requirementsFile || spec.citesAll) return;
    const citedByTask = (id: string) => (spec.citedBy.get(id) ?? []).some((ref) => ref.path === tasksFile.path);
    // A tasks.md without any citation is a team that does not cite; flagging every requirement would be noise.
    if (!spec.refs.some((ref) => ref.path === tasksFile.path && ref.resolved.length > 0)) return;
    if (continuesEarlierPlan(spec.taskList, tasksFile.path)) return;
    for (const r of requirementsFile.requirements) {
      // A bugfix spec's defect section says what must stop happening; nothing builds it.
      if (r.kind === 'defect') continue;
      if (citedByTask(r.id) || r.criteria.some((c) => citedByTask(c.id))) continue;
      report({
        path: requirementsFile.path,
        range: r.range,
        message: `Requirement ${r.id}${r.title ? ` (${r.title})` : ''} is not cited by any task in tasks.md.`,
      });
    }
  },
};

/** True when the file's first top-level task number is above 1: the tasks before it were removed once done. */
function continuesEarlierPlan(tasks: SpecModel['taskList'], path: string): boolean {
  const top = tasks.filter((t) => t.path === path && t.node.id !== undefined && /^\d+$/.test(t.node.id)).map((t) => Number(t.node.id));
  return top.length > 0 && Math.min(...top) > 1;
}
