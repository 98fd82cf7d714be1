import { SpecRule } from '../../rule';
import { openSpecExtras, section } from './helpers';

/** Main specs need `## Purpose` and `## Requirements`; proposals need `## Why` and `## What Changes`. */
export const missingSection: SpecRule = {
  meta: {
    code: 'structure.missing-section',
    defaultSeverity: 'error',
    summary: 'An OpenSpec spec lacks `## Purpose` or `## Requirements`, or a proposal lacks `## Why` or `## What Changes`.',
    description:
      '`openspec validate` rejects a spec without a non-empty Purpose and a Requirements section, and a change proposal ' +
      'without a non-empty Why and What Changes; `openspec archive` refuses them. The finding sits on the first line ' +
      "of the file, or on the empty section's heading.",
    bad: '# auth Specification\n\n## Requirements\n### Requirement: Login\n…',
    good: '# auth Specification\n\n## Purpose\nHow users prove who they are …\n\n## Requirements\n### Requirement: Login\n…',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived) return;
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const f of spec.fileList) {
      const extras = openSpecExtras(f);
      if (!extras) continue;
      const wanted = f.kind === 'spec' ? ['Purpose', 'Requirements'] : f.kind === 'proposal' ? ['Why', 'What Changes'] : [];
      for (const title of wanted) {
        const s = section(extras, title);
        // An empty Requirements section is a spec with no requirements, reported below by count.
        if (s && (s.text || title === 'Requirements')) continue;
        report({
          path: f.path,
          range: s?.range ?? top,
          message: s
            ? `The ## ${title} section is empty.`
            : `Missing the ## ${title} section; OpenSpec ${f.kind === 'spec' ? 'specs' : 'proposals'} need ## ${wanted.join(' and ## ')}.`,
        });
      }
      if (f.kind === 'spec' && section(extras, 'Requirements') && extras.requirementBlocks.length === 0) {
        report({
          path: f.path,
          range: section(extras, 'Requirements')!.range,
          message: 'The spec has no `### Requirement:` blocks; OpenSpec needs at least one.',
        });
      }
    }
  },
};
