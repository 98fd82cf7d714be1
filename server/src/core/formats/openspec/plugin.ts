// @spec specthread-core#15.1
import { changeWithoutDeltas } from '../../checks/rules/openspec/changeWithoutDeltas';
import { deltaConflict } from '../../checks/rules/openspec/deltaConflict';
import { deltaShape } from '../../checks/rules/openspec/deltaShape';
import { foreignSections } from '../../checks/rules/openspec/foreignSections';
import { ignoredContent } from '../../checks/rules/openspec/ignoredContent';
import { missingPurpose } from '../../checks/rules/openspec/missingPurpose';
import { missingSection } from '../../checks/rules/openspec/missingSection';
import { requirementTooLong, requirementWithoutScenario, requirementWithoutShall, specWithoutScenarios } from '../../checks/rules/openspec/requirementRules';
import { sectionLength } from '../../checks/rules/openspec/sectionLength';
import { taskGroup } from '../../checks/rules/openspec/taskGroup';
import { completeDeltaTargets } from '../../queries/deltaTargets';
import { SpecFormatPlugin } from '../specFormatPlugin';
import { OPENSPEC_CHANGE_FILES, locateOpenSpec, locateOpenSpecBelow } from './layout';
import { parseOpenSpecFile } from './parseFile';

/** OpenSpec: capability specs under `openspec/specs/` and changes (with delta specs) under `openspec/changes/`. */
export const OPENSPEC_FORMAT: SpecFormatPlugin = {
  id: 'openspec',
  locate: locateOpenSpec,
  locateBelow: locateOpenSpecBelow,
  // Markdown and each change's `.openspec.yaml` (see layout.ts).
  nameSuffixes: ['.md', '.openspec.yaml'],
  siblingFiles: () => [...OPENSPEC_CHANGE_FILES, 'spec.md'],
  parse: parseOpenSpecFile,
  // A delta's `### Requirement:` header names a requirement of the base spec.
  complete: (context, token) => completeDeltaTargets(context.allSpecs, context.path, context.lineText, context.pos, token),
  rules: [
    missingSection,
    missingPurpose,
    foreignSections,
    sectionLength,
    requirementWithoutShall,
    requirementWithoutScenario,
    specWithoutScenarios,
    requirementTooLong,
    ignoredContent,
    deltaShape,
    changeWithoutDeltas,
    deltaConflict,
    taskGroup,
  ],
};
