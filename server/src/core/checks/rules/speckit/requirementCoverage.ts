import { Located, SpecModel } from '../../../index/specModel';
import { RequirementNode } from '../../../model';
import { rangeContains } from '../../../text/range';
import { ReportedProblem } from '../../rule';

/**
 * spec-kit coverage: a functional requirement or success criterion is reached by a task when a
 * task names it (`FR-003`), or when a task carries the label of a story the requirement belongs
 * to (it is written inside that story's section or names the story, e.g. `FR-004 (US2)`).
 * Each family is checked only when tasks.md evidently traces it, i.e. reaches at least two thirds of
 * its members: many teams mention an FR in passing ("per FR-12") without tracing the others, and
 * flagging every requirement of theirs would be noise; a team that traces 8 of 10 has 2 real gaps.
 */
export function checkSpeckitCoverage(spec: SpecModel, report: (p: ReportedProblem) => void): void {
  const tasksFile = spec.files.tasks;
  if (!tasksFile || !spec.files.spec) return;
  const fromTasks = spec.refs.filter((r) => r.path === tasksFile.path);
  const labelled = new Set(fromTasks.filter((r) => r.occurrence.source === 'story-label').flatMap((r) => r.resolved));
  const named = new Set(fromTasks.filter((r) => r.occurrence.source !== 'story-label').flatMap((r) => r.resolved));
  const stories = spec.requirementList.filter((r) => r.node.kind === 'story');
  for (const family of ['FR-', 'SC-', 'NFR-']) {
    const members = spec.requirementList.filter((r) => r.node.id.startsWith(family));
    const reached = (r: Located<RequirementNode>) => named.has(r.node.id) || storiesOf(r, stories).some((s) => labelled.has(s));
    const unreached = members.filter((r) => !reached(r));
    if (members.length === 0 || unreached.length * 3 > members.length) continue;
    for (const r of unreached) {
      report({
        path: r.path,
        range: r.node.idRange,
        message: `${r.node.id} is not reached by any task in tasks.md (no task names it or carries the label of a story it belongs to).`,
      });
    }
  }
}

function storiesOf(r: Located<RequirementNode>, stories: readonly Located<RequirementNode>[]): string[] {
  const inside = stories.filter((s) => s.path === r.path && rangeContains(s.node.sectionRange, r.node.range.start)).map((s) => s.node.id);
  const mentioned = [...(r.node.text ?? '').matchAll(/\bUS-?(\d+[a-z]?)\b/g)].map((m) => 'US' + m[1]);
  return [...inside, ...mentioned];
}
