import { BUILTIN_FORMAT_NAMES } from '../../../../shared/roots';
import { EARS_ROLES, PRESET_NAMES } from '../../../../shared/settings';
import { severitiesByPreset } from './presets';
import { RULE_FAMILIES, RULE_REGISTRY } from '../checks/registry';

const SEVERITY = { enum: ['error', 'warning', 'info', 'hint', 'off'] } as const;
const WORDS = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/**
 * A map of rule code or family to severity. Every code and family in the rule registry is listed
 * with its summary, so the editor completes and explains them; other keys keep validating as
 * before (a code from a newer version is not an error).
 */
function ruleSeverities() {
  const properties: Record<string, { readonly enum: readonly string[]; readonly description: string }> = {};
  for (const family of RULE_FAMILIES) properties[family] = { ...SEVERITY, description: `Every rule of the \`${family}\` family.` };
  for (const { meta } of RULE_REGISTRY) {
    const byPreset = Object.entries(severitiesByPreset(meta))
      .map(([preset, severity]) => `${preset} ${severity}`)
      .join(', ');
    properties[meta.code] = { ...SEVERITY, description: `${meta.summary} Default: ${meta.defaultSeverity} (${byPreset}).` };
  }
  return { type: 'object', properties, additionalProperties: SEVERITY } as const;
}

/**
 * The JSON Schema of `specthread.json`, the repository config file. Written to
 * schemas/specthread.schema.json by `npm run docs` and contributed to VS Code through
 * `jsonValidation`, so users get completion and validation while editing it.
 */
export const SPECTHREAD_CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://specthread.dev/schemas/specthread.schema.json',
  title: 'SpecThread repository configuration (specthread.json)',
  type: 'object',
  additionalProperties: false,
  definitions: { ruleSeverities: ruleSeverities() },
  properties: {
    $schema: { type: 'string' },
    preset: {
      enum: [...PRESET_NAMES],
      default: 'recommended',
      description:
        'Default severities: `recommended` (what is almost certainly broken), `strict` (every rule on, style as warnings) or `ears` (EARS and wording rules as warnings). `rules` and `overrides` apply on top.',
    },
    roots: {
      type: 'array',
      description: 'Extra folders that hold specs, relative to this file. Globs select several (one per package in a monorepo).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'format'],
        properties: {
          path: { type: 'string', minLength: 1, description: 'Folder or glob, e.g. `docs/specs` or `packages/*/openspec`.' },
          format: {
            enum: [...BUILTIN_FORMAT_NAMES],
            description: 'kiro: the folder holds `<name>/requirements.md`…; speckit: `<feature>/spec.md`…; openspec: `specs/` and `changes/`.',
          },
        },
      },
    },
    discover: {
      type: 'boolean',
      default: true,
      description: 'Also find specs in the default locations (`.kiro/specs`, `specs/NNN-*`, `openspec/`). Set false to read only `roots`.',
    },
    exclude: { type: 'array', items: { type: 'string' }, description: 'Globs of spec files never analysed, relative to this file.' },
    rules: { $ref: '#/definitions/ruleSeverities', description: 'Severity per rule code or family, as in the `specthread.rules` setting.' },
    overrides: {
      type: 'array',
      description: 'Per-path severities; later entries win, and any entry wins over `rules`.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files', 'rules'],
        properties: {
          files: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'Globs relative to this file.' },
          rules: { $ref: '#/definitions/ruleSeverities', description: 'Severity per rule code or family for the files that match.' },
        },
      },
    },
    terms: {
      type: 'object',
      description: 'Term lists of the `quality.*` rules by rule code: an array adds terms, or `{ "add", "remove", "replace" }`.',
      additionalProperties: {
        anyOf: [
          { type: 'array', items: { type: 'string' } },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              add: { type: 'array', items: { type: 'string' } },
              remove: { type: 'array', items: { type: 'string' } },
              replace: { type: 'array', items: { type: 'string' } },
            },
          },
        ],
      },
    },
    ears: {
      type: 'object',
      additionalProperties: false,
      properties: { clauseOrder: { type: 'array', items: { type: 'string' }, description: 'Precondition order, e.g. ["WHERE", "WHILE", "WHEN|IF"].' } },
    },
    baseline: { type: 'string', description: 'Baseline file relative to this file; "" turns baselines off.' },
    ruleDocsUrl: {
      type: 'string',
      pattern: '^https?://',
      description: 'Where the team publishes docs/rules.md (https://…/docs/rules.md): editor diagnostics link to its rule anchors.',
    },
    keywords: {
      type: 'object',
      additionalProperties: false,
      description: 'Words added to the built-in keyword tables, for a language or a house spelling they lack; they never replace the built-in words.',
      properties: {
        requirement: { ...WORDS, description: 'Words before a requirement number in a heading: ["Exigence"] reads `### Exigence 1: …`.' },
        acceptanceCriteria: { ...WORDS, description: 'Acceptance-criteria headings or labels: ["Critères d\'acceptation"].' },
        requirementsSection: { ...WORDS, description: 'Headings of a section of bare-numbered requirements (`## Exigences` + `### 1. …`).' },
        refLabel: { ...WORDS, description: 'Citation labels in tasks and design: ["Exigences"] reads `_Exigences: 1.1_`.' },
        ears: {
          type: 'object',
          additionalProperties: false,
          description: 'EARS words by role, as the specs write them: { "WHEN": ["QUAND"], "THEN": ["ALORS"], "SHALL": ["DOIT"] }.',
          properties: Object.fromEntries(EARS_ROLES.map((role) => [role, WORDS])),
        },
      },
    },
    codeTrace: {
      type: 'object',
      additionalProperties: false,
      description: 'Trace tags in code and tests, and coverage.',
      properties: {
        testFiles: { type: 'array', items: { type: 'string' }, description: 'Globs of test files.' },
        exclude: { type: 'array', items: { type: 'string' }, description: 'Extra globs never scanned for tags.' },
        maxFileSize: { type: 'number', minimum: 1, description: 'Larger files are not scanned for tags.' },
        requireImplemented: { type: 'array', items: { type: 'string' }, description: 'Criteria that need a tag in source: `*`, `spec`, `spec#2`, `spec#2.1`.' },
        requireVerified: { type: 'array', items: { type: 'string' }, description: 'Criteria that need a test, same forms.' },
        perCriterion: {
          type: 'array',
          items: { type: 'string' },
          description: 'Specs (`*`, `spec`, `spec#2`) whose coverage findings are reported per criterion; the others get one per requirement.',
        },
      },
    },
  },
} as const;
