// @spec specthread-core#10.3, specthread-core#19.4
import { requiredStates } from '../../coverage/requirement';
import { CriterionNode } from '../../model';
import { TraceRule } from './traceRule';
import { TraceContext } from './traceRule';
import { ReportedProblem } from '../../checks/rule';

type Need = 'implemented' | 'verified';

/**
 * Criteria the project requires to be implemented (a tag in source) or verified (a tag or title
 * in a test) that are not. Only specs that some code or test points into are checked: a team
 * that does not tag is not told that everything is missing.
 */
function checkCoverage(need: Need, ctx: TraceContext, report: (p: ReportedProblem) => void): void {
  const required = requiredStates(ctx.settings);
  for (const spec of ctx.specs.specs) {
    if (!ctx.index.isTraced(spec)) continue;
    for (const r of spec.requirementList) {
      if (spec.requirements.get(r.node.id) !== r) continue; // duplicates are reported elsewhere
      const units: { id: string; node?: CriterionNode }[] = r.node.criteria.length ? r.node.criteria.map((c) => ({ id: c.id, node: c })) : [{ id: r.node.id }];
      for (const u of units) {
        if (!required[need](spec.id, r.node.id, u.id)) continue;
        const links = u.node ? ctx.index.linksForCriterion(spec, u.id) : ctx.index.linksForRequirement(spec, u.id);
        const role = need === 'implemented' ? 'source' : 'test';
        // A skipped or todo test names the criterion without verifying it.
        if (links.some((l) => l.role === role && !l.tag.pending)) continue;
        const pending = need === 'verified' && links.some((l) => l.role === 'test');
        const where = pending ? 'Only a pending (skipped or todo) test carries' : need === 'implemented' ? 'No source file carries' : 'No test carries';
        const what = u.node ? 'Criterion' : 'Requirement';
        report({
          path: r.path,
          range: u.node ? u.node.range : r.node.range,
          message: `${what} ${spec.id}#${u.id} is not ${need}: ${where} \`@spec ${spec.id}#${u.id}\`${need === 'verified' ? ' or names it in a test title' : ''}.`,
        });
      }
    }
  }
}

export const criterionNotImplemented: TraceRule = {
  meta: {
    code: 'coverage.criterion-not-implemented',
    defaultSeverity: 'warning',
    summary: 'A criterion that must be implemented has no `@spec` tag in source code.',
    description:
      'Once any code or test of a project points into a spec, every criterion that `specthread.codeTrace.requireImplemented` ' +
      'covers (all by default) should be named by a tag in a source file, or its requirement should be. Test files ' +
      '(by `specthread.codeTrace.testFiles`) do not count as implementation.',
    bad: '2. WHEN a token expires THEN THE Auth_Service SHALL reject it\n(no `@spec user-auth#1.2` in any source file)',
    good: '// src/auth/tokens.ts\n// @spec user-auth#1.2\nexport function checkExpiry(token: Token) { … }',
  },
  check: (ctx, report) => checkCoverage('implemented', ctx, report),
};

export const criterionNotVerified: TraceRule = {
  meta: {
    code: 'coverage.criterion-not-verified',
    defaultSeverity: 'info',
    summary: 'A criterion that must be verified has no test that names it.',
    description:
      'A test verifies a criterion when a test file carries `@spec <ref>` or a test title contains the ref ' +
      "(`it('user-auth#1.2 rejects expired tokens')`, a `def test_…` docstring, the comment above a Go test). Which " +
      'criteria need a test is set by `specthread.codeTrace.requireVerified` (all by default, in specs that are traced).',
    bad: '2. WHEN a token expires THEN THE Auth_Service SHALL reject it\n(no test names user-auth#1.2)',
    good: "it('user-auth#1.2 rejects expired tokens', () => { … })",
  },
  check: (ctx, report) => checkCoverage('verified', ctx, report),
};
