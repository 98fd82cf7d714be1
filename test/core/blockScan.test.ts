// @spec specthread-core#1.4, specthread-core#15.1
import * as assert from 'assert';
import fc from 'fast-check';
import { scanBlocks } from '../../server/src/core/parse/blockScan';
import { parseMarkdown, parseWithMarkdownIt } from '../../server/src/core/parse/markdown';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { describeCorpus } from '../helpers/corpus';
import { FIXTURES } from '../helpers/fixtures';
import { HEADING_AND_RULE_EDGE_LINES, markdownFiles, countAccepted } from '../helpers/markdownCases';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/**
 * The block scan stands in for markdown-it only where it gives the same document: for every text
 * it accepts, the whole block tree (types, lines, depths, list kinds, item numbers, raw inline
 * content) and the code lines must be what parseMarkdown builds from markdown-it's tokens.
 * Checked on generated documents made of the constructs that decide it (list markers at every
 * indentation, lazy and indented continuations, setext underlines, thematic breaks, fences inside
 * and outside lists, tabs, blank lines, quotes, HTML and reference definitions that it must leave
 * to markdown-it), on every Markdown fixture and on every Markdown file of the shared corpus.
 */
function assertSameAsMarkdownIt(text: string, where: string): boolean {
  const lines = new LineIndex(text);
  const scanned = scanBlocks(text, lines);
  if (!scanned) return false;
  const parsed = parseWithMarkdownIt(text, lines);
  assert.deepStrictEqual(scanned.root, parsed.root, `${where}:\n${JSON.stringify(text)}`);
  assert.deepStrictEqual(
    [...scanned.codeLines].sort((a, b) => a - b),
    [...parsed.codeLines].sort((a, b) => a - b),
    `${where} (code lines):\n${JSON.stringify(text)}`,
  );
  return true;
}

const INDENT = fc.constantFrom('', '', '', ' ', '  ', '  ', '   ', '    ', '     ', '      ', '       ', '        ', '\t', ' \t', '\t\t');
const MARKER = fc.constantFrom('-', '*', '+', '1.', '2.', '1)', '10.', '01.', '1234567890.', '- [ ]', '- [x]', '-', '*');
const AFTER_MARKER = fc.constantFrom(' ', ' ', ' ', '  ', '    ', '     ', '\t', '');
const CONTENT = fc.constantFrom(
  'WHEN a user signs in THEN THE System SHALL log it',
  '1.1 THE Service SHALL respond',
  '[ ] 1. Task title',
  '[x] 2.3 Sub-task',
  '_Requirements: 1.1, 2.3_',
  '**Validates: Requirements 1.2**',
  '**User Story:** As a user, I want x',
  '# heading in item',
  '---',
  '```ts',
  '~~~',
  '> quote',
  '<!-- note -->',
  '<!-- open',
  'close -->',
  '<!-- specthread-disable-next-line ears -->',
  '[ref]: /url',
  '[a] b',
  '[a\\]: b',
  'text #',
  '',
  '\u00a0nbsp',
  'trailing   ',
);
const LINE = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(INDENT, MARKER, AFTER_MARKER, CONTENT).map(([i, m, a, c]) => i + m + a + c) },
  { weight: 3, arbitrary: fc.tuple(INDENT, CONTENT).map(([i, c]) => i + c) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '',
      '   ',
      '\t',
      '# Requirements Document',
      '## Requirements',
      '### Requirement 1: Sign in',
      '#### Acceptance Criteria',
      ...HEADING_AND_RULE_EDGE_LINES,
      '```',
      '```mermaid',
      '``` a`b',
      '````',
      '~~~',
      '  ```',
      '    ```',
      '> quote',
      '<div>',
      '<!--',
      '-->',
      '<!-- a --> b',
      '[ref]: /url',
      '\fform feed',
      'Plain paragraph text.',
      'lazy continuation',
    ),
  },
);

