// @spec specthread-core#10.3, specthread-core#19.4, specthread-core#20.4, specthread-core#21.1
import { reportsPerCriterion, requiredStates } from '../../coverage/requirement';
import { SpecModel } from '../../index/specModel';
import { CriterionNode } from '../../model';
import { TraceRule } from './traceRule';
import { TraceContext } from './traceRule';
import { ReportedProblem } from '../../checks/rule';

type Need = 'implemented' | 'verified';

/**
 * Criteria the project requires to be implemented (a tag in source) or verified (a tag or title
 * in a test) that are not. Only specs that some code or test points into are checked: a team
 * that does not tag is not told that everything is missing. A requirement that has not opted in
 * (`codeTrace.perCriterion`) gets one finding on its heading's id listing its gaps, with each
 * criterion as related information: a spec's first tag then adds a handful of findings, not one
 * per criterion across every line.
 */
function checkCoverage(need: Need, ctx: TraceContext, spec: SpecModel, report: (p: ReportedProblem) => void): void {
  const required = requiredStates(ctx.settings);
  const perCriterion = reportsPerCriterion(ctx.settings);
  const role = need === 'implemented' ? 'source' : 'test';
  const orTitle = need === 'verified' ? ' or names it in a test title' : '';
  // An archived spec is history, and a bugfix spec's defect section is the behaviour to remove: neither is built.
  if (spec.archived || !ctx.index.isTraced(spec)) return;
  for (const r of spec.requirementList) {
    if (r.node.kind === 'defect') continue;
    if (spec.requirements.get(r.node.id) !== r) continue; // duplicates are reported elsewhere
    const units: { id: string; node?: CriterionNode }[] = r.node.criteria.length ? r.node.criteria.map((c) => ({ id: c.id, node: c })) : [{ id: r.node.id }];
    const gaps = units.filter((u) => {
      if (!required[need](spec.id, r.node.id, u.id)) return false;
      const links = u.node ? ctx.index.linksForCriterion(spec, u.id) : ctx.index.linksForRequirement(spec, u.id);
      // A skipped or todo test names the criterion without verifying it.
      return !links.some((l) => l.role === role && !l.tag.pending);
    });
    if (!gaps.length) continue;
    if (!allCriteria(gaps) || perCriterion(spec.id, r.node.id)) {
      for (const u of gaps) {
        const links = u.node ? ctx.index.linksForCriterion(spec, u.id) : ctx.index.linksForRequirement(spec, u.id);
        const pending = need === 'verified' && links.some((l) => l.role === 'test');
        const where = pending ? 'Only a pending (skipped or todo) test carries' : need === 'implemented' ? 'No source file carries' : 'No test carries';
        const what = u.node ? 'Criterion' : 'Requirement';
        report({
          path: r.path,
          range: u.node ? u.node.range : r.node.range,
          message: `${what} ${spec.id}#${u.id} is not ${need}: ${where} \`@spec ${spec.id}#${u.id}\`${orTitle}.`,
        });
      }
      continue;
    }
    const ids = gaps.map((u) => u.id);
    // Criteria that only a skipped or todo test names are named, so the summary says why they count as gaps.
    const pendingIds =
      need === 'verified'
        ? gaps
            .filter((u) => (u.node ? ctx.index.linksForCriterion(spec, u.id) : ctx.index.linksForRequirement(spec, u.id)).some((l) => l.role === 'test'))
            .map((u) => u.id)
        : [];
    const pendingNote = pendingIds.length ? `; only a pending (skipped or todo) test names ${pendingIds.join(', ')}` : '';
    const tags = need === 'implemented' ? 'no source file carries their tags' : `no test carries their tags or names them in a test title${pendingNote}`;
    report({
      path: r.path,
      range: r.node.idRange,
      message: `Requirement ${spec.id}#${r.node.id}: ${gaps.length} of ${units.length} criteria are not ${need} (${ids.join(', ')}): ${tags}.`,
      related: gaps.flatMap((u) => (u.node ? [{ path: r.path, range: u.node.range, message: `${spec.id}#${u.id} is not ${need}` }] : [])),
    });
  }
}

/** Whether the gaps are criteria (a requirement without criteria is its own single unit). */
function allCriteria(gaps: readonly { node?: CriterionNode }[]): boolean {
  return gaps.every((u) => u.node !== undefined);
}

export const criterionNotImplemented: TraceRule = {
  meta: {
    code: 'coverage.criterion-not-implemented',
    defaultSeverity: 'warning',
    summary: 'A criterion that must be implemented has no `@spec` tag in source code.',
    description:
      'Once any code or test of a project points into a spec, every criterion that `specthread.codeTrace.requireImplemented` ' +
      'covers (all by default) should be named by a tag in a source file, or its requirement should be. Test files ' +
      '(by `specthread.codeTrace.testFiles`) do not count as implementation. Until a spec opts in through ' +
      '`specthread.codeTrace.perCriterion`, the gaps of one requirement are one finding on its heading, each criterion a related location.',
    bad: '2. WHEN a token expires THEN THE Auth_Service SHALL reject it\n(no `@spec user-auth#1.2` in any source file)',
    good: '// src/auth/tokens.ts\n// @spec user-auth#1.2\nexport function checkExpiry(token: Token) { … }',
  },
  check: (ctx, report) => ctx.specs.specs.forEach((spec) => checkCoverage('implemented', ctx, spec, report)),
  checkSpec: (ctx, spec, report) => checkCoverage('implemented', ctx, spec, report),
};

export const criterionNotVerified: TraceRule = {
  meta: {
    code: 'coverage.criterion-not-verified',
    defaultSeverity: 'info',
    summary: 'A criterion that must be verified has no test that names it.',
    description:
      'A test verifies a criterion when a test file carries `@spec <ref>` or a test title contains the ref ' +
      "(`it('user-auth#1.2 rejects expired tokens')`, a `def test_…` docstring, the comment above a Go test). Which " +
      'criteria need a test is set by `specthread.codeTrace.requireVerified` (all by default, in specs that are traced). Like ' +
      '`coverage.criterion-not-implemented`, one finding per requirement until the spec is listed in `codeTrace.perCriterion`.',
    bad: '2. WHEN a token expires THEN THE Auth_Service SHALL reject it\n(no test names user-auth#1.2)',
    good: "it('user-auth#1.2 rejects expired tokens', () => { … })",
  },
  check: (ctx, report) => ctx.specs.specs.forEach((spec) => checkCoverage('verified', ctx, spec, report)),
  checkSpec: (ctx, spec, report) => checkCoverage('verified', ctx, spec, report),
};
