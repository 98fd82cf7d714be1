// @spec specthread-core#13.2
import { SpecRule } from '../../rule';
import { openSpecExtras, section } from './helpers';

/**
 * Main specs need `## Purpose` and `## Requirements`. One finding per file, as `openspec validate`
 * gives one: it stops parsing at the first missing section, so a second finding would only repeat
 * the first. Proposals are not checked: `openspec validate` does not require proposal headings
 * (archive prints them as non-blocking hints), and real proposals use `## 背景`, `## Problem`,
 * `## Proposed Solution` and the like, which their maintainers would not call defects.
 */
export const missingSection: SpecRule = {
  meta: {
    code: 'structure.missing-section',
    defaultSeverity: 'error',
    summary: 'An OpenSpec main spec lacks `## Purpose` or `## Requirements`, or its Purpose is empty.',
    description:
      '`openspec validate` rejects a main spec without a non-empty Purpose and a Requirements section holding at least ' +
      'one `### Requirement:` block, and `openspec archive` cannot merge a change into it. A main spec written as a ' +
      'change delta (`## ADDED Requirements`) is reported once, with the fix. The finding sits on the first line of ' +
      "the file, or on the empty section's heading. Change proposals are not checked: OpenSpec does not require " +
      'their headings.',
    bad: '# auth Specification\n\n## Requirements\n### Requirement: Login\n…',
    good: '# auth Specification\n\n## Purpose\nHow users prove who they are …\n\n## Requirements\n### Requirement: Login\n…',
  },
  formats: ['openspec'],
  check(spec, report) {
    if (spec.archived) return;
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const f of spec.fileList) {
      const extras = openSpecExtras(f);
      if (!extras || f.kind !== 'spec') continue;
      const purpose = section(extras, 'Purpose');
      const requirements = section(extras, 'Requirements');
      const missing = [purpose ? undefined : 'Purpose', requirements ? undefined : 'Requirements'].filter((t): t is string => !!t);
      if (missing.length) {
        const delta = extras.misplaced.find((m) => m.what === 'delta-header');
        report({
          path: f.path,
          range: top,
          message: delta
            ? `This main spec is written as a change delta ("${delta.text}") and has no ## ${missing.join(' or ## ')} section, so openspec validate rejects it and reads none of its requirements; move its current requirements under ## Requirements${purpose ? '' : ' and add ## Purpose'} (deltas belong in openspec/changes/<id>/specs/).`
            : `Missing the ## ${missing.join(' and ## ')} section${missing.length > 1 ? 's' : ''}; OpenSpec main specs need ## Purpose and ## Requirements.`,
        });
        continue;
      }
      if (!purpose!.text) report({ path: f.path, range: purpose!.range, message: 'The ## Purpose section is empty.' });
      if (extras.requirementBlocks.length === 0)
        report({ path: f.path, range: requirements!.range, message: 'The spec has no `### Requirement:` blocks; OpenSpec needs at least one.' });
    }
  },
};
