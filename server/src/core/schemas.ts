import { SPECTHREAD_CONFIG_SCHEMA } from './config/schema';
import { KIRO_CONFIG_SCHEMA, KIRO_HOOK_SCHEMA } from './formats/kiro/parse/schemas';

/** The JSON Schemas shipped in schemas/, by file name; `npm run docs` writes them, a test compares. */
export const SCHEMA_FILES: Readonly<Record<string, object>> = {
  'specthread.schema.json': SPECTHREAD_CONFIG_SCHEMA,
  'kiro-hook.schema.json': KIRO_HOOK_SCHEMA,
  'kiro-config.schema.json': KIRO_CONFIG_SCHEMA,
};

export function renderSchema(schema: object): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
