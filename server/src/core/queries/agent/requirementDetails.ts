// @spec specthread-core#18.1, specthread-core#18.2
import type { CoverageState } from '../../../../../shared/coverage';
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { tasksFor } from '../../coverage/coverage';
import { citingTasks } from '../locate';
import { AgentView, Place, TagPlace, TaskSummary, coverageOf, placeOf, tagPlace, taskSummary, uniquePlaces } from './agentView';
import { existingRef } from './specRef';

export interface CriterionDetails {
  readonly ref: string;
  readonly id: string;
  readonly text: string;
  readonly state: CoverageState;
  readonly complete: boolean;
  readonly line: number;
}

/** Everything the thread knows of one requirement or criterion: `get_requirement`. */
export interface RequirementDetails {
  readonly ref: string;
  readonly spec: string;
  readonly kind: 'requirement' | 'criterion';
  /** The requirement's id (the criterion's requirement for a criterion). */
  readonly requirement: string;
  readonly title: string;
  /** The statement when it is more than the title (spec-kit FR text, OpenSpec body); the criterion's text for a criterion. */
  readonly text?: string;
  readonly story?: string;
  readonly definition: Place;
  /** The criteria asked about: all of the requirement's, or the one criterion. */
  readonly criteria: readonly CriterionDetails[];
  readonly tasks: readonly TaskSummary[];
  readonly code: readonly TagPlace[];
  readonly tests: readonly TagPlace[];
}

export function requirementDetails(view: AgentView, ref: string, token: CancellationToken): RequirementDetails {
  throwIfCancelled(token);
  const { spec, id } = existingRef(view.analysis.specs, ref);
  const criterion = spec.criteria.get(id);
  const requirement = spec.requirements.get(criterion ? criterion.node.requirementId : id)!;
  const coverage = coverageOf(view, token);
  const units = criterion
    ? [{ id, text: criterion.node.text, range: criterion.node.range, path: criterion.path }]
    : requirement.node.criteria.length
      ? requirement.node.criteria.map((c) => ({ id: c.id, text: c.text, range: c.range, path: requirement.path }))
      : [{ id, text: requirement.node.text ?? requirement.node.title, range: requirement.node.range, path: requirement.path }];
  const criteria = units.map((u): CriterionDetails => {
    const c = coverage.get(`${spec.id}#${u.id}`);
    return { ref: `${spec.id}#${u.id}`, id: u.id, text: u.text, state: c?.state ?? 'specified', complete: c?.complete ?? false, line: u.range.start.line + 1 };
  });
  const index = view.analysis.index;
  const links = criterion ? index.linksForCriterion(spec, id) : index.linksForRequirement(spec, id);
  // A criterion's tasks: those citing it or its whole requirement; a requirement's: those citing it or any criterion.
  const tasks = criterion ? tasksFor(spec, requirement.node.id, id) : citingTasks(spec, id);
  const node = criterion?.node;
  return {
    ref: `${spec.id}#${id}`,
    spec: spec.id,
    kind: criterion ? 'criterion' : 'requirement',
    requirement: requirement.node.id,
    title: requirement.node.title,
    ...(node ? { text: node.text } : requirement.node.text ? { text: requirement.node.text } : {}),
    ...(requirement.node.userStory ? { story: requirement.node.userStory } : {}),
    definition: placeOf(view, node ? criterion.path : requirement.path, node ? node.range : requirement.node.range),
    criteria,
    tasks: tasks.map((t) => taskSummary(view, t)),
    code: uniquePlaces(links.filter((l) => l.role === 'source').map((l) => tagPlace(view, l))),
    tests: uniquePlaces(links.filter((l) => l.role === 'test').map((l) => tagPlace(view, l))),
  };
}
