import { SpecRule } from './rule';
import { duplicateId } from './rules/duplicateId';
import { numberingGap } from './rules/numberingGap';
import { parentDoneOpenSubtask } from './rules/parentDoneOpenSubtask';
import { requirementWithoutCriteria } from './rules/requirementWithoutCriteria';
import { requirementWithoutTask } from './rules/requirementWithoutTask';
import { unknownRef } from './rules/unknownRef';
import { EARS_RULES } from './rules/ears';
import { QUALITY_RULES } from './rules/quality';
import { FORMAT_RULES } from './formatRegistry';

/**
 * Every rule the engine runs. A new rule is one file in `rules/` plus one line here; the rule
 * reference (docs/rules.md) is generated from this list and a test fails if they disagree.
 */
export const SPEC_RULES: readonly SpecRule[] = [
  unknownRef,
  duplicateId,
  numberingGap,
  requirementWithoutCriteria,
  requirementWithoutTask,
  parentDoneOpenSubtask,
  ...EARS_RULES,
  ...QUALITY_RULES,
  ...FORMAT_RULES,
];
