/**
 * Settings shared by the VS Code client (which reads them from the `specthread.*` configuration)
 * and the server and CLI (which apply them). Plain data only; no imports from either side.
 */

import { DEFAULT_TRACE_SETTINGS, TraceSettings, normalizeTraceSettings } from './traceSettings';
import { SpecRootSetting, normalizeRoots } from './roots';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/**
 * Named sets of default severities, like ESLint's shareable configs: `recommended` (the default)
 * reports what is almost certainly broken, `strict` turns every rule on with style as warnings,
 * `ears` holds Kiro specs to EARS discipline. Rule and family settings, then per-path overrides,
 * apply on top of the preset (docs/severity-policy.md).
 */
export const PRESET_NAMES = ['recommended', 'strict', 'ears'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
export const DEFAULT_PRESET: PresetName = 'recommended';

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}

export interface SpecThreadSettings {
  /** The severity preset under the rule settings; `recommended` when absent. */
  readonly preset?: PresetName;
  /** Per-rule severity overrides, keyed by rule code (`link.unknown-ref`) or family (`coverage`). */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Workspace-relative globs of files that are never analysed (in addition to .gitignore). */
  readonly exclude: readonly string[];
  /** Per-path rule severities: later entries win, and any entry wins over `rules`. */
  readonly overrides?: readonly RuleOverride[];
  /** Changes to the term lists of the `quality.*` rules, keyed by rule code. */
  readonly terms?: Readonly<Record<string, TermListSetting>>;
  /** EARS options: the order preconditions must come in, e.g. `["WHERE", "WHILE", "WHEN|IF"]`. */
  readonly ears?: { readonly clauseOrder?: readonly string[] };
  /** Workspace-relative path of the baseline file; `""` turns baselines off. */
  readonly baseline?: string;
  /** Trace tags in code and tests, and coverage; defaults from traceSettings.ts when absent. */
  readonly codeTrace?: TraceSettings;
  /** Extra spec roots (`docs/specs`), added to the default locations of every format. */
  readonly roots?: readonly SpecRootSetting[];
  /** Words added to the built-in keyword tables (headings, ref labels, EARS keywords), by role. */
  readonly keywords?: KeywordSettings;
  /** Where the team publishes docs/rules.md (`https://…/docs/rules.md`); diagnostics link to its rule anchors. */
  readonly ruleDocsUrl?: string;
}

/**
 * Words a team adds to the keyword tables, per role: a language the tables lack, or a house
 * spelling. Added to the built-in words, never replacing them.
 */
export interface KeywordSettings {
  /** Words before a requirement's number in a heading: `Exigence` reads `### Exigence 1: …`. */
  readonly requirement?: readonly string[];
  /** Acceptance-criteria headings or labels: `Critères d'acceptation`. */
  readonly acceptanceCriteria?: readonly string[];
  /** Headings of a section of bare-numbered requirements: `Exigences` reads `## Exigences` + `### 1. …`. */
  readonly requirementsSection?: readonly string[];
  /** Citation labels in tasks and design: `Exigences` reads `_Exigences: 1.1_`. */
  readonly refLabel?: readonly string[];
  /** EARS words by role, written as in the specs (upper case for WHEN, THEN, SHALL …). */
  readonly ears?: { readonly [role in EarsRole]?: readonly string[] };
}

export const EARS_ROLES = ['WHERE', 'WHILE', 'WHEN', 'IF', 'THEN', 'SHALL'] as const;
export type EarsRole = (typeof EARS_ROLES)[number];

export interface RuleOverride {
  /** Workspace-relative globs, e.g. `docs/legacy/**`. */
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, SeveritySetting>>;
}

/** `["snappy"]` adds terms; the object form can also remove terms or replace the whole list. */
export interface TermListSetting {
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly replace?: readonly string[];
}

export const DEFAULT_BASELINE_FILE = '.specthread-baseline.json';

