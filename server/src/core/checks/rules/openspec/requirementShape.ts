import { RequirementBlock } from '../../../extras';
import { SpecFileFacts } from '../../../model';
import { ReportedProblem } from '../../rule';
import { MAX_REQUIREMENT_TEXT_LENGTH, hasShallOrMust, openSpecExtras } from './helpers';

/**
 * The requirement blocks OpenSpec validates: a main spec's requirements and a delta's ADDED and
 * MODIFIED blocks (REMOVED entries are names only), each with the label it is reported under.
 */
export function validatedBlocks(files: readonly SpecFileFacts[]): { file: SpecFileFacts; block: RequirementBlock; label: string; delta: boolean }[] {
  const out: { file: SpecFileFacts; block: RequirementBlock; label: string; delta: boolean }[] = [];
  for (const file of files) {
    const extras = openSpecExtras(file);
    if (!extras) continue;
    if (file.kind === 'spec') for (const block of extras.requirementBlocks) out.push({ file, block, label: `Requirement "${block.name}"`, delta: false });
    for (const e of extras.delta?.entries ?? []) if (e.op !== 'REMOVED') out.push({ file, block: e.block, label: `${e.op} "${e.block.name}"`, delta: true });
  }
  return out;
}

export function checkShall(files: readonly SpecFileFacts[], report: (p: ReportedProblem) => void): void {
  for (const { file, block, label } of validatedBlocks(files)) {
    const inHeader = hasShallOrMust(block.name) ? ' It appears only in the header: put the SHALL/MUST statement on the line after it.' : '';
    if (!block.body)
      report({ path: file.path, range: block.range, message: `${label} has no requirement text; write the SHALL/MUST statement under the header.${inHeader}` });
    else if (!hasShallOrMust(block.body))
      report({ path: file.path, range: block.range, message: `${label} should contain SHALL or MUST in its text.${inHeader}` });
  }
}

/**
 * A main spec with several requirements and no scenario in any of them: its authors write
 * requirements without scenarios on purpose, which structure.spec-without-scenarios notes once
 * instead of a warning per requirement. One requirement without a scenario among others that have
 * them is a slip (and a delta requirement without one is never a house style): those stay warnings.
 */
export function scenarioFree(file: SpecFileFacts): boolean {
  const blocks = file.kind === 'spec' ? (openSpecExtras(file)?.requirementBlocks ?? []) : [];
  return blocks.length >= 2 && !blocks.some(hasScenario);
}

function hasScenario(block: RequirementBlock): boolean {
  return block.scenarios.some((s) => s.hasBody);
}

export function checkScenarios(files: readonly SpecFileFacts[], report: (p: ReportedProblem) => void): void {
  for (const { file, block, label, delta } of validatedBlocks(files)) {
    if (hasScenario(block) || (!delta && scenarioFree(file))) continue;
    const empty = block.scenarios.length ? ' A `####` scenario header with nothing under it does not count; add its WHEN/THEN steps.' : '';
    const bullets = block.bulletScenarios ? ' Scenarios must be `#### Scenario: <name>` headings, not bullets.' : '';
    report({ path: file.path, range: block.range, message: `${label} has no scenario.${empty}${bullets}` });
  }
}

export function checkLength(files: readonly SpecFileFacts[], report: (p: ReportedProblem) => void): void {
  for (const { file, block, label, delta } of validatedBlocks(files)) {
    // openspec validate measures the requirement text of main specs only.
    if (delta || block.body.length <= MAX_REQUIREMENT_TEXT_LENGTH) continue;
    report({
      path: file.path,
      range: block.range,
      message: `${label} text is ${block.body.length} characters (over ${MAX_REQUIREMENT_TEXT_LENGTH}); consider splitting it.`,
    });
  }
}
