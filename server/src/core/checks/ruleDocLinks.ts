// @spec specthread-core#20.4
import { renderRulesReference, ruleAnchor } from './ruleDocs';

/**
 * Where a rule is documented, for the link on each diagnostic and the "Show rule documentation"
 * action. A team that publishes the reference sets `ruleDocsUrl` (docs/rules.md on its forge) and
 * links go to the rule's heading anchor. Otherwise links go to the reference shipped with the
 * extension, at the line of the rule's heading (`#L<line>`, which editors open as a selection),
 * because the repository URL in package.json is a placeholder and would lead nowhere.
 */
export interface RuleDocLinks {
  /** The link for a rule code; undefined for a code no rule documents. */
  href(code: string): string | undefined;
}

/** The one-based line of each rule's heading in docs/rules.md, which is generated from the same registry. */
export function ruleHeadingLines(): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  renderRulesReference()
    .split('\n')
    .forEach((line, i) => {
      if (line.startsWith('### ')) lines.set(line.slice(4).trim(), i + 1);
    });
  return lines;
}

/**
 * Links from the configured base URL (`https://…/docs/rules.md`) or, without one, from the URI of
 * the shipped reference; no link when neither is known.
 */
export function ruleDocLinks(headings: ReadonlyMap<string, number>, baseUrl: string | undefined, shippedReference: string | undefined): RuleDocLinks {
  return {
    href(code) {
      const line = headings.get(code);
      if (line === undefined) return undefined;
      if (baseUrl) return `${baseUrl.replace(/#.*$/, '')}#${ruleAnchor(code)}`;
      return shippedReference ? `${shippedReference}#L${line}` : undefined;
    },
  };
}