export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/node_modules/**',
  // Archived specs are finished history; their authors do not want new findings on them.
  '**/_archived/**',
  '**/archived/**',
];

export const DEFAULT_SETTINGS: SpecThreadSettings = Object.freeze({
  rules: Object.freeze({}),
  exclude: DEFAULT_EXCLUDES,
});

/** Fills in defaults for a partial settings object received from a client or a config file. */
export function normalizeSettings(input: unknown): SpecThreadSettings {
  const raw = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof SpecThreadSettings, unknown>>;
  const rules: Record<string, SeveritySetting> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [code, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (value === 'error' || value === 'warning' || value === 'info' || value === 'hint' || value === 'off') rules[code] = value;
    }
  }
  const exclude = Array.isArray(raw.exclude) ? raw.exclude.filter((g): g is string => typeof g === 'string') : [];
  // codeTrace is kept only when given, so that layering (mergeSettings) can tell "not set" apart.
  const codeTrace = raw.codeTrace && typeof raw.codeTrace === 'object' ? normalizeTraceSettings(raw.codeTrace) : undefined;
  const roots = normalizeRoots(raw.roots);
  return {
    rules,
    exclude: [...DEFAULT_EXCLUDES, ...exclude],
    ...normalizeRuleOptions(raw),
    ...(codeTrace ? { codeTrace } : {}),
    ...(roots.length ? { roots } : {}),
  };
}

function isSeverity(value: unknown): value is SeveritySetting {
  return value === 'error' || value === 'warning' || value === 'info' || value === 'hint' || value === 'off';
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** The rule options (overrides, terms, EARS clause order, baseline); invalid entries are dropped. */
function normalizeRuleOptions(
  raw: Record<string, unknown>,
): Pick<SpecThreadSettings, 'preset' | 'overrides' | 'terms' | 'ears' | 'baseline' | 'keywords' | 'ruleDocsUrl'> {
  const out: {
    ruleDocsUrl?: string;
    preset?: PresetName;
    overrides?: RuleOverride[];
    terms?: Record<string, TermListSetting>;
    ears?: { clauseOrder?: string[] };
    baseline?: string;
    keywords?: KeywordSettings;
  } = {};
  if (isPresetName(raw.preset)) out.preset = raw.preset;
  // Only a web address: a link is opened by the editor, and a relative path would resolve nowhere useful.
  if (typeof raw.ruleDocsUrl === 'string' && /^https?:\/\/\S+$/.test(raw.ruleDocsUrl)) out.ruleDocsUrl = raw.ruleDocsUrl;
  const keywords = normalizeKeywords(raw.keywords);
  if (keywords) out.keywords = keywords;
  if (Array.isArray(raw.overrides)) {
    const overrides: RuleOverride[] = [];
    for (const o of raw.overrides as unknown[]) {
      if (!o || typeof o !== 'object') continue;
      const entry = o as Record<string, unknown>;
      const files = typeof entry.files === 'string' ? [entry.files] : (strings(entry.files) ?? []);
      const rules: Record<string, SeveritySetting> = {};
      if (entry.rules && typeof entry.rules === 'object') for (const [code, v] of Object.entries(entry.rules)) if (isSeverity(v)) rules[code] = v;
      if (files.length) overrides.push({ files, rules });
    }
    if (overrides.length) out.overrides = overrides;
  }
  if (raw.terms && typeof raw.terms === 'object') {
    const terms: Record<string, TermListSetting> = {};
    for (const [code, v] of Object.entries(raw.terms as Record<string, unknown>)) {
      const list = strings(v);
      if (list) terms[code] = { add: list };
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        terms[code] = { add: strings(o.add), remove: strings(o.remove), replace: strings(o.replace) };
      }
    }
    out.terms = terms;
  }
  const ears = raw.ears && typeof raw.ears === 'object' ? strings((raw.ears as Record<string, unknown>).clauseOrder) : undefined;
  if (ears?.length) out.ears = { clauseOrder: ears };
  if (typeof raw.baseline === 'string') out.baseline = raw.baseline;
  return out;
}

