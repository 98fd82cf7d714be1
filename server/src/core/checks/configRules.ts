import { RuleMeta } from './rule';

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
