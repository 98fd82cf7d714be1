// @spec specthread-core#1.1 @spec specthread-core#1.2 @spec specthread-core#1.3 @spec specthread-core#1.4
import * as assert from 'assert';
import * as path from 'path';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { tokenizeRefList } from '../../server/src/core/formats/kiro/parse/refLines';
import { FIXTURES, readTree } from '../helpers/fixtures';

const fixture = (name: string, file: string) => readTree(path.join(FIXTURES, 'checks', name))[file];

describe('Kiro parsing', () => {
  describe('ref lists', () => {
    const cases: [string, string[]][] = [
      ['1.1, 2.3-2.5', ['1.1', '2.3-2.5']],
      ['All', ['All']],
      ['All requirements for observability', ['All']],
      ['All, 1.1-1.3', ['All', '1.1-1.3']],
      ['1.2 (preserve functionality)', ['1.2']],
      ['1.2 (within 5 seconds)', ['1.2']],
      ['Core requirements validation (1.1, 2.1-2.3, 3.4)', ['1.1', '2.1-2.3', '3.4']],
      ['UI rendering', []],
      ['Requirement 3', ['3']],
      ['4.1–4.2 (loading)', ['4.1–4.2']],
    ];
    for (const [input, tokens] of cases) {
      it(`"${input}" → [${tokens.join(' | ')}]`, () => {
        const got = tokenizeRefList(input);
        assert.deepStrictEqual(
          got.map((t) => t.raw),
          tokens,
        );
        // Offsets point at the token in the input, so diagnostics land exactly on it.
        for (const t of got) assert.strictEqual(input.slice(t.start, t.end), t.raw);
      });
    }
  });

  it('reads v1 requirements and ignores fenced code', () => {
    const facts = parseSpecFile('/ws/r.md', 'requirements', fixture('v1-clean', '.kiro/specs/notes/requirements.md'), NEVER_CANCELLED);
    assert.deepStrictEqual(
      facts.requirements.map((r) => [r.id, r.criteria.map((c) => c.id)]),
      [
        ['1', ['1.1', '1.2']],
        ['2', ['2.1', '2.2']],
      ],
    );
    assert.match(facts.requirements[0].userStory ?? '', /^As a writer, I want to create notes/);
    assert.strictEqual(facts.requirements[1].criteria[1].text, 'IF the user confirms THEN the system SHALL remove the note');
  });

  it('reads drifted v2 requirements: dash titles, bold label, bullets, inline numbers, glossary', () => {
    const facts = parseSpecFile('/ws/r.md', 'requirements', fixture('v2-drift-clean', '.kiro/specs/billing/requirements.md'), NEVER_CANCELLED);
    assert.deepStrictEqual(
      facts.requirements.map((r) => [r.id, r.title, r.criteria.map((c) => c.id)]),
      [
        ['1', 'Invoices', ['1.1', '1.2']],
        ['2', 'Ledger entries', ['2.1', '2.2']],
        ['3', 'Refunds', ['3.1', '3.2']],
      ],
    );
    assert.deepStrictEqual(facts.glossary, ['Billing_Service', 'Ledger']);
    const inline = facts.requirements[2].criteria[0];
    assert.deepStrictEqual(inline.idRange, { start: { line: 31, character: 0 }, end: { line: 31, character: 3 } });
  });

  it('reads task markers, optional stars, flat and nested sub-tasks', () => {
    const facts = parseSpecFile('/ws/tasks.md', 'tasks', fixture('v2-drift-clean', '.kiro/specs/billing/tasks.md'), NEVER_CANCELLED);
    assert.deepStrictEqual(
      facts.tasks.map((t) => [t.id, t.status, t.optional, t.depth]),
      [
        ['1', 'done', false, 0],
        ['1.1', 'done', false, 0],
        ['1.2', 'open', true, 0],
        ['2', 'open', false, 0],
        ['2.1', 'open', true, 1],
        ['3', 'open', false, 0],
      ],
    );
    const v1 = parseSpecFile('/ws/tasks.md', 'tasks', fixture('v1-clean', '.kiro/specs/notes/tasks.md'), NEVER_CANCELLED);
    assert.deepStrictEqual(
      v1.tasks.map((t) => [t.id, t.status]),
      [
        ['1', 'done'],
        ['2', 'in-progress'],
        ['2.1', 'done'],
        ['2.2', 'queued'],
      ],
    );
    // Refs belong to the innermost task whose item holds them; the fenced `9.9` is not a ref.
    assert.deepStrictEqual(
      v1.refs.map((r) => [r.raw, r.taskId]),
      [
        ['1.1', '1'],
        ['1.2', '1'],
        ['2.1', '2.1'],
        ['2.2', '2.2'],
      ],
    );
  });

  it('reads bugfix criteria as sections 1, 2 and 3', () => {
    const facts = parseSpecFile('/ws/bugfix.md', 'bugfix', fixture('bugfix', '.kiro/specs/login-crash/bugfix.md'), NEVER_CANCELLED);
    assert.deepStrictEqual(
      facts.requirements.map((r) => [r.id, r.title, r.criteria.map((c) => c.id)]),
      [
        ['1', 'Current Behavior (Defect)', ['1.1', '1.2']],
        ['2', 'Expected Behavior (Correct)', ['2.1', '2.2']],
        ['3', 'Unchanged Behavior (Regression Prevention)', ['3.1']],
      ],
    );
  });

  it('survives hostile input without throwing', () => {
    const inputs = [
      '',
      '\u0000\u0001',
      '### Requirement\n1.',
      '- [x]',
      '- [ ] 1.\n  - _Requirements: _',
      '```\nunterminated',
      '#'.repeat(5000),
      '- '.repeat(2000),
      '\r\n\r\n### Requirement 1\r\n1. x\r\n',
    ];
    for (const text of inputs)
      for (const kind of ['requirements', 'bugfix', 'design', 'tasks'] as const) parseSpecFile('/ws/x.md', kind, text, NEVER_CANCELLED);
  });
});
