import { SpecRule } from './rule';
import { kiroFileShape } from './rules/kiro/kiroFileShape';
import { patternTooComplex } from './rules/kiro/patternTooComplex';
import { steeringFrontMatter } from './rules/kiro/steeringFrontMatter';
import { deltaConflict } from './rules/openspec/deltaConflict';
import { deltaShape } from './rules/openspec/deltaShape';
import { ignoredContent } from './rules/openspec/ignoredContent';
import { missingSection } from './rules/openspec/missingSection';
import { requirementTooLong, requirementWithoutScenario, requirementWithoutShall } from './rules/openspec/requirementRules';
import { sectionLength } from './rules/openspec/sectionLength';
import { taskGroup } from './rules/openspec/taskGroup';
import { storyWithoutScenarios } from './rules/speckit/storyWithoutScenarios';
import { templatePlaceholder } from './rules/speckit/templatePlaceholder';
import { tooManyClarifications } from './rules/speckit/tooManyClarifications';
import { unknownStory } from './rules/speckit/unknownStory';

/**
 * Per-spec rules of the formats beyond Kiro's spec folders (spec-kit, OpenSpec, Kiro steering
 * and hooks). Kept in their own list so registry.ts changes by one line when a format grows.
 */
export const FORMAT_RULES: readonly SpecRule[] = [
  unknownStory,
  storyWithoutScenarios,
  tooManyClarifications,
  templatePlaceholder,
  missingSection,
  sectionLength,
  requirementWithoutShall,
  requirementWithoutScenario,
  requirementTooLong,
  ignoredContent,
  deltaShape,
  deltaConflict,
  taskGroup,
  steeringFrontMatter,
  kiroFileShape,
  patternTooComplex,
];
