// @spec specthread-core#7.3, specthread-core#15.4
import type { AnalysisCache } from '../analysisCache';
import type { Vocabulary } from '../requirements/vocabulary';

/**
 * What a rule may read while it checks: its term list and EARS options from the settings, and
 * the engine's memo tables, which it passes to `earsOf`, `findTerms` and `statementsOf` so that
 * work shared by many rules is done once per engine (never shared with another engine).
 */
export interface RuleContext {
  /** The rule's term list: the defaults with the user's additions and removals applied. */
  terms(code: string): readonly string[];
  readonly clauseOrder: readonly string[];
  readonly cache: AnalysisCache;
  /** Words the settings add to the keyword tables (EARS keywords among them); pass it to `earsOf`. */
  readonly vocabulary?: Vocabulary;
}
