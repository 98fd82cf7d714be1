// @spec specthread-core#6.2, specthread-core#15.2
import { RuleMeta, SpecRule, ruleFamily } from './rule';
import { duplicateId } from './rules/duplicateId';
import { numberingGap } from './rules/numberingGap';
import { parentDoneOpenSubtask } from './rules/parentDoneOpenSubtask';
import { requirementWithoutCriteria } from './rules/requirementWithoutCriteria';
import { requirementWithoutTask } from './rules/requirementWithoutTask';
import { unknownRef } from './rules/unknownRef';
import { formatUnrecognized } from './rules/formatUnrecognized';
import { EARS_RULES } from './rules/ears';
import { QUALITY_RULES } from './rules/quality';
import { FORMAT_RULES } from './formatRegistry';
import { WORKSPACE_RULES } from './workspaceRegistry';
import { TRACE_RULES } from '../trace/rules/registry';
import { INTERNAL_ERROR } from './internalError';
import { FILE_ENCODING, FILE_SKIPPED } from './fileRules';
import { CONFIG_INVALID } from './configRules';
import { TEST_FAILED } from '../testResults/testResults';

/**
 * Every per-spec rule the engine runs. A new rule is one file in `rules/` plus one line here; the
 * rule reference (docs/rules.md) is generated from the registry and a test fails if they disagree.
 */
export const SPEC_RULES: readonly SpecRule[] = [
  unknownRef,
  duplicateId,
  numberingGap,
  requirementWithoutCriteria,
  requirementWithoutTask,
  parentDoneOpenSubtask,
  formatUnrecognized,
  ...EARS_RULES,
  ...QUALITY_RULES,
  ...FORMAT_RULES,
];

/**
 * Which pass runs a rule: per spec (`SPEC_RULES`), across specs (`WORKSPACE_RULES`), over the
 * thread into code (`TRACE_RULES`, coverage included), or the engine itself (internal errors,
 * file notes, config problems). The check signatures differ by scope; the meta, the runner
 * (runRules.ts) and the severity policy (config/ruleSettings.ts) are one.
 */
export type RuleScope = 'spec' | 'workspace' | 'trace' | 'engine';

export interface RegisteredRule {
  readonly meta: RuleMeta;
  readonly family: string;
  readonly scope: RuleScope;
}

/** Findings the engine reports itself, not a rule's check: their metas are documented and configured all the same. */
const ENGINE_METAS: readonly RuleMeta[] = [INTERNAL_ERROR, FILE_SKIPPED, FILE_ENCODING, CONFIG_INVALID, TEST_FAILED];

/**
 * Every rule code of every family, in reference order, once each. Rules that share a code across
 * passes (link.unknown-ref in tasks, in code and across specs) are listed once, under their
 * first entry: one concept, one severity setting.
 */
export const RULE_REGISTRY: readonly RegisteredRule[] = Object.freeze(
  dedupe([
    ...SPEC_RULES.map((r) => entry(r.meta, 'spec')),
    ...WORKSPACE_RULES.map((r) => entry(r.meta, 'workspace')),
    ...TRACE_RULES.map((r) => entry(r.meta, 'trace')),
    ...ENGINE_METAS.map((m) => entry(m, 'engine')),
  ]),
);

/** Every rule family, in reference order: the names a setting may use for a whole family. */
export const RULE_FAMILIES: readonly string[] = Object.freeze([...new Set(RULE_REGISTRY.map((r) => r.family))]);

function entry(meta: RuleMeta, scope: RuleScope): RegisteredRule {
  return { meta, family: ruleFamily(meta.code), scope };
}

function dedupe(entries: readonly RegisteredRule[]): RegisteredRule[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.meta.code) ? false : (seen.add(e.meta.code), true)));
}