describe('the block scan gives what markdown-it gives', () => {
  it('on generated documents it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(LINE, { maxLength: 14 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.boolean(), (lines, eol, finalEol) => {
        if (assertSameAsMarkdownIt(lines.join(eol) + (finalEol ? eol : ''), 'generated')) accepted++;
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(6000) },
    );
    // The property says nothing if nothing is accepted.
    assert.ok(accepted > runsFor(6000) / 5, `only ${accepted} documents accepted`);
  });

  it('on deeply nested task lists', () => {
    let accepted = 0;
    const item = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom('- [ ] 1. T', '- [x] 1.1 T', '- d', '1. c', '- _Requirements: 1.1_'));
    fc.assert(
      fc.property(fc.array(fc.tuple(item, fc.boolean()), { maxLength: 20 }), (items) => {
        // Each item at most one level below the one before, as an outline is written.
        let previous = -1;
        const text = items
          .map(([[depth, line], blank]) => {
            previous = Math.min(depth, previous + 1);
            return '  '.repeat(previous) + line + (blank ? '\n' : '');
          })
          .join('\n');
        // Two spaces under `1. ` is not inside the item, so a line may become indented code: left to markdown-it.
        if (assertSameAsMarkdownIt(text, 'nested')) accepted++;
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(1000) },
    );
    assert.ok(accepted > runsFor(1000) / 2, `only ${accepted} documents accepted`);
  });

  it('reads a Kiro requirements, tasks and design file itself, reads HTML comments, and leaves indented code, quotes, other HTML and reference definitions to markdown-it', () => {
    const kiro = [
      '# Requirements Document\n\n## Introduction\n\nText.\n\n## Glossary\n\n- **Auth_Service**: signs in\n\n## Requirements\n\n### Requirement 1: Sign in\n\n' +
        '**User Story:** As a user, I want to sign in.\n\n#### Acceptance Criteria\n\n1. WHEN a user signs in THEN THE Auth_Service SHALL log it\n2. THE Auth_Service SHALL lock after 3 tries\n',
      '# Implementation Plan\n\n- [ ] 1. Set up\n  - [x] 1.1 Model\n    - Detail\n    - _Requirements: 1.1, 1.2_\n  - [ ]* 1.2 Test\n\n- [ ] 2. Wire\n  - _Requirements: 2.1_\n',
      '# Design\n\n## Architecture\n\n```mermaid\ngraph TD\n  A --> B\n```\n\n## Properties\n\n*For any* x, y.\n\n**Validates: Requirements 1.1**\n\nTitle\n-----\n\n---\n',
      '# Tasks\n\n<!-- specthread-disable-next-line tasks -->\n- [ ] 1. A\n  <!-- a note\n  over lines -->\n  - [ ] 1.1 B\n',
    ];
    for (const text of kiro) {
      assert.ok(assertSameAsMarkdownIt(text, 'kiro'), text);
      assert.deepStrictEqual(parseMarkdown(text), parseWithMarkdownIt(text));
    }
    for (const text of [
      '# A\n\n    code\n',
      '> quote\n',
      '<div>\n# x\n</div>\n',
      'a\n<div>\n',
      '<p>\n',
      '- a\n\n      code\n',
      '[x]: /url\n',
      '- a\n  > b\n',
      '[a\nb]: c\n',
    ])
      assert.strictEqual(scanBlocks(text, new LineIndex(text)), undefined, JSON.stringify(text));
  });

  it('on every Markdown fixture', () => {
    assert.ok(countAccepted(markdownFiles(FIXTURES), assertSameAsMarkdownIt) > 0);
  });
});

describeCorpus('the block scan on the shared corpus', (corpus) => {
  it('gives what markdown-it gives on every Markdown file it accepts', function () {
    this.timeout(120000);
    const files = markdownFiles(corpus);
    const accepted = countAccepted(files, assertSameAsMarkdownIt);
    // Most real spec files are made of what the scan reads; if that stops being so, it saves nothing.
    assert.ok(accepted > files.length * 0.8, `${accepted} of ${files.length} files accepted`);
  });
});
