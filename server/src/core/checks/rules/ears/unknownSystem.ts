import { AnalysisCache, cacheKey } from '../../../analysisCache';
import { earsOf } from '../../../requirements/ears';
import type { Vocabulary } from '../../../requirements/vocabulary';
import { normalizeName } from '../../../requirements/rewrite';
import { Statement, statementsOf } from '../../../requirements/statement';
import { StatementRule, statementRule } from '../../statementRule';
import { checkStatementsCached } from '../../statementResults';

/** Kiro v2: the system before SHALL should be a term the spec's glossary defines. */
export const unknownSystem: StatementRule = statementRule(
  {
    code: 'ears.unknown-system',
    defaultSeverity: 'off',
    summary: "The system named before SHALL is not defined in the spec's Glossary.",
    description:
      "Kiro's second requirements dialect defines every actor and component under `## Glossary` and names them " +
      'exactly in the criteria, so that each SHALL has one owner. A system name that the glossary does not define ' +
      'is a typo, a synonym, or a component nobody described. Checked only in specs whose glossary names the ' +
      'system of at least one criterion (many glossaries list only domain terms); case, spacing, underscores, a ' +
      'leading "the" and a trailing "component" are ignored.',
    bad: '## Glossary\n- **Auth_Service**: verifies credentials\n…\n1. WHEN a user signs in, THE Auth_Service SHALL check the password\n2. WHEN the password matches, THE Login_Service SHALL create a session',
    good: '1. WHEN a user signs in, THE Auth_Service SHALL create a session',
  },
  (statement, report, context) => {
    const unknown = unknownSystemOf(statement, context.cache, context.vocabulary);
    if (!unknown) return;
    report({
      path: statement.path,
      range: statement.locate(unknown.from, unknown.to),
      message: `'${unknown.name}' is not defined in the Glossary (${statement.glossary.slice(0, 4).join(', ')}${statement.glossary.length > 4 ? ', …' : ''}).`,
    });
  },
);

/** Names compared without case, spacing, underscores and a trailing "component" (`ScoreGauge component` = `Score Gauge`). */
function key(name: string): string {
  return normalizeName(name)
    .replace(/(?<!\s)\s+(component|module)$/, '')
    .replace(/\s+/g, '');
}

function systemOf(statement: Statement, cache: AnalysisCache, vocabulary: Vocabulary | undefined): { name: string; from: number; to: number } | undefined {
  const system = earsOf(statement, cache, vocabulary).system;
  if (!system || system.to <= system.from) return undefined;
  const name = statement.text.slice(system.from, system.to);
  // Long phrases are a condition the parser could not separate from the system, not a name.
  return name.split(/\s+/).length > 6 ? undefined : { name, ...system };
}

/** Each glossary's name keys, made once per glossary array (a spec's statements share one) instead of once per statement. */
const GLOSSARY_KEYS = cacheKey('unknownSystem.glossaryKeys', () => new WeakMap<readonly string[], ReadonlySet<string>>());

function glossaryKeys(glossary: readonly string[], cache: AnalysisCache): ReadonlySet<string> {
  const table = cache.table(GLOSSARY_KEYS);
  let keys = table.get(glossary);
  if (!keys) {
    keys = new Set(glossary.map(key));
    table.set(glossary, keys);
  }
  return keys;
}

function unknownSystemOf(
  statement: Statement,
  cache: AnalysisCache,
  vocabulary: Vocabulary | undefined,
): { name: string; from: number; to: number } | undefined {
  if (statement.glossary.length === 0) return undefined;
  const system = systemOf(statement, cache, vocabulary);
  if (!system) return undefined;
  return glossaryKeys(statement.glossary, cache).has(key(system.name)) ? undefined : system;
}

/**
 * Many glossaries define only domain terms (Warband, Toast Notification) and never the
 * components that act; for those, every criterion would be flagged. The rule therefore runs on
 * a spec only when its glossary names the system of at least one criterion: then the glossary
 * is meant to list the actors, and a name missing from it is worth a look.
 */
unknownSystem.check = (spec, report, token, context) => {
  const statements = statementsOf(spec, context.cache);
  const names = statements.some(
    (s) => s.glossary.length > 0 && systemOf(s, context.cache, context.vocabulary) && !unknownSystemOf(s, context.cache, context.vocabulary),
  );
  if (!names) return;
  checkStatementsCached(unknownSystem, statements, report, context, token, (s, r) => unknownSystem.checkStatement(s, r, context));
};
