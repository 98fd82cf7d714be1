// @spec specthread-core#14.1
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { FileEdit } from '../../server/src/core/findings';
import { suppressionFixes } from '../../server/src/core/fixes/suppress';
import { lineEndingOf } from '../../server/src/core/text/lineEnding';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { engineFor, formatFinding } from '../helpers/fixtures';

/**
 * LSP counts `\n`, `\r\n` and a lone `\r` as line ends. A spec saved with any of them must get
 * findings at the same line and character, and quick fixes that land on the word they name;
 * lone CR once put findings on continuation lines past the end of the line.
 */
const REQUIREMENTS = [
  '# Requirements Document',
  '',
  '## Glossary',
  '',
  '- **Uploader**: The component that receives files',
  '',
  '## Requirements',
  '',
  '### Requirement 1: Upload',
  '',
  '**User Story:** As a user, I want to upload files, so that I can share them.',
  '',
  '#### Acceptance Criteria',
  '',
  '1. WHEN a user drops a file on the page, THE Uploader',
  '   should start the upload and it',
  '   should be finished soon',
  '2. WHEN a file is uploaded, THE Uploader SHALL store it',
  '',
];
const TASKS = ['# Implementation Plan', '', '- [ ] 1. Upload', '  - _Requirements: 1.1, 1.7_', ''];

function apply(text: string, edits: readonly FileEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  return sorted.reduce((t, e) => t.slice(0, lines.offsetAt(e.range.start)) + e.newText + t.slice(lines.offsetAt(e.range.end)), text);
}

describe('line endings: LF, CRLF and lone CR', () => {
  const endings: [string, string][] = [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ];

  it('give the same findings at the same positions, and every range lies inside its line', async () => {
    const results: string[][] = [];
    for (const [, eol] of endings) {
      const files = { '.kiro/specs/up/requirements.md': REQUIREMENTS.join(eol), '.kiro/specs/up/tasks.md': TASKS.join(eol) };
      const engine = await engineFor(files);
      const findings = engine.allFindings(NEVER_CANCELLED);
      for (const f of findings) {
        const lines = new LineIndex(engine.textOf(f.path)!);
        for (const p of [f.range.start, f.range.end]) {
          assert.ok(p.line < lines.lineCount && p.character <= lines.lineText(p.line).length, `${JSON.stringify(eol)} ${formatFinding(f)}`);
        }
      }
      results.push(findings.map((f) => formatFinding(f)));
    }
    assert.ok(
      results[0].some((f) => f.startsWith('.kiro/specs/up/requirements.md:17:4-17:10 hint quality.weak-modal')),
      results[0].join('\n'),
    );
    assert.ok(
      results[0].some((f) => f.startsWith('.kiro/specs/up/tasks.md:4:25-4:28 error link.unknown-ref')),
      results[0].join('\n'),
    );
    assert.deepStrictEqual(results[1], results[0], 'CRLF');
    assert.deepStrictEqual(results[2], results[0], 'lone CR');
  });

  it('apply quick fixes on continuation lines to the word they name', async () => {
    for (const [name, eol] of endings) {
      const path = '.kiro/specs/up/requirements.md';
      const engine = await engineFor({ [path]: REQUIREMENTS.join(eol) });
      const weak = engine.allFindings(NEVER_CANCELLED).filter((f) => f.code === 'quality.weak-modal');
      assert.strictEqual(weak.length, 2, name);
      const fixed = apply(
        engine.textOf(`/ws/${path}`)!,
        weak.map((f) => f.fixes![0].edits[0]),
      );
      const expected = REQUIREMENTS.map((l) => l.replace(/^ {3}should/, '   SHALL')).join(eol);
      assert.strictEqual(fixed, expected, name);
    }
  });

  it('insert whole lines with the ending the file already uses', async () => {
    assert.deepStrictEqual(['a\nb', 'a\r\nb', 'a\rb', 'a', 'a\nb\rc', 'a\rb\nc'].map(lineEndingOf), ['\n', '\r\n', '\r', '\n', '\n', '\r']);
    for (const [name, eol] of endings) {
      const path = '.kiro/specs/up/requirements.md';
      const engine = await engineFor({ [path]: REQUIREMENTS.join(eol) });
      const finding = engine.allFindings(NEVER_CANCELLED).find((f) => f.code === 'quality.weak-modal')!;
      const text = engine.textOf(`/ws/${path}`)!;
      const fileFix = suppressionFixes(finding, text).find((f) => f.title.endsWith('for this file'))!;
      assert.strictEqual(apply(text, fileFix.edits), `<!-- specthread-disable-file quality.weak-modal -->${eol}${text}`, name);
    }
  });
});
