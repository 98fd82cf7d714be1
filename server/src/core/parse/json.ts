// @spec specthread-core#13.4, specthread-core#15.4
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Node, ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import { AnalysisCache, cacheKey } from '../analysisCache';
import { JsonFileExtras, Marker } from '../extras';
import { LineIndex } from '../text/lineIndex';
import { TOO_DEEP_MESSAGE, jsonTooDeepAt } from './jsonDepth';
import { Range } from '../text/range';

/**
 * A JSON file checked against a JSON Schema, with every problem placed on the key or value it
 * concerns. jsonc-parser gives the offsets (JSON.parse gives none); Ajv does the validation so
 * the schema, not hand-written code, is the definition of a valid file.
 */

/** Compiled validators by schema object: compiling costs milliseconds, so an engine does it once per schema. */
const VALIDATORS = cacheKey('json-validators', () => new WeakMap<object, ValidateFunction>());

function validatorFor(schema: object, cache: AnalysisCache | undefined): ValidateFunction {
  const table = cache?.table(VALIDATORS);
  let v = table?.get(schema);
  if (!v) {
    // strict off: the schemas carry `description`s and draft-07 keywords Ajv's strict mode nags about.
    v = new Ajv({ allErrors: true, strict: false }).compile(schema);
    table?.set(schema, v);
  }
  return v;
}

/**
 * `jsonc` allows comments and trailing commas, as VS Code settings do (specthread.json);
 * Kiro's own files are strict JSON because Kiro reads them with a strict parser. `cache` is the
 * engine's, where the compiled schema is kept; without one the schema is compiled for this call.
 */
export function checkJson(text: string, schema: object, options: { jsonc?: boolean; cache?: AnalysisCache } = {}): JsonFileExtras {
  const lines = new LineIndex(text);
  const deep = jsonTooDeepAt(text);
  if (deep >= 0) return { type: 'json', problems: [{ text: TOO_DEEP_MESSAGE, range: lines.rangeOf(deep, deep + 1) }] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: !!options.jsonc, disallowComments: !options.jsonc });
  if (errors.length || !tree) {
    const e = errors[0];
    const at = e ? lines.rangeOf(e.offset, e.offset + Math.max(1, e.length)) : lines.rangeOf(0, 0);
    return { type: 'json', problems: [{ text: `Not valid JSON: ${e ? printParseErrorCode(e.error) : 'empty file'}.`, range: at }] };
  }
  const value: unknown = options.jsonc ? getNodeValue(tree) : JSON.parse(text);
  const validate = validatorFor(schema, options.cache);
  if (validate(value)) return { type: 'json', problems: [], value };
  const problems: Marker[] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    // `if`/`then` failures repeat the `required` error they wrap.
    if (err.keyword === 'if') continue;
    const message = describe(err);
    const range = rangeFor(tree, err, lines);
    const key = `${range.start.line}:${range.start.character}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ text: message, range });
  }
  return { type: 'json', problems, value };
}

function segments(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function rangeFor(tree: Node, err: ErrorObject, lines: LineIndex): Range {
  const node = findNodeAtLocation(tree, segments(err.instancePath)) ?? tree;
  // Point at the property's key when the value is an object (a missing field), else at the value.
  const target = node.type === 'object' && node.parent?.type === 'property' ? node.parent.children![0] : node.type === 'object' ? undefined : node;
  if (target) return lines.rangeOf(target.offset, target.offset + target.length);
  return lines.rangeOf(node.offset, node.offset + 1);
}

function describe(err: ErrorObject): string {
  const where = err.instancePath ? `\`${err.instancePath.slice(1).replace(/\//g, '.')}\`` : 'The file';
  switch (err.keyword) {
    case 'required':
      return `${where} is missing the required field \`${(err.params as { missingProperty: string }).missingProperty}\`.`;
    case 'enum':
      return `${where} must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${String(v)}\``).join(', ')}.`;
    case 'type':
      return `${where} must be ${(err.params as { type: string }).type === 'object' ? 'an object' : `a ${(err.params as { type: string }).type}`}.`;
    default:
      return `${where} ${err.message ?? 'is not valid'}.`;
  }
}
