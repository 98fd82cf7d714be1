// @spec specthread-core#21.4
import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, SpecThreadSettings } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { fuzzParams } from './fuzzConfig';

/**
 * Statement rules keep each criterion's findings in the engine's cache and move them with the
 * criterion (checks/statementResults.ts). Whatever sequence of versions a requirements.md goes
 * through in one engine, its findings (messages, ranges, fixes) equal those of a fresh engine
 * that reads only the last version. Criteria come from a small pool, so versions share many
 * criteria at other lines, columns, ids and glossaries: the cases where a stale or badly moved
 * result would show.
 */

const ROOT = '/ws';
const SPEC = `${ROOT}/.kiro/specs/edited`;
const PATH = `${SPEC}/requirements.md`;

const CRITERIA = [
  'WHEN a user signs in, THE Auth_Service SHALL create a session',
  'THE system SHALL respond quickly and be user-friendly',
  'WHEN `retries` is set THEN the **Auth_Service** shall maybe log it',
  'The Login_Service should be fast',
  'IF the cache is full, THE Cache SHALL NOT accept writes',
  'WHILE loading, WHEN a query arrives, THE Search SHALL queue it and SHALL log it',
  'THE Auth_Service SHALL handle errors as appropriate, etc.',
  'WHEN a request arrives,\n   THE Gateway SHALL route it to the *nearest* node',
  'It SHALL be stored by the Gateway',
  'WHERE `inclusion: never` is set, THE Loader SHALL skip the file <!-- note -->',
];

const GLOSSARIES = [[], ['Auth_Service', 'Gateway'], ['Auth_Service', 'Cache', 'Search'], ['Gateway']];

interface Criterion {
  readonly text: number;
  readonly indent: string;
}

interface Version {
  readonly glossary: number;
  readonly requirements: readonly (readonly Criterion[])[];
  /** Blank lines before each requirement: they move everything below. */
  readonly gaps: readonly number[];
  readonly crlf: boolean;
}

const criterion = fc.record({ text: fc.nat({ max: CRITERIA.length - 1 }), indent: fc.constantFrom('', '', ' ', '  ') });
const version: fc.Arbitrary<Version> = fc.record({
  glossary: fc.nat({ max: GLOSSARIES.length - 1 }),
  requirements: fc.array(fc.array(criterion, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  gaps: fc.array(fc.nat({ max: 2 }), { minLength: 4, maxLength: 4 }),
  crlf: fc.boolean(),
});

function render(v: Version): string {
  const lines = ['# Requirements Document', '', '## Introduction', '', 'Edited.', ''];
  const glossary = GLOSSARIES[v.glossary]!;
  if (glossary.length) lines.push('## Glossary', '', ...glossary.map((t) => `- **${t}**: a component`), '');
  lines.push('## Requirements', '');
  v.requirements.forEach((criteria, i) => {
    for (let g = 0; g < (v.gaps[i] ?? 0); g++) lines.push('');
    lines.push(`### Requirement ${i + 1}: Part ${i + 1}`, '', `**User Story:** As a user, I want part ${i + 1}, so that it works.`, '');
    lines.push('#### Acceptance Criteria', '');
    criteria.forEach((c, j) => lines.push(`${c.indent}${j + 1}. ${CRITERIA[c.text]!}`));
    lines.push('');
  });
  return lines.join(v.crlf ? '\r\n' : '\n');
}

// Every statement rule on, unknown-system (off by default) included.
const SETTINGS: SpecThreadSettings = { ...DEFAULT_SETTINGS, rules: { 'ears.unknown-system': 'warning' } };

async function engineOf(text: string): Promise<Engine> {
  const engine = new Engine(new MemoryWorkspace([ROOT], { [PATH]: text }), SETTINGS);
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine;
}

const findingsOf = (engine: Engine) => JSON.stringify(engine.findingsForSpec(SPEC, NEVER_CANCELLED), null, 1);

describe('fuzz: an edited spec with cached statement findings equals a fresh engine', function () {
  this.timeout(180_000);

  it('after every version of a sequence of edits, the findings equal those of a fresh engine', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(version, { minLength: 2, maxLength: 5 }), async (versions) => {
        const edited = await engineOf(render(versions[0]!));
        findingsOf(edited);
        for (const v of versions.slice(1)) {
          const text = render(v);
          edited.setText(PATH, text, NEVER_CANCELLED);
          assert.strictEqual(findingsOf(edited), findingsOf(await engineOf(text)));
        }
      }),
      fuzzParams('edits'),
    );
  });

  it('a criterion moved down by an edit above keeps its findings, at its new lines', async () => {
    const base: Version = {
      glossary: 1,
      requirements: [
        [
          { text: 1, indent: '' },
          { text: 7, indent: '' },
        ],
      ],
      gaps: [0, 0, 0, 0],
      crlf: false,
    };
    const engine = await engineOf(render(base));
    const before = engine.findingsForSpec(SPEC, NEVER_CANCELLED);
    assert.ok(
      before.some((f) => f.code === 'quality.vague-term'),
      'the pool criterion has a vague term',
    );
    engine.setText(PATH, render({ ...base, gaps: [2, 0, 0, 0] }), NEVER_CANCELLED);
    const after = engine.findingsForSpec(SPEC, NEVER_CANCELLED);
    assert.deepStrictEqual(
      after.map((f) => [f.code, f.range.start.line, f.range.end.line]),
      before.map((f) => [f.code, f.range.start.line + 2, f.range.end.line + 2]),
    );
  });
});
