import { earsOf } from '../../../requirements/ears';
import { canonicalEarsEdit } from '../../../requirements/rewrite';
import { statementRule } from '../../statementRule';

/** Kiro v1 `WHEN … THEN … SHALL`: accepted by default, reported only when a team opts in. */
export const thenAfterWhen = statementRule(
  {
    code: 'ears.then-after-when',
    defaultSeverity: 'off',
    fixable: true,
    summary: 'A WHEN criterion uses THEN (Kiro v1 style) instead of canonical EARS. Off by default.',
    description:
      "Kiro's first requirements dialect writes `WHEN … THEN the system SHALL …`; canonical EARS, and Kiro's " +
      'current dialect, writes `WHEN …, THE System SHALL …` (THEN belongs to IF). Both read fine, so the rule is ' +
      'off by default; turn it on to move a spec to the canonical form. Its quick fix, also offered as a rewrite ' +
      'on any such criterion while the rule is off, rewrites the words between the trigger and SHALL and uses the ' +
      "glossary's spelling of the system name.",
    bad: '1. WHEN a user signs in THEN the auth service SHALL create a session',
    good: '1. WHEN a user signs in, THE Auth_Service SHALL create a session',
  },
  (statement, report, context) => {
    const shape = earsOf(statement, context.cache, context.vocabulary);
    const when = shape.clauses.find((c) => c.keyword === 'WHEN');
    const then = shape.thens.find((t) => when && t.from > when.to);
    if (!when || !then || shape.clauses.some((c) => c.keyword === 'IF')) return;
    const edit = canonicalEarsEdit(statement, shape);
    report({
      path: statement.path,
      range: statement.locate(then.from, then.to),
      message: `Criterion ${statement.id} uses WHEN … THEN (Kiro v1); canonical EARS is 'WHEN …, THE <system> SHALL …'.`,
      fixes: edit ? [{ title: 'Rewrite as canonical EARS', preferred: true, edits: [edit] }] : undefined,
    });
  },
);
