// @spec specthread-core#13.5, specthread-core#15.2
import { CancellationToken } from '../cancellation';
import type { RuleSettings } from '../config/ruleSettings';
import { Finding } from '../findings';
import { Range } from '../text/range';
import { RuleMeta } from './rule';
import { runRules } from './runRules';

/** Reported by the engine for a `specthread.json` that does not match its schema. */
export const CONFIG_INVALID: RuleMeta = {
  code: 'config.invalid',
  defaultSeverity: 'error',
  summary: 'The repository config file (`specthread.json`) is not valid JSON or does not match its schema.',
  description:
    'The config file decides which folders are read as specs. An entry that cannot be read is ignored (the rest of the ' +
    'file still applies), so a typo silently drops a spec root. VS Code validates the file as you type through ' +
    'schemas/specthread.schema.json; the CLI reports this finding.',
  bad: '{ "roots": [{ "path": "docs/specs", "format": "kiro-spec" }] }',
  good: '{ "roots": [{ "path": "docs/specs", "format": "kiro" }] }',
};

/** A problem the config reader found in one config file. */
export interface ConfigProblem {
  readonly path: string;
  readonly range: Range;
  readonly text: string;
}

/** The config.invalid findings of the config files' problems, through the one runner and its policy. */
export function configFindings(problems: readonly ConfigProblem[], policy: RuleSettings, token: CancellationToken): Finding[] {
  if (problems.length === 0) return [];
  const anchor = problems[0]!.path;
  return runRules(
    {
      step: 'config rule',
      rules: [{ meta: CONFIG_INVALID }],
      anchor: () => anchor,
      check: (_rule, report) => problems.forEach((p) => report({ path: p.path, range: p.range, message: p.text })),
    },
    policy,
    token,
  );
}
