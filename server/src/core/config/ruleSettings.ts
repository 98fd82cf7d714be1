// @spec specthread-core#7.3, specthread-core#15.2, specthread-core#15.4, specthread-core#16.1, specthread-core#16.4
import { AnalysisCache } from '../analysisCache';
import { compileGlobs } from '../glob/glob';
import type { SeveritySetting, SpecThreadSettings } from '../../../../shared/settings';
import { RuleMeta, ruleFamily } from '../checks/rule';
import type { RuleContext } from '../checks/ruleContext';
import { DEFAULT_CLAUSE_ORDER } from '../requirements/ears';
import { DEFAULT_TERMS, resolveTerms } from '../requirements/terms';
import { presetSeverity } from './presets';
import { compileVocabulary } from '../requirements/vocabulary';

export type { RuleContext } from '../checks/ruleContext';

/**
 * The one severity policy every finding goes through, whatever rule family reported it: the
 * rule's code, then its family, then the preset's severity (presets.ts, `recommended` being the
 * rule's default); then the per-path overrides that match the
 * finding's file, later entries winning. Compiled once per settings object by its owner (the
 * engine), so the CLI, the server and tests agree, and no table of compiled settings lives at
 * module level.
 */
export interface RuleSettings {
  /** The severity of a rule for one file, overrides included. */
  severity(meta: RuleMeta, path: string): SeveritySetting;
  /** False only when the rule is off everywhere, so it need not run at all. */
  mayReport(meta: RuleMeta): boolean;
  readonly context: RuleContext;
}

/**
 * internal.error says a result is missing; a setting that hid it would make a missing result
 * look like a clean one, so no setting or override reaches it.
 */
const UNCHANGEABLE = 'internal.error';

function lookup(rules: Readonly<Record<string, SeveritySetting>>, code: string): SeveritySetting | undefined {
  return rules[code] ?? rules[ruleFamily(code)];
}

/** `cache` is the engine's memo tables, handed to rules through the context; a fresh one by default. */
export function compileRuleSettings(settings: SpecThreadSettings, roots: readonly string[], cache: AnalysisCache = new AnalysisCache()): RuleSettings {
  const overrides = (settings.overrides ?? []).map((o) => ({ matches: compileGlobs(o.files).match, rules: o.rules }));
  const relative = (path: string): string => {
    const root = roots.filter((r) => path.startsWith(r.endsWith('/') ? r : r + '/')).sort((a, b) => b.length - a.length)[0];
    return root ? path.slice(root.length).replace(/^\//, '') : path.replace(/^\//, '');
  };
  // Term lists are resolved on first use and kept with this compiled object, which dies with its settings.
  const termCache = new Map<string, readonly string[]>();
  return {
    severity(meta, path) {
      if (meta.code === UNCHANGEABLE) return meta.defaultSeverity;
      let severity = lookup(settings.rules, meta.code) ?? presetSeverity(settings.preset, meta);
      if (overrides.length) {
        const rel = relative(path);
        for (const o of overrides) if (o.matches(rel)) severity = lookup(o.rules, meta.code) ?? severity;
      }
      return severity;
    },
    mayReport(meta) {
      if (meta.code === UNCHANGEABLE || (lookup(settings.rules, meta.code) ?? presetSeverity(settings.preset, meta)) !== 'off') return true;
      return overrides.some((o) => {
        const s = lookup(o.rules, meta.code);
        return s !== undefined && s !== 'off';
      });
    },
    context: {
      terms(code) {
        let list = termCache.get(code);
        if (!list) {
          list = resolveTerms(DEFAULT_TERMS[code] ?? [], settings.terms?.[code]);
          termCache.set(code, list);
        }
        return list;
      },
      clauseOrder: settings.ears?.clauseOrder ?? DEFAULT_CLAUSE_ORDER,
      cache,
      vocabulary: compileVocabulary(settings.keywords),
    },
  };
}
