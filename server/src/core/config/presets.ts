// @spec specthread-core#16.4
import { DEFAULT_PRESET, PRESET_NAMES, PresetName, SeveritySetting } from '../../../../shared/settings';
import { RuleMeta, ruleFamily } from '../checks/rule';

/**
 * The severity presets (docs/severity-policy.md). A rule's `defaultSeverity` is its severity in
 * `recommended`; the other presets are derived from it by the rule's family, so a new rule gets
 * its place in every preset without a table to keep in step.
 */

/** The wording families the `ears` preset holds to EARS discipline. */
const WORDING_FAMILIES: ReadonlySet<string> = new Set(['ears', 'quality']);

/**
 * The engine's own notes (files not read, internal errors) say what was not analysed, not what
 * is wrong with a spec; no preset changes them.
 */
const ENGINE_FAMILIES: ReadonlySet<string> = new Set(['internal', 'file']);

const RANK: Readonly<Record<SeveritySetting, number>> = { off: 0, hint: 1, info: 2, warning: 3, error: 4 };

/** The severity a preset gives a rule before any rule, family or per-path setting. */
export function presetSeverity(preset: PresetName | undefined, meta: RuleMeta): SeveritySetting {
  const base = meta.defaultSeverity;
  const name = preset ?? DEFAULT_PRESET;
  if (name === 'recommended' || RANK[base] >= RANK.warning || ENGINE_FAMILIES.has(ruleFamily(meta.code))) return base;
  if (name === 'strict') return 'warning';
  return WORDING_FAMILIES.has(ruleFamily(meta.code)) ? 'warning' : base;
}

/** Every preset with the rule's severity in it, for the rule reference and the schema. */
export function severitiesByPreset(meta: RuleMeta): Readonly<Record<PresetName, SeveritySetting>> {
  return Object.fromEntries(PRESET_NAMES.map((p) => [p, presetSeverity(p, meta)])) as Record<PresetName, SeveritySetting>;
}
