// @spec specthread-core#15.1
import { storyWithoutScenarios } from '../../checks/rules/speckit/storyWithoutScenarios';
import { tooManyClarifications } from '../../checks/rules/speckit/tooManyClarifications';
import { unknownStory } from '../../checks/rules/speckit/unknownStory';
import { SpecFormatPlugin } from '../specFormatPlugin';
import { completeSpeckitIds } from './completion';
import { SPECKIT_SPEC_FILES, featureAlias, locateSpeckit, locateSpeckitBelow } from './layout';
import { parseSpeckitFile } from './parseFile';

/** GitHub spec-kit: numbered feature folders under `specs/` with spec, plan, tasks and checklists. */
export const SPECKIT_FORMAT: SpecFormatPlugin = {
  id: 'speckit',
  locate: locateSpeckit,
  // A configured root accepts any folder name; the default layout only numbered ones.
  locateBelow: (root, path) => locateSpeckitBelow(root, path, false),
  // Every spec-kit file is Markdown (see layout.ts).
  nameSuffixes: ['.md'],
  siblingFiles: () => SPECKIT_SPEC_FILES,
  parse: parseSpeckitFile,
  aliases: (specId) => {
    const alias = featureAlias(specId);
    return alias ? [alias] : [];
  },
  // spec-kit also cites from spec.md (SC-002 naming FR-003) and from checklists.
  citingKinds: ['tasks', 'design', 'spec', 'checklist'],
  complete: (context, token) => completeSpeckitIds(context.spec, context.lineText, context.pos, token),
  rules: [unknownStory, storyWithoutScenarios, tooManyClarifications],
};
