// @spec specthread-core#16.1 @spec specthread-core#16.4
import { SpecModel } from '../../index/specModel';
import { ReportedProblem } from '../rule';
import { WorkspaceRule } from '../workspaceRule';

/**
 * `[PROJECT_NAME]`-style placeholders left in `.specify/memory/constitution.md`. A workspace rule
 * because it matters only where spec-kit is used: a repository that installed spec-kit once and
 * writes its specs in another format (an OpenSpec project with a leftover `.specify/`) has no plan
 * that reads the constitution, so the template there is harmless.
 */
export const templatePlaceholder: WorkspaceRule = {
  meta: {
    code: 'structure.template-placeholder',
    defaultSeverity: 'warning',
    summary: 'The spec-kit constitution still holds an unfilled `[ALL_CAPS]` template placeholder.',
    description:
      'The constitution is the rule set every plan is checked against. A placeholder such as `[PRINCIPLE_1_NAME]` ' +
      'means `/speckit.constitution` was not run or not finished, and agents will read the template text as a rule. ' +
      'Reported once per file, on the first placeholder, with the others as related locations, and only when the ' +
      'workspace has a spec-kit feature (a `spec.md` or `tasks.md` under `specs/`) that the constitution governs.',
    bad: '### [PRINCIPLE_1_NAME]\n[PRINCIPLE_1_DESCRIPTION]',
    good: '### I. Library-First\nEvery feature starts as a standalone library.',
  },
  // Reads spec-kit features and constitutions only.
  concerns: (spec) => spec.format === 'speckit',
  check(workspace, report) {
    const usesSpeckit = workspace.specs.some((s) => s.format === 'speckit' && (s.files.spec !== undefined || s.files.tasks !== undefined));
    if (!usesSpeckit) return;
    for (const spec of workspace.specs) {
      if (spec.format === 'speckit') reportPlaceholders(spec, report);
    }
  },
};

function reportPlaceholders(spec: SpecModel, report: (problem: ReportedProblem) => void): void {
  const file = spec.files.constitution;
  if (file?.extras?.type !== 'speckit') return;
  // One finding per file: a constitution left as the template holds some twenty placeholders,
  // and twenty findings would say one thing twenty times. The others are related locations.
  const [first, ...rest] = file.extras.placeholders;
  if (!first) return;
  // A constitution whose title is still `[PROJECT_NAME]` was never filled in at all.
  const title = file.headings[0];
  const untouched = rest.length > 0 && title !== undefined && first.range.start.line === title.range.start.line;
  report({
    path: file.path,
    range: first.range,
    message: untouched
      ? `The constitution is still the unfilled spec-kit template (${rest.length + 1} placeholders, [${first.text}] first); run /speckit.constitution to write the project's principles.`
      : rest.length
        ? `Unfilled template placeholder [${first.text}] in the constitution, and ${rest.length} more: run or finish /speckit.constitution.`
        : `Unfilled template placeholder [${first.text}] in the constitution.`,
    related: rest.map((m) => ({ path: file.path, range: m.range, message: `Unfilled placeholder [${m.text}]` })),
  });
}
