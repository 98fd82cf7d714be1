// @spec specthread-core#7.4, specthread-core#20.4
import { INTERNAL_ERROR } from '../checks/internalError';
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { Finding, Fix } from '../findings';
import { SpecModel } from '../index/specModel';
import { statementOfCriterion } from '../requirements/statement';
import { canonicalEarsEdit } from '../requirements/rewrite';
import { Range, comparePositions } from '../text/range';
import { renumberFix } from './renumber';
import { suppressionFixes } from './suppress';
import { taskStubFix } from './taskStub';

export type ActionKind = 'quickfix' | 'refactor.rewrite';

export interface CodeActionResult extends Fix {
  readonly kind: ActionKind;
  /** The finding the action fixes, when it fixes one. */
  readonly finding?: Finding;
}

export interface CodeActionRequest {
  /** The spec of `path`; absent for code and test files, which get only their findings' fixes. */
  readonly spec?: SpecModel;
  readonly path: string;
  readonly range: Range;
  /** The findings of `path` (the engine's, after suppressions and baseline). */
  readonly findings: readonly Finding[];
  textOf(path: string): string | undefined;
}

const overlaps = (a: Range, b: Range) => comparePositions(a.end, b.start) >= 0 && comparePositions(b.end, a.start) >= 0;

/**
 * Every action for a range of a spec file: the fixes rules attached to their findings, the
 * fixes computed on demand here because they need file text (renumbering, task stubs), a
 * "show documentation" action per rule (in code files too), a "disable" action per finding, and the canonical-EARS rewrite of a Kiro v1 criterion even when
 * `ears.then-after-when` is off (accepted by default, offered as a refactoring).
 */
export function codeActionsFor(request: CodeActionRequest, token: CancellationToken): CodeActionResult[] {
  throwIfCancelled(token);
  const { spec, path, range } = request;
  const text = request.textOf(path);
  const actions: CodeActionResult[] = [];
  const here = request.findings.filter((f) => f.path === path && overlaps(f.range, range));
  let renumber: Fix | undefined | null = null;
  for (const finding of here) {
    for (const fix of finding.fixes ?? []) actions.push({ ...fix, kind: 'quickfix', finding });
    if (!spec) continue;
    if (finding.code === 'structure.numbering-gap' || finding.code === 'structure.duplicate-id') {
      if (renumber === null) renumber = renumberFix(spec, (p) => request.textOf(p));
      if (renumber) actions.push({ ...renumber, kind: 'quickfix', finding });
    }
    if (finding.code === 'coverage.requirement-without-task') {
      const requirement = spec.requirementList.find((r) => r.path === path && comparePositions(r.node.range.start, finding.range.start) === 0);
      const stub = requirement && taskStubFix(spec, requirement.node, (p) => request.textOf(p));
      if (stub) actions.push({ ...stub, kind: 'quickfix', preferred: true, finding });
    }
  }
  // Each rule once, whatever the number of its findings here: the documentation is the same.
  for (const code of new Set(here.map((f) => f.code))) {
    const finding = here.find((f) => f.code === code);
    actions.push({ title: `Show documentation for ${code}`, kind: 'quickfix', edits: [], action: { kind: 'show-rule-docs', code }, finding });
  }
  // Suppression comments and EARS rewrites are Markdown edits: spec files only.
  if (!spec) return actions;
  if (text !== undefined) {
    for (const finding of here) {
      // An internal error cannot be suppressed (see checks/internalError.ts).
      if (finding.code === INTERNAL_ERROR.code) continue;
      for (const fix of suppressionFixes(finding, text)) actions.push({ ...fix, kind: 'quickfix', finding });
    }
  }
  if (!here.some((f) => f.code === 'ears.then-after-when')) {
    const glossary = spec.files.requirements?.glossary ?? [];
    for (const c of spec.criterionList) {
      if (c.path !== path || c.path === spec.files.bugfix?.path || !overlaps(c.node.range, range)) continue;
      const edit = canonicalEarsEdit(statementOfCriterion(c.path, c.node, glossary));
      if (edit) actions.push({ title: `Rewrite criterion ${c.node.id} as canonical EARS`, kind: 'refactor.rewrite', edits: [edit] });
    }
  }
  return actions;
}
