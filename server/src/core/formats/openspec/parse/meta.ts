import { parse } from 'yaml';
import { OpenSpecExtras } from '../extras';
import { YAML_TOO_DEEP_MESSAGE, yamlMayNestTooDeep } from '../../../parse/yamlDepth';

/**
 * `.openspec.yaml`, a change's metadata (`schema: spec-driven`, `created: …`, optionally
 * `skip_specs: true` for a change that touches no spec). Read with a real YAML parser because
 * the file is YAML and hand-written; only the fields rules need are kept.
 */
export function parseChangeMeta(text: string): OpenSpecExtras {
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  let meta: OpenSpecExtras['meta'];
  if (yamlMayNestTooDeep(text))
    return {
      type: 'openspec',
      sections: [],
      requirementBlocks: [],
      misplaced: [],
      meta: { skipSpecs: false, error: `the file is ${YAML_TOO_DEEP_MESSAGE}`, range: whole },
    };
  try {
    const value: unknown = parse(text);
    if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
      meta = { skipSpecs: false, error: 'the file is not a YAML mapping', range: whole };
    } else {
      const record = (value ?? {}) as Record<string, unknown>;
      const skip = record['skip_specs'];
      meta =
        skip !== undefined && typeof skip !== 'boolean'
          ? { skipSpecs: false, error: `skip_specs must be true or false, not ${JSON.stringify(skip)}`, range: whole }
          : { skipSpecs: skip === true, range: whole };
    }
  } catch (err) {
    const e = err as { message?: string; linePos?: { line: number; col: number }[] };
    const pos = e.linePos?.[0];
    const at = pos ? { line: pos.line - 1, character: pos.col - 1 } : whole.start;
    meta = { skipSpecs: false, error: (e.message ?? String(err)).split('\n')[0], range: { start: at, end: at } };
  }
  return { type: 'openspec', sections: [], requirementBlocks: [], misplaced: [], meta };
}
