// @spec specthread-core#13.2, specthread-core#16.6
import { SpecRule } from '../../rule';
import { FILE_START, mainSpecShapes } from './mainSpecShape';

/**
 * Main specs need `## Purpose` and `## Requirements`. One finding per file, as `openspec validate`
 * gives one: it stops parsing at the first missing section, so a second finding would only repeat
 * the first. This rule keeps the shapes that hide requirements from OpenSpec (see mainSpecShape.ts);
 * a spec only missing its Purpose, one written under its own headings, and one nothing could be
 * read from have their own notes. Proposals are not checked: `openspec validate` does not require
 * proposal headings (archive prints them as non-blocking hints), and real proposals use `## 背景`,
 * `## Problem`, `## Proposed Solution` and the like, which their maintainers would not call defects.
 */
export const missingSection: SpecRule = {
  meta: {
    code: 'structure.missing-section',
    defaultSeverity: 'error',
    summary: 'An OpenSpec main spec hides its requirements from OpenSpec: no `## Requirements` section, a delta copied in, or no blocks.',
    description:
      '`openspec validate` rejects a main spec without a Requirements section holding at least one `### Requirement:` ' +
      'block, and `openspec archive` cannot merge a change into it. A main spec written as a change delta ' +
      '(`## ADDED Requirements`) is reported once, with the fix. The finding sits on the first line of the file, or on ' +
      "the empty section's heading. A spec only missing `## Purpose` is `structure.missing-purpose`, one organised under " +
      'its own headings is `structure.foreign-sections`, and a file nothing could be read from is `format.unrecognized`. ' +
      'Change proposals are not checked: OpenSpec does not require their headings.',
    bad: '# auth Specification\n\n### Requirement: Login\nThe system SHALL sign a user in with a password.',
    good: '# auth Specification\n\n## Purpose\nHow users prove who they are …\n\n## Requirements\n### Requirement: Login\n…',
  },
  formats: ['openspec'],
  check(spec, report) {
    for (const { file: f, shape } of mainSpecShapes(spec)) {
      if (shape.kind === 'no-blocks')
        report({ path: f.path, range: shape.requirements.range, message: 'The spec has no `### Requirement:` blocks; OpenSpec needs at least one.' });
      if (shape.kind !== 'missing') continue;
      const { missing, delta } = shape;
      report({
        path: f.path,
        range: FILE_START,
        message: delta
          ? `This main spec is written as a change delta ("${delta}") and has no ## ${missing.join(' or ## ')} section, so openspec validate rejects it and reads none of its requirements; move its current requirements under ## Requirements${missing.includes('Purpose') ? ' and add ## Purpose' : ''} (deltas belong in openspec/changes/<id>/specs/).`
          : `Missing the ## ${missing.join(' and ## ')} section${missing.length > 1 ? 's' : ''}; OpenSpec main specs need ## Purpose and ## Requirements.`,
      });
    }
  },
};