/** The keyword lists of a settings object; invalid entries are dropped, and nothing at all gives undefined. */
function normalizeKeywords(value: unknown): KeywordSettings | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const raw = value as Record<string, unknown>;
  const out: { -readonly [K in keyof KeywordSettings]: KeywordSettings[K] } = {};
  for (const role of ['requirement', 'acceptanceCriteria', 'requirementsSection', 'refLabel'] as const) {
    const list = strings(raw[role]);
    if (list?.length) out[role] = list;
  }
  if (raw.ears && typeof raw.ears === 'object') {
    const ears: { [role in EarsRole]?: readonly string[] } = {};
    for (const role of EARS_ROLES) {
      const list = strings((raw.ears as Record<string, unknown>)[role]);
      if (list?.length) ears[role] = list;
    }
    if (Object.keys(ears).length) out.ears = ears;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Both keyword lists, role by role: the editor's words add to the repository's. */
function mergeKeywords(base: KeywordSettings | undefined, over: KeywordSettings | undefined): KeywordSettings | undefined {
  if (!base || !over) return over ?? base;
  const both = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined);
  const ears: { [role in EarsRole]?: readonly string[] } = {};
  for (const role of EARS_ROLES) {
    const list = both(base.ears?.[role], over.ears?.[role]);
    if (list) ears[role] = list;
  }
  return normalizeKeywords({
    requirement: both(base.requirement, over.requirement),
    acceptanceCriteria: both(base.acceptanceCriteria, over.acceptanceCriteria),
    requirementsSection: both(base.requirementsSection, over.requirementsSection),
    refLabel: both(base.refLabel, over.refLabel),
    ears,
  });
}

/**
 * Layers settings: `over` (the editor's) on top of `base` (the repository's specthread.json).
 * Rule severities and term lists merge key by key, overrides and excludes accumulate.
 */
export function mergeSettings(base: SpecThreadSettings, over: SpecThreadSettings): SpecThreadSettings {
  const terms = base.terms || over.terms ? { ...base.terms, ...over.terms } : undefined;
  const overrides = [...(base.overrides ?? []), ...(over.overrides ?? [])];
  const ears = over.ears ?? base.ears;
  const baseline = over.baseline ?? base.baseline;
  const ruleDocsUrl = over.ruleDocsUrl ?? base.ruleDocsUrl;
  // The editor's setting defaults to null (absent), so only a preset a user chose there wins over specthread.json's.
  const preset = over.preset ?? base.preset;
  const keywords = mergeKeywords(base.keywords, over.keywords);
  const codeTrace = mergeTraceSettings(base.codeTrace, over.codeTrace);
  const roots = [...(base.roots ?? []), ...(over.roots ?? [])];
  return {
    ...(preset ? { preset } : {}),
    rules: { ...base.rules, ...over.rules },
    exclude: [...new Set([...base.exclude, ...over.exclude])],
    ...(overrides.length ? { overrides } : {}),
    ...(terms ? { terms } : {}),
    ...(ears ? { ears } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    ...(codeTrace ? { codeTrace } : {}),
    ...(roots.length ? { roots } : {}),
    ...(keywords ? { keywords } : {}),
    ...(ruleDocsUrl ? { ruleDocsUrl } : {}),
  };
}

/**
 * The editor reports every contributed setting, defaults included, so an editor value that
 * equals the default must not override what the repository's specthread.json chose.
 */
function mergeTraceSettings(base: TraceSettings | undefined, over: TraceSettings | undefined): TraceSettings | undefined {
  if (!base || !over) return over ?? base;
  const pick = <K extends keyof TraceSettings>(key: K): TraceSettings[K] =>
    JSON.stringify(over[key]) === JSON.stringify(DEFAULT_TRACE_SETTINGS[key]) ? base[key] : over[key];
  return {
    testFiles: pick('testFiles'),
    exclude: pick('exclude'),
    maxFileSize: pick('maxFileSize'),
    requireImplemented: pick('requireImplemented'),
    requireVerified: pick('requireVerified'),
    perCriterion: pick('perCriterion'),
  };
}
