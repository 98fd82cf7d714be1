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
  properties: {
    $schema: { type: 'string' },
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
            enum: ['kiro', 'speckit', 'openspec'],
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
    rules: {
      type: 'object',
      description: 'Severity per rule code or family, as in the `specthread.rules` setting.',
      additionalProperties: { enum: ['error', 'warning', 'info', 'hint', 'off'] },
    },
  },
} as const;
