import { SpecRule } from '../../rule';

/** `.kiro.hook` and `.config.kiro` files that do not match their JSON Schema. */
export const kiroFileShape: SpecRule = {
  meta: {
    code: 'structure.kiro-file-shape',
    defaultSeverity: 'error',
    summary: 'A Kiro hook (`.kiro.hook`) or spec config (`.config.kiro`) is not valid JSON or does not match its schema.',
    description:
      'Kiro ignores hooks it cannot read. Hooks are checked against schemas/kiro-hook.schema.json (name, version, ' +
      '`when.type`, `patterns` for file events, `then.type` with its prompt or command); `.config.kiro` against ' +
      'schemas/kiro-config.schema.json, where every field is optional. SpecThread validates hooks and never runs them.',
    bad: '{ "name": "Lint", "version": "1", "when": { "type": "fileEdited" }, "then": { "type": "askAgent" } }',
    good: '{ "name": "Lint", "version": "1", "when": { "type": "fileEdited", "patterns": ["**/*.ts"] }, "then": { "type": "askAgent", "prompt": "Lint the file" } }',
  },
  formats: ['kiro'],
  check(spec, report) {
    for (const f of spec.fileList) {
      if ((f.kind !== 'hook' && f.kind !== 'kiro-config') || f.extras?.type !== 'json') continue;
      for (const p of f.extras.problems) report({ path: f.path, range: p.range, message: p.text });
    }
  },
};
