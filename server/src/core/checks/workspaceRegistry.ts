import { WorkspaceRule } from './workspaceRule';
import { conflictingChanges } from './workspace/conflictingChanges';
import { deltaTargetExists } from './workspace/deltaTargetExists';
import { droppedScenarios } from './workspace/droppedScenarios';
import { patternMatchesNothing } from './workspace/patternMatchesNothing';
import { templatePlaceholder } from './workspace/templatePlaceholder';
import { unknownDeltaTarget } from './workspace/unknownDeltaTarget';
import { unknownSpecRef } from './workspace/unknownSpecRef';

/**
 * Rules over the whole workspace (relations between specs), run after the per-spec rules.
 * A new one is one file in `workspace/` plus one line here, like SPEC_RULES.
 */
export const WORKSPACE_RULES: readonly WorkspaceRule[] = [
  unknownSpecRef,
  unknownDeltaTarget,
  deltaTargetExists,
  droppedScenarios,
  conflictingChanges,
  patternMatchesNothing,
  templatePlaceholder,
];
