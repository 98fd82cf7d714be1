// @spec specthread-core#21.4
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import { parse } from 'yaml';
import { flatMeta, parseChangeMeta } from '../../server/src/core/formats/openspec/parse/meta';
import { describeCorpus } from '../helpers/corpus';
import { filesUnder } from '../helpers/markdownCases';

/**
 * `.openspec.yaml` in its flat form is read without the YAML parser (flatMeta). Wherever the
 * shortcut answers, it must answer what the parser reads: a mapping without error, and
 * skip_specs exactly as parsed. Held over every `.openspec.yaml` of the corpus and over
 * generated files of flat-looking lines, tricky values and repeated keys included.
 */

/** What the YAML parser reads: undefined when it fails or the value is not a mapping with a boolean (or no) skip_specs. */
function parsed(text: string): { skipSpecs: boolean } | undefined {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return undefined;
  }
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) return undefined;
  const skip = ((value ?? {}) as Record<string, unknown>)['skip_specs'];
  return skip === undefined || typeof skip === 'boolean' ? { skipSpecs: skip === true } : undefined;
}

describe('.openspec.yaml: the flat reading equals the YAML parser', () => {
  it('on generated files of flat-looking lines (values such as true, True, null, 1e3, 0x1F, ~, duplicates, quotes, comments)', () => {
    const key = fc.constantFrom('schema', 'created', 'skip_specs', 'name', 'true', 'null', '_x', 'skip_specs');
    const value = fc.constantFrom(
      'spec-driven',
      '2026-02-21',
      'true',
      'false',
      'True',
      'FALSE',
      'yes',
      'null',
      '~',
      '1e3',
      '0x1F',
      '.inf',
      'a.b-',
      '"x"',
      "'true'",
      'x # c',
      '[1]',
      '',
      'a: b',
      '-1',
    );
    const line = fc.oneof(
      fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`),
      fc.constantFrom('', '# note', '  indented: x', 'key:value', '---', 'skip_specs:  true'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.boolean(), (lines, finalNewline) => {
        const text = lines.join('\n') + (finalNewline ? '\n' : '');
        const flat = flatMeta(text);
        if (flat) assert.deepStrictEqual(flat, parsed(text), text);
        const meta = parseChangeMeta(text).meta!;
        if (flat) assert.deepStrictEqual(meta, { skipSpecs: flat.skipSpecs, range: meta.range });
      }),
      { numRuns: 3000, seed: 21 },
    );
  });

  it('answers for the usual file and leaves the others to the parser', () => {
    assert.deepStrictEqual(flatMeta('schema: spec-driven\ncreated: 2026-02-21\n'), { skipSpecs: false });
    assert.deepStrictEqual(flatMeta('schema: spec-driven\nskip_specs: true\n'), { skipSpecs: true });
    for (const text of ['skip_specs: yes\n', 'a: 1\na: 2\n', 'schema: spec-driven\r\n', 'created: "2025-01-13"\n', 'x:\n  y: 1\n']) {
      assert.strictEqual(flatMeta(text), undefined, text);
    }
  });
});

describeCorpus('.openspec.yaml of the corpus: the flat reading equals the YAML parser', (corpus) => {
  it('on every file, and answers for most of them', () => {
    const files = filesUnder(corpus, (name) => name === '.openspec.yaml');
    let answered = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const flat = flatMeta(text);
      if (!flat) continue;
      answered++;
      assert.deepStrictEqual(flat, parsed(text), file);
    }
    assert.ok(files.length >= 100 && answered >= files.length * 0.9, `${answered} of ${files.length}`);
  });
});
