// @spec specthread-core#13.2
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { OpenSpecExtras } from '../../server/src/core/formats/openspec/extras';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES } from '../helpers/fixtures';

/**
 * Main specs that `openspec validate` cannot parse, in the shapes real repositories write them
 * (test/fixtures/checks/openspec-main-dialects): their requirements reach the model so that the
 * folder is not "empty", while the OpenSpec view (requirementBlocks) stays empty, as OpenSpec's is.
 */
function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'checks', 'openspec-main-dialects', rel), 'utf8');
}

function read(name: string) {
  const path = `/ws/openspec/specs/${name}/spec.md`;
  return parseSpecFile(path, 'spec', fixture(`openspec/specs/${name}/spec.md`), NEVER_CANCELLED, 'openspec');
}

describe('OpenSpec main specs openspec cannot parse', () => {
  it('reads bare ### Requirement: blocks with no ## section, with their scenarios', () => {
    const facts = read('quiz-timer');
    assert.deepStrictEqual(
      facts.requirements.map((r) => r.id),
      ['countdown-bar', 'reset-on-next-round'],
    );
    assert.deepStrictEqual(
      facts.requirements[0].criteria.map((c) => c.id),
      ['countdown-bar/bar-starts-full'],
    );
    assert.strictEqual((facts.extras as OpenSpecExtras).requirementBlocks.length, 0);
  });

  it('reads a delta copied into specs/ (## ADDED Requirements)', () => {
    assert.deepStrictEqual(
      read('source-link').requirements.map((r) => r.title),
      ['Source link in footer', 'Link opens in a new tab'],
    );
  });

  it('skips REMOVED requirements: they no longer exist', () => {
    assert.deepStrictEqual(
      read('cleanup').requirements.map((r) => r.title),
      ['Event log is the only write target'],
    );
  });

  it('reads ### RF-1: Title under a localized requirements heading, with the id as written', () => {
    const facts = read('auth-es');
    assert.deepStrictEqual(
      facts.requirements.map((r) => [r.id, r.title]),
      [
        ['RF-1', 'Registro de Usuario'],
        ['RF-2', 'Inicio de Sesión'],
        ['RNF-1', 'Seguridad'],
      ],
    );
    assert.match(facts.requirements[0].text ?? '', /Criterios de Aceptación/);
  });

  it('keeps reading a well-formed spec the OpenSpec way, with no fallback', () => {
    const text =
      '# X\n\n## Purpose\nWhy this exists, in enough words to pass.\n\n## Requirements\n\n### Requirement: One\nIt SHALL.\n\n#### Scenario: S\n- ok\n\n## Notes\n\n### RF-9: Not a requirement\n';
    const facts = parseSpecFile('/ws/openspec/specs/x/spec.md', 'spec', text, NEVER_CANCELLED, 'openspec');
    assert.deepStrictEqual(
      facts.requirements.map((r) => r.id),
      ['one'],
    );
    assert.strictEqual((facts.extras as OpenSpecExtras).requirementBlocks.length, 1);
  });
});
