// @spec specthread-core#21.4
import { parse } from 'yaml';
import { OpenSpecExtras } from '../extras';
import { YAML_TOO_DEEP_MESSAGE, yamlMayNestTooDeep } from '../../../parse/yamlDepth';

/**
 * `.openspec.yaml`, a change's metadata (`schema: spec-driven`, `created: …`, optionally
 * `skip_specs: true` for a change that touches no spec). Read with a real YAML parser because
 * the file is YAML and hand-written; only the fields rules need are kept. The flat form the
 * OpenSpec CLI writes is read without it (flatMeta), since it is the same reading at a fraction of the cost.
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
  const flat = flatMeta(text);
  if (flat) return { type: 'openspec', sections: [], requirementBlocks: [], misplaced: [], meta: { skipSpecs: flat.skipSpecs, range: whole } };
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

/** `key: value` with a lower-case key and a plain value that starts with a letter or digit: `schema: spec-driven`, `created: 2026-02-21`. */
const FLAT_LINE = /^([a-z_]+): ([A-Za-z0-9][A-Za-z0-9._-]*)$/;

/**
 * What the YAML parser would read from the file `openspec new change` writes (a few flat keys),
 * without loading it: every line blank or FLAT_LINE, no key twice, and `skip_specs`, if present,
 * `true` or `false`. Such text is a plain YAML mapping of plain scalars, so skip_specs is exactly
 * what the parser says; anything else (quotes, comments, nesting, CR line ends, other values) is
 * undefined here and goes to the parser. test/core/openspecMeta.test.ts holds the two equal over
 * the corpus and generated files.
 */
export function flatMeta(text: string): { skipSpecs: boolean } | undefined {
  const keys = new Set<string>();
  let skipSpecs = false;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = FLAT_LINE.exec(line);
    if (!m || keys.has(m[1]!)) return undefined;
    keys.add(m[1]!);
    if (m[1] !== 'skip_specs') continue;
    if (m[2] !== 'true' && m[2] !== 'false') return undefined;
    skipSpecs = m[2] === 'true';
  }
  return { skipSpecs };
}
