// @spec specthread-core#15.1
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { taskScannedDoc } from '../../server/src/core/formats/openspec/parse/taskScan';
import { MarkdownDoc, collectHeadings, parseMarkdown } from '../../server/src/core/parse/markdown';
import { parseTasks } from '../../server/src/core/parse/numberedTasks';
import { describeCorpus } from '../helpers/corpus';
import { FIXTURES } from '../helpers/fixtures';
import { markdownFiles, countAccepted } from '../helpers/markdownCases';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/**
 * The OpenSpec tasks.md scan stands in for markdown-it only where it gives the same document: for
 * every text it accepts, the tasks (ids, status, ranges, item ranges, depth), the headings and
 * the line count must be markdown-it's. Checked on generated task lists made of the constructs
 * that decide it (nesting by indentation, continuation and lazy lines, blank lines, headings,
 * rules, ordered items, code, quotes, tabs), on every Markdown fixture and on every Markdown
 * file of the shared corpus.
 */
function shape(doc: MarkdownDoc): unknown {
  return { tasks: parseTasks(doc), headings: collectHeadings(doc), lineCount: doc.lines.lineCount };
}

function assertSameAsMarkdownIt(text: string, where: string): boolean {
  const scanned = taskScannedDoc(text);
  if (!scanned) return false;
  assert.deepStrictEqual(shape(scanned), shape(parseMarkdown(text)), `${where}:\n${JSON.stringify(text)}`);
  return true;
}

const LINE = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', '## 1. Group', '# Tasks', '- [ ] 1.1 Do it', '- [x] 1.2 Done', '- [ ] 2. Parent', 'More text.') },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t', ' \t'),
        fc.constantFrom(
          '- [ ] 1.1 task',
          '- [x] 2 done',
          '- [-] 3.1 doing',
          '* [ ] star',
          '+ plus',
          '- plain item',
          '-  two spaces',
          '- ',
          '-',
          '- - nested',
          '- # heading',
          '- ---',
          '- 1. both',
          '- **bold** item',
          '- [ ]: ref',
          '1. one',
          '2) two',
          'continuation text',
          '**Note**: text',
          '# h',
          '## 2. Group ##',
          '#hash',
          '---',
          '===',
          '***',
          '_ _ _',
          '> quote',
          '<!-- c -->',
          '```',
          '~~~',
          '[a]: b',
          '\u00a0nbsp',
          '\fform feed',
          '=text',
          '__init__',
          '',
        ),
      )
      .map(([indent, rest]) => indent + rest),
  },
);

describe('the OpenSpec tasks.md scan gives what markdown-it gives', () => {
  it('on generated task lists it accepts', () => {
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

  it('accepts a plain OpenSpec task list with nested items; leaves ordered lists, code and odd indentation to markdown-it', () => {
    const tasks = '## 1. Setup\n\n- [ ] 1.1 Add it\n  - [x] 1.1.1 Part\n    more text\n- [ ] 1.2 Test it\nlazy line\n\n## 2. Ship\n- [ ] 2.1 Release\n';
    assert.ok(assertSameAsMarkdownIt(tasks, 'tasks'));
    assert.deepStrictEqual(
      parseTasks(taskScannedDoc(tasks)!).map((t) => [t.id, t.depth, t.itemRange.end.line]),
      [
        ['1.1', 0, 4],
        ['1.1.1', 1, 4],
        ['1.2', 0, 6],
        ['2.1', 0, 9],
      ],
    );
    for (const text of [
      '1. [ ] one\n',
      '- [ ] a\n   - [ ] b\n',
      '- [ ] a\n\n      code\n',
      '```\n- [ ] a\n```\n',
      '- [ ] a\n---\n',
      '> - [ ] a\n',
      '-\t[ ] a\n',
    ])
      assert.strictEqual(taskScannedDoc(text), undefined, JSON.stringify(text));
  });

  it('on every Markdown fixture', () => {
    assert.ok(countAccepted(markdownFiles(FIXTURES), assertSameAsMarkdownIt) > 0);
  });
});

describeCorpus('the OpenSpec tasks.md scan on the shared corpus', (corpus) => {
  it('gives what markdown-it gives on every Markdown file it accepts', function () {
    this.timeout(120000);
    let accepted = 0;
    let tasksFiles = 0;
    let tasksAccepted = 0;
    for (const file of markdownFiles(corpus)) {
      const ok = assertSameAsMarkdownIt(fs.readFileSync(file, 'utf8'), file);
      if (ok) accepted++;
      if (path.basename(file) === 'tasks.md') {
        tasksFiles++;
        if (ok) tasksAccepted++;
      }
    }
    assert.ok(accepted > 500, `${accepted} files accepted`);
    // Most task files are plain lists; if the scan stops accepting them it no longer saves anything.
    assert.ok(tasksAccepted > tasksFiles / 2, `${tasksAccepted} of ${tasksFiles} tasks.md files accepted`);
  });
});
