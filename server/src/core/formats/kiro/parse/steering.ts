// @spec specthread-core#13.4
import { isMap, isScalar, parseDocument } from 'yaml';
import { SteeringExtras } from '../extras';
import { LineIndex } from '../../../text/lineIndex';
import { YAML_TOO_DEEP_MESSAGE, yamlMayNestTooDeep } from '../../../parse/yamlDepth';

/**
 * `.kiro/steering/*.md` front matter: a `---` YAML block at the top of the file with
 * `inclusion: always | fileMatch | manual | auto` and, for fileMatch, `fileMatchPattern`
 * (a glob, or a list of globs). A file without front matter is included always, which is
 * Kiro's default, so it is fine. Parsed with the `yaml` package so quoting, lists and
 * comments are read the way Kiro reads them; each field keeps the range of its value.
 */
export function parseSteering(text: string): SteeringExtras {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { type: 'steering', fields: [] };
  const lines = new LineIndex(text);
  const bodyStart = m[0].indexOf('\n') + 1;
  const frontMatterRange = lines.rangeOf(0, m[0].trimEnd().length);
  const frontMatter = m[1]!;
  if (yamlMayNestTooDeep(frontMatter))
    return { type: 'steering', frontMatterRange, fields: [], error: { text: YAML_TOO_DEEP_MESSAGE, range: frontMatterRange } };
  const doc = parseDocument(frontMatter);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return {
      type: 'steering',
      frontMatterRange,
      fields: [],
      error: { text: e.message.split('\n')[0]!.replace(/:$/, ''), range: lines.rangeOf(bodyStart + e.pos[0], bodyStart + e.pos[1]) },
    };
  }
  const fields: { key: string; value: unknown; range: ReturnType<LineIndex['rangeOf']> }[] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const node = pair.value as { range?: [number, number, number] } | null;
      const keyNode = pair.key as { range?: [number, number, number] };
      const span = node?.range ?? keyNode.range ?? [0, 0, 0];
      const value: unknown =
        pair.value && typeof (pair.value as { toJSON?: () => unknown }).toJSON === 'function' ? (pair.value as { toJSON: () => unknown }).toJSON() : pair.value;
      fields.push({ key, value, range: lines.rangeOf(bodyStart + span[0], bodyStart + span[1]) });
    }
  }
  return { type: 'steering', frontMatterRange, fields };
}
