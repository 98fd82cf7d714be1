// @spec specthread-core#16.3
import { roleUnderstood } from '../../../index/reading';
import { SpecRule } from '../../rule';

/** A task's `[US7]` label naming a user story spec.md does not have. */
export const unknownStory: SpecRule = {
  crossFile: true,
  meta: {
    code: 'link.unknown-story',
    defaultSeverity: 'error',
    summary: 'A spec-kit task is labelled with a user story that spec.md does not have.',
    description:
      'spec-kit groups tasks by story with labels such as `[US2]`. A label naming a story that was renumbered or ' +
      'removed puts the task under the wrong goal and hides the story from coverage.',
    bad: '- [ ] T014 [US4] Add export button   (spec.md has User Stories 1–3)',
    good: '- [ ] T014 [US3] Add export button',
  },
  formats: ['speckit'],
  check(spec, report) {
    // Understood or silent: only a spec.md read with confidence proves a story missing.
    if (!spec.files.spec || !roleUnderstood(spec, 'requirements')) return;
    const stories = [...new Set(spec.requirementList.filter((r) => r.node.kind === 'story').map((r) => r.node.id))];
    // A spec.md without stories keeps them elsewhere (a stub pointing at another document): nothing to check against.
    if (stories.length === 0) return;
    for (const ref of spec.refs) {
      if (ref.occurrence.source !== 'story-label' || ref.unresolved.length === 0) continue;
      const id = ref.unresolved[0];
      // Every story id is one edit from every other, so a "did you mean" would be a guess.
      report({
        path: ref.path,
        range: ref.occurrence.range,
        message:
          `Task ${ref.occurrence.taskId ?? ''} is labelled ${id}, but spec.md has ${stories.length ? `stories ${stories.join(', ')}` : 'no user stories'}.`.replace(
            'Task  ',
            'Task ',
          ),
      });
    }
  },
};
