// @spec specthread-core#15.1
import * as assert from 'assert';
import fc from 'fast-check';
import { lineScannedDoc } from '../../server/src/core/formats/openspec/parse/lineScan';
import { MarkdownDoc, collectHeadings, parseMarkdown } from '../../server/src/core/parse/markdown';
import { describeCorpus } from '../helpers/corpus';
import { FIXTURES } from '../helpers/fixtures';
import { HEADING_AND_RULE_EDGE_LINES, markdownFiles, countAccepted } from '../helpers/markdownCases';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/**
 * The OpenSpec line scan stands in for markdown-it only where it gives the same document: for
 * every text it accepts, the code lines and the top-level headings (level, line, text) must be
 * markdown-it's. Checked on generated line soups made of the constructs that decide it (indented
 * code, setext underlines, thematic breaks, list markers, quotes, HTML, fences, tabs, closing
 * hashes), on every Markdown fixture and on every Markdown file of the shared corpus.
 */
function shape(doc: MarkdownDoc): unknown {
  return { codeLines: [...doc.codeLines].sort((a, b) => a - b), headings: collectHeadings(doc), lineCount: doc.lines.lineCount };
}

function assertSameAsMarkdownIt(text: string, where: string): boolean {
  const scanned = lineScannedDoc(text);
  if (!scanned) return false;
  assert.deepStrictEqual(shape(scanned), shape(parseMarkdown(text)), `${where}:\n${JSON.stringify(text)}`);
  return true;
}

const LINE = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    '\t',
    'Text of a paragraph.',
    'The system SHALL do it.',
    '## Requirements',
    '### Requirement: Sign in',
    '#### Scenario: Valid password',
    ...HEADING_AND_RULE_EDGE_LINES,
    '- item',
    '-',
    '- ',
    '* item',
    '1. one',
    '2) two',
    '- # heading in item',
    '- ---',
    '-     code in item',
    '> quote',
    '> # quoted',
    '>',
    '> ',
    '>text',
    '> > nested',
    '>\ttab',
    '> - item',
    '>     code',
    '> ```',
    '> ---',
    '<div>',
    '<!-- note -->',
    '<!-- open',
    'close -->',
    '-->',
    '<!-->',
    '<360px wide',
    '- <b>bold</b>',
    '- <360px',
    '```',
    '~~~',
    '````',
    '```ts',
    '~~~ yaml',
    '``` a`b',
    '```  ',
    '   ```',
    '    ```',
    '\t```',
    '- ```',
    '~~~~~',
    '[ref]: /url',
    '**WHEN** x **THEN** y',
    '\fform feed',
    '\u00a0nbsp',
    '  - nested',
    '    - deeper',
    '-    four after marker',
    '- [ ] 1.1 task',
    '+ plus',
    '1.  two',
    '10. ten',
    '- 1. both',
    // The lines plainTextAt reads without cutting them out: marker, bold and digit edges.
    '- **WHEN** x',
    '**Key**: value',
    '** not bold',
    '***',
    '- **',
    '   - three in',
    '   text three in',
    '  1. Step',
    '1.text',
    '1) **Bold** item',
    '1234567890. ten digits',
    '123456789. nine digits',
    // Lines mayOpenBlock passes as paragraph text by their first character, and `#` lines that are no heading.
    '| a | b |',
    '!bang',
    '中文 text',
    '#tag',
    '####### seven',
    '#',
  ),
  fc
    .tuple(
      fc.constantFrom('', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t', ' \t'),
      fc.constantFrom('text', '# h', '- item', '---', '===', '-', '1. x', '<p>', '> q', '[a]: b', '* * *', '```', '~~~', '````', ''),
    )
    .map(([indent, rest]) => indent + rest),
);

describe('the OpenSpec line scan gives what markdown-it gives', () => {
  it('on generated documents it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(LINE, { maxLength: 16 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        if (assertSameAsMarkdownIt(lines.join(eol), 'generated')) accepted++;
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(4000) },
    );
    // The property says nothing if nothing is accepted.
    assert.ok(accepted > runsFor(4000) / 10, `only ${accepted} documents accepted`);
  });

  it('accepts a plain OpenSpec spec and finds its headings; leaves code, quotes, HTML and setext headings to markdown-it', () => {
    const spec =
      '# Auth\n\n## Purpose\nSign-in.\n\n## Requirements\n### Requirement: Sign in\nThe system SHALL sign in.\n\n#### Scenario: Ok\n- **WHEN** x\n- **THEN** y\n';
    assert.ok(assertSameAsMarkdownIt(spec, 'spec'));
    assert.deepStrictEqual(
      collectHeadings(lineScannedDoc(spec)!).map((h) => h.text),
      ['Auth', 'Purpose', 'Requirements', 'Requirement: Sign in', 'Scenario: Ok'],
    );
    // A fence indented as deep as a list item's text is followed when the item cannot change where it ends.
    const listed = '- **AND** print:\n  ```text\n  # not a heading\n\n  ```\n## D\n';
    assert.ok(assertSameAsMarkdownIt(listed, 'listed'));
    assert.deepStrictEqual(
      collectHeadings(lineScannedDoc(listed)!).map((h) => h.text),
      ['D'],
    );
    // Quotes of plain text and comments at column 0 are followed too.
    const quoted = '> Note: text\n> more\nlazy\n\n<!-- a\n# hidden\n-->\n## C\n<!-- one line -->\ntext\n';
    assert.ok(assertSameAsMarkdownIt(quoted, 'quoted'));
    assert.deepStrictEqual(
      collectHeadings(lineScannedDoc(quoted)!).map((h) => h.text),
      ['C'],
    );
    // A fence at column 0 is followed: its lines are code, a heading inside it is none.
    const fenced = '## A\n```md\n# not a heading\n~~~\n```\n## B\n~~~~\n```\n~~~~~ \n\n```\n# unclosed\n\n';
    assert.ok(assertSameAsMarkdownIt(fenced, 'fenced'));
    assert.deepStrictEqual(
      collectHeadings(lineScannedDoc(fenced)!).map((h) => h.text),
      ['A', 'B'],
    );
    for (const text of [
      '# A\n\n    code\n',
      '- a\n  ```\n# x\n  ```\n',
      '  ```\n# x\n```\n',
      '- a\n  ```\n  x\n    ```\n',
      'Title\n=====\n',
      '> # quoted\n',
      '> - listed\n',
      '<div>\n# x\n</div>\n',
      '- a\n\n      code\n',
      'a\n- # b\n',
    ])
      assert.strictEqual(lineScannedDoc(text), undefined, JSON.stringify(text));
  });

  it('on every Markdown fixture', () => {
    assert.ok(countAccepted(markdownFiles(FIXTURES), assertSameAsMarkdownIt) > 0);
  });
});

describeCorpus('the OpenSpec line scan on the shared corpus', (corpus) => {
  it('gives what markdown-it gives on every Markdown file it accepts', function () {
    this.timeout(120000);
    const accepted = countAccepted(markdownFiles(corpus), assertSameAsMarkdownIt);
    assert.ok(accepted > 1000, `${accepted} files accepted`);
  });
});
