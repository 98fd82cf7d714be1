// @spec specthread-core#16.2
import { SpecFileFacts } from '../../model';
import { Range } from '../../text/range';
import { SpecRule } from '../rule';

/**
 * A requirements, spec or tasks file with content from which the reader got nothing of what its
 * role holds. One note per file says so and what the file looks like; the findings that would
 * follow from reading it as empty (unknown citations, uncovered requirements) are held back by the
 * runner, because a structure the reader does not know proves nothing about the thread.
 */
export const formatUnrecognized: SpecRule = {
  meta: {
    code: 'format.unrecognized',
    defaultSeverity: 'info',
    summary: 'A spec file has content, but SpecThread read none of the requirements or tasks its role holds.',
    description:
      'SpecThread reads the structures the spec tools write and the dialects teams use with them. When a requirements, ' +
      'spec or tasks file has content but none of it could be read, the file gets this one note, naming its headings, ' +
      'and every finding that would depend on it (citations that cannot resolve, requirements without tasks) is held ' +
      'back: a layout the reader does not know proves nothing about the thread. Restructure the file the way its tool ' +
      'writes it, or turn the rule off if the file is prose on purpose.',
    bad: '# Requirements\n## Goals\n- Users can export reports\n- Exports finish within a minute\n## Non-goals\n- Printing',
    good: '# Requirements\n### Requirement 1: Export\n#### Acceptance Criteria\n1. WHEN a user asks THEN THE System SHALL export the report',
  },
  check(spec, report) {
    for (const file of spec.fileList) {
      if (file.reading?.level !== 'none') continue;
      report({ path: file.path, range: anchorOf(file), message: messageFor(file) });
    }
  },
};

function messageFor(file: SpecFileFacts): string {
  const reading = file.reading!;
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const what = reading.expects === 'tasks' ? 'tasks' : 'requirements';
  const items = reading.expects === 'tasks' ? (reading.candidates ? ` (of ${reading.candidates} checkbox items)` : '') : '';
  const shape =
    reading.expects === 'tasks' && reading.candidates === 0
      ? ' it has no checkbox items (`- [ ] 1. …`)'
      : reading.headings.length
        ? ` headings look like ${reading.headings
            .slice(0, 3)
            .map((h) => `'${h.length > 48 ? `${h.slice(0, 47)}…` : h}'`)
            .join(', ')}`
        : ' it has no headings';
  return `Read 0 ${what}${items} from ${name};${shape}. Findings that depend on this file are held back until it can be read.`;
}

/** The first heading: where the reader would have expected structure to begin. */
function anchorOf(file: SpecFileFacts): Range {
  const first = file.headings[0]?.range;
  return first ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
