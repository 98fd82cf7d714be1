// @spec specthread-core#7.3
/** What a rule may read from the settings while it checks: its term list and EARS options. */
export interface RuleContext {
  /** The rule's term list: the defaults with the user's additions and removals applied. */
  terms(code: string): readonly string[];
  readonly clauseOrder: readonly string[];
}
