// @spec specthread-core#17.3
import * as assert from 'assert';
import fc from 'fast-check';
import { readJUnit } from '../../server/src/core/testResults/junit';
import { XmlElement, parseXml } from '../../server/src/core/testResults/xml';
import { growthRatio } from '../helpers/growth';
import { fuzzParams } from './fuzzConfig';

/** A generated element: what the reader must give back after it is written out. */
interface Tree {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly text: string;
  readonly children: Tree[];
}

const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/);
const text = fc.string({ unit: fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", ']', '\n', 'é', '😀'), maxLength: 12 });
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc
    .record({
      name,
      attributes: fc.dictionary(name, text, { maxKeys: 3 }).map((d) => ({ ...d })),
      text,
      children: fc.oneof({ maxDepth: 4, depthIdentifier: 'xml' }, fc.constant<Tree[]>([]), fc.array(tie('tree'), { maxLength: 3 })),
    })
    .map((r) => ({ ...r })),
})).tree;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text goes first (escaped, or as CDATA when it has no `]]>`), then the children, so the element's own text is one run. */
function write(t: Tree, cdata: boolean): string {
  const attributes = Object.entries(t.attributes)
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join('');
  const body = (cdata && !t.text.includes(']]>') ? `<![CDATA[${t.text}]]>` : escape(t.text)) + t.children.map((c) => write(c, cdata)).join('');
  return body ? `<${t.name}${attributes}>${body}</${t.name}>` : `<${t.name}${attributes}/>`;
}

function read(e: XmlElement): Tree {
  return { name: e.name, attributes: { ...e.attributes }, text: e.text, children: e.children.map(read) };
}

describe('XML reader (fuzz)', () => {
  it('gives back every element, attribute and text of a document it is given', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (t, cdata) => {
        const doc = `<?xml version="1.0"?>\n<!-- report -->${write(t, cdata)}`;
        assert.deepStrictEqual(parseXml(doc).children.map(read), [t]);
      }),
      fuzzParams('xml'),
    );
  });

  it('never throws on a document cut and filled with junk, and keeps what came before the junk', () => {
    const junk = fc.string({
      unit: fc.constantFrom('<', '>', '/', '!', '?', '-', '[', ']', '"', "'", '=', '&', ';', '#', 'a', 'testcase', 'CDATA', ' '),
      maxLength: 80,
    });
    fc.assert(
      fc.property(tree, junk, fc.nat(), (t, noise, cut) => {
        const doc = write(t, true);
        const at = cut % (doc.length + 1);
        const mangled = doc.slice(0, at) + noise + doc.slice(at);
        parseXml(mangled);
        // What comes before the junk is read whatever follows it (an open CDATA or comment may swallow what comes after).
        const cases = readJUnit(`<testsuite><testcase name="first"/>${mangled}</testsuite>`);
        assert.strictEqual(cases[0]?.name, 'first');
        assert.ok(cases.length <= mangled.split('<testcase').length);
      }),
      fuzzParams('xml'),
    );
  });

  it('stays linear on hostile input: deep nesting, unmatched end tags, open comments and quotes', () => {
    const inputs: ((n: number) => string)[] = [
      (n) => '<a>'.repeat(n) + '</b>'.repeat(n),
      (n) => '<a x="'.repeat(n),
      (n) => '<!--'.repeat(n),
      (n) => '<a '.repeat(n) + '>',
      (n) => '&#x'.repeat(n),
    ];
    for (const input of inputs) {
      const ratio = growthRatio((n) => parseXml(input(n)), 5_000, 8);
      assert.ok(ratio < 30, `${input(1)}…: ×8 input took ×${ratio.toFixed(1)} time`);
    }
  });
});
