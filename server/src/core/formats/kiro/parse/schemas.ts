/**
 * JSON Schemas for Kiro's JSON files. Kept as code so the core can validate without reading
 * files; `npm run docs` writes them to schemas/ (and a test keeps the two equal) so editors and
 * other tools can use the same definitions.
 */

const FILE_EVENTS = ['fileEdited', 'fileCreated', 'fileDeleted'];

/** `.kiro/hooks/*.kiro.hook`: an agent hook. SpecThread validates hooks and never runs them. */
export const KIRO_HOOK_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://specthread.dev/schemas/kiro-hook.schema.json',
  title: 'Kiro agent hook (.kiro/hooks/*.kiro.hook)',
  type: 'object',
  required: ['name', 'version', 'when', 'then'],
  properties: {
    enabled: { type: 'boolean', description: 'Whether Kiro runs the hook.' },
    name: { type: 'string', minLength: 1, description: 'Shown in the Agent Hooks panel.' },
    description: { type: 'string' },
    version: { type: 'string', description: 'Hook format version, "1".' },
    when: {
      type: 'object',
      required: ['type'],
      properties: {
        type: {
          enum: [...FILE_EVENTS, 'userTriggered', 'manual', 'promptSubmit', 'agentStop', 'preToolUse', 'postToolUse', 'preTaskExecution', 'postTaskExecution'],
          description: 'The event that triggers the hook.',
        },
        patterns: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: 'Globs of the files whose events trigger the hook.' },
        button_text: { type: 'string' },
        toolTypes: { type: 'array', items: { type: 'string' } },
      },
      allOf: [{ if: { properties: { type: { enum: FILE_EVENTS } }, required: ['type'] }, then: { required: ['patterns'] } }],
    },
    then: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { enum: ['askAgent', 'runCommand'], description: 'Ask the agent with a prompt, or run a shell command.' },
        prompt: { type: 'string', minLength: 1 },
        command: { type: 'string', minLength: 1 },
      },
      allOf: [
        { if: { properties: { type: { const: 'askAgent' } }, required: ['type'] }, then: { required: ['prompt'] } },
        { if: { properties: { type: { const: 'runCommand' } }, required: ['type'] }, then: { required: ['command'] } },
      ],
    },
  },
} as const;

/** `.kiro/specs/<name>/.config.kiro`: spec metadata Kiro writes. Every field is optional. */
export const KIRO_CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://specthread.dev/schemas/kiro-config.schema.json',
  title: 'Kiro spec configuration (.kiro/specs/<name>/.config.kiro)',
  type: 'object',
  properties: {
    specId: { type: 'string' },
    workflowType: { type: 'string', description: 'e.g. requirements-first, design-first' },
    specType: { type: 'string', description: 'e.g. feature, bugfix' },
  },
} as const;
