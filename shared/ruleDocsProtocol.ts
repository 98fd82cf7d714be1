// @spec specthread-core#20.4
/**
 * The client command behind the "Show rule documentation" quick fix. Arguments: the rule code and
 * the link the server computed (`codeDescription.href` of the same diagnostic); the client opens
 * it, so the server never needs to know how an editor shows a document.
 */
export const RuleDocsCommands = {
  show: 'specthread.showRuleDocumentation',
} as const;
