// @spec specthread-core#21.4
import { STATEMENT_RULES } from '../checks/statementPrecheck';
import { usePrecheck } from '../checks/statementResults';
import { plainStatementsOfFile } from '../requirements/statement';
import { Workspace } from '../workspace';
import { ConfigState } from './configState';
import { SpecFileStore } from './fileStore';
import { StatementPrecheck } from './options';

/**
 * Opens a precheck run for a full index over the tracked spec files `tracked` (see
 * EngineOptions.statementPrecheck), and gives back what hands it each parsed file's statements;
 * undefined when there is no precheck, no statement rule may report, or the precheck declines
 * this many requirements files.
 */
export function beginPrecheck(
  port: StatementPrecheck | undefined,
  config: ConfigState,
  workspace: Workspace,
  files: SpecFileStore,
  tracked: readonly string[],
): ((paths: readonly string[]) => void) | undefined {
  if (!port) return undefined;
  let count = 0;
  for (const path of tracked) {
    const location = config.locate(path);
    if (location?.format === 'kiro' && !location.archived && (location.kind === 'requirements' || location.kind === 'bugfix')) count++;
  }
  const policy = config.policy();
  const rules = STATEMENT_RULES.filter((r) => (!r.formats || r.formats.includes('kiro')) && policy.mayReport(r.meta));
  const codes = rules.map((r) => r.meta.code);
  if (codes.length === 0 || !port.begin({ settings: config.effectiveSettings(), roots: workspace.roots, codes }, count)) return undefined;
  usePrecheck(policy.context, port, rules);
  return (paths) => {
    for (const path of paths) {
      const entry = files.get(path);
      // Archived specs are never checked (checks/runChecks.ts), and other formats have no statements.
      if (!entry || entry.location.format !== 'kiro' || entry.location.archived) continue;
      const plain = plainStatementsOfFile(entry.facts);
      if (plain && plain.statements.length) port.submit(plain.glossary, plain.statements);
    }
  };
}
