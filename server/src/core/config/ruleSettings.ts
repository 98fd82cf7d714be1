// @spec specthread-core#7.3, specthread-core#15.4
import { AnalysisCache, cacheKey } from '../analysisCache';
import { compileGlobs } from '../glob/glob';
import type { SeveritySetting, SpecThreadSettings } from '../../../../shared/settings';
import { RuleMeta } from '../checks/rule';
import type { RuleContext } from '../checks/ruleContext';
import { DEFAULT_CLAUSE_ORDER } from '../requirements/ears';
import { DEFAULT_TERMS, resolveTerms } from '../requirements/terms';

export type { RuleContext } from '../checks/ruleContext';

/**
 * Settings compiled once per settings object: severities by rule code or family, per-path
 * overrides (globs relative to the workspace root the file is in), and the rule context.
 * Pure data in, decisions out, so the CLI, the server and tests agree.
 */
export interface RuleSettings {
  /** The severity of a rule for one file, overrides included. */
  severity(meta: RuleMeta, path: string): SeveritySetting;
  /** False only when the rule is off everywhere, so it need not run at all. */
  mayReport(meta: RuleMeta): boolean;
  readonly context: RuleContext;
}

function lookup(rules: Readonly<Record<string, SeveritySetting>>, code: string): SeveritySetting | undefined {
  return rules[code] ?? rules[code.slice(0, code.indexOf('.'))];
}

/** `cache` is the engine's memo tables, handed to rules through the context; a fresh one by default. */
export function compileRuleSettings(settings: SpecThreadSettings, roots: readonly string[], cache: AnalysisCache = new AnalysisCache()): RuleSettings {
  const overrides = (settings.overrides ?? []).map((o) => ({ matches: compileGlobs(o.files).match, rules: o.rules }));
  const relative = (path: string): string => {
    const root = roots.filter((r) => path.startsWith(r.endsWith('/') ? r : r + '/')).sort((a, b) => b.length - a.length)[0];
    return root ? path.slice(root.length).replace(/^\//, '') : path.replace(/^\//, '');
  };
  const termCache = new Map<string, readonly string[]>();
  return {
    severity(meta, path) {
      let severity = lookup(settings.rules, meta.code) ?? meta.defaultSeverity;
      if (overrides.length) {
        const rel = relative(path);
        for (const o of overrides) if (o.matches(rel)) severity = lookup(o.rules, meta.code) ?? severity;
      }
      return severity;
    },
    mayReport(meta) {
      if ((lookup(settings.rules, meta.code) ?? meta.defaultSeverity) !== 'off') return true;
      return overrides.some((o) => { const s = lookup(o.rules, meta.code); return s !== undefined && s !== 'off'; });
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
    },
  };
}

/** Compiled settings by settings object, with the roots they were compiled for. */
const COMPILED = cacheKey('rule-settings', () => new WeakMap<SpecThreadSettings, { key: string; compiled: RuleSettings }>());

/** Compiles once per settings object and set of roots, in the engine's cache. */
export function ruleSettingsFor(settings: SpecThreadSettings, roots: readonly string[], cache: AnalysisCache): RuleSettings {
  const table = cache.table(COMPILED);
  const key = roots.join('\u0000');
  const hit = table.get(settings);
  if (hit && hit.key === key) return hit.compiled;
  const compiled = compileRuleSettings(settings, roots, cache);
  table.set(settings, { key, compiled });
  return compiled;
}
