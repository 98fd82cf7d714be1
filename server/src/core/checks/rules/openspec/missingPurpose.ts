// @spec specthread-core#16.6
import { SpecRule } from '../../rule';
import { FILE_START, mainSpecShapes } from './mainSpecShape';

/**
 * A main spec whose requirements OpenSpec reads fine but which has no (or an empty) `## Purpose`.
 * `openspec validate` fails on it, and `openspec archive` (which validates every spec it rewrites)
 * stops when a change touches this capability, so teams want to know; but every requirement is
 * read and no citation breaks, so the thread is not broken: a note, not an error
 * (docs/severity-policy.md).
 */
export const missingPurpose: SpecRule = {
  meta: {
    code: 'structure.missing-purpose',
    defaultSeverity: 'info',
    summary: 'An OpenSpec main spec reads fine but has no `## Purpose` section, or an empty one, so `openspec validate` fails on it.',
    description:
      '`openspec validate` requires a non-empty `## Purpose` in every main spec and fails without one, and `openspec ' +
      'archive` stops when a change touches such a capability. Its requirements are still read and no citation breaks, ' +
      'so this is a note: add a sentence or two saying what the capability is for.',
    bad: '# auth Specification\n\n## Requirements\n### Requirement: Login\nThe system SHALL …',
    good: '# auth Specification\n\n## Purpose\nHow users prove who they are …\n\n## Requirements\n### Requirement: Login\nThe system SHALL …',
  },
  formats: ['openspec'],
  check(spec, report) {
    for (const { file: f, shape } of mainSpecShapes(spec)) {
      if (shape.kind !== 'purpose') continue;
      report({
        path: f.path,
        range: shape.empty?.range ?? FILE_START,
        message: shape.empty
          ? 'The ## Purpose section is empty, so openspec validate fails on this spec and openspec archive stops when a change touches it; its requirements are read.'
          : 'No ## Purpose section, so openspec validate fails on this spec and openspec archive stops when a change touches it; its requirements are read. Add ## Purpose with what the capability is for.',
      });
    }
  },
};
