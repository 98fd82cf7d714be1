// @spec specthread-core#16.1 @spec specthread-core#16.4
import { readsRetired } from '../../../formats/speckit/parse/history';
import { SpecRule } from '../../rule';

/** A user story with no Given/When/Then acceptance scenario. */
export const storyWithoutScenarios: SpecRule = {
  meta: {
    code: 'structure.story-without-scenarios',
    // Real specs write acceptance as plain lists (`**验收**：` + bullets) as often as Given/When/Then; the
    // form is not the defect, and on the corpus none of these findings was one a maintainer would fix.
    defaultSeverity: 'info',
    summary: 'A spec-kit user story has no Given/When/Then acceptance scenario.',
    description:
      'Acceptance scenarios are how a story is tested independently, which is what spec-kit builds its task phases ' +
      'around. A story without one cannot be verified or cited as `US2.1`.',
    bad: '### User Story 2 - Export (Priority: P2)\n\nUsers export their data.',
    good: '### User Story 2 - Export (Priority: P2)\n\n**Acceptance Scenarios**:\n\n1. **Given** a saved report, **When** the user exports it, **Then** a CSV downloads',
  },
  formats: ['speckit'],
  check(spec, report) {
    for (const r of spec.requirementList) {
      if (r.node.kind !== 'story' || r.node.criteria.length > 0) continue;
      // A story kept only as a record that it was removed has nothing left to test.
      if (readsRetired(r.node.title)) continue;
      report({
        path: r.path,
        range: r.node.range,
        message: `User story ${r.node.id}${r.node.title ? ` (${r.node.title})` : ''} has no Given/When/Then acceptance scenario.`,
      });
    }
  },
};
