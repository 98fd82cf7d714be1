// @spec specthread-core#14.7, specthread-core#14.1
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { loadWorkspaceConfig } from '../../server/src/core/config/configFile';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { KNOWN_BUGS } from './knownBugs';
import { probe } from './harness/engineProbe';

/**
 * Minimal inputs the fuzzer found, kept as plain tests. Fixed ones must stay fixed. Known,
 * unfixed ones (knownBugs.ts) must still fail: when a fix lands, its test fails here and says to
 * delete the entry, so the exclusion never outlives the bug.
 */

const FIXED: readonly { readonly name: string; readonly files: Readonly<Record<string, string>> }[] = [
  {
    // A code span with nothing readable made a negative span: RangeError in earsOf (fixed in plainMap.ts).
    name: 'a criterion masking a password as `***`',
    files: { '.kiro/specs/a/requirements.md': '### Requirement 1: x\n\n#### Acceptance Criteria\n\n1. THE System SHALL mask it as `***`\n' },
  },
  {
    // Lone \r line ends: findings after one pointed past the end of their line.
    name: 'lone CR line ends in a requirements file',
    files: { '.kiro/specs/a/requirements.md': '# Requirement 1\n## Acceptance Criteria\r- SHALL\rSHALL' },
  },
  {
    // LineIndex mapped the \n of a \r\n one past the line end: a YAML error range left its line.
    name: 'CRLF steering front matter with an unclosed quote',
    files: { '.kiro/steering/tech.md': '---\r\ninclusion: always\r\nfileMatchPattern: "\r\n---\r\n# x\r\n' },
  },
  {
    // "Disable … for this file" went after the front matter, on a line the file does not have.
    name: 'steering front matter that ends the file, with a finding to suppress',
    files: { '.kiro/steering/tech.md': '---\ninclusion: bogus\n---' },
  },
  {
    // jsonc-parser recursed once per bracket: "Maximum call stack size exceeded", the hook became parse.failed.
    name: 'a hook of ten thousand [',
    files: { '.kiro/hooks/deep.kiro.hook': '['.repeat(10_000) },
  },
  {
    // The same parser reads the repo config; there the overflow escaped indexing altogether.
    name: 'a specthread.json of ten thousand [',
    files: { 'specthread.json': '{"exclude": ' + '['.repeat(10_000), '.kiro/specs/a/requirements.md': '### Requirement 1: x\n' },
  },
  {
    // The yaml package recursed per flow collection; at depth a regular expression compile aborts the process.
    name: 'steering front matter and .openspec.yaml of ten thousand [',
    files: {
      '.kiro/steering/deep.md': '---\ninclusion: ' + '['.repeat(10_000) + '\n---\n# x\n',
      'openspec/changes/c/.openspec.yaml': 'schema: ' + '['.repeat(10_000) + '\n',
      'openspec/changes/c/proposal.md': '# Change: c\n',
      'openspec/specs/s/spec.md': '# s Specification\n',
    },
  },
];

async function problemsOf(files: Readonly<Record<string, string>>): Promise<string[]> {
  try {
    return [
      ...(
        await probe(files, [
          [1, 1],
          [2, 5],
        ])
      ).problems,
    ];
  } catch (err) {
    return [`threw: ${err instanceof Error ? err.message : String(err)}`];
  }
}

describe('fuzz regressions: minimal inputs found by the fuzzer', () => {
  it('fixed: loadWorkspaceConfig reports a specthread.json of ten thousand [ instead of overflowing', async () => {
    const workspace = new MemoryWorkspace(['/ws'], { '/ws/specthread.json': '['.repeat(10_000) });
    const { errors } = await loadWorkspaceConfig(workspace, NEVER_CANCELLED);
    assert.match(errors.join('\n'), /nested more than \d+ levels deep.*ignored/);
  });
  for (const c of FIXED) {
    it(`fixed: ${c.name}`, async () => assert.deepStrictEqual(await problemsOf(c.files), []));
  }
  for (const bug of KNOWN_BUGS) {
    it(`still open (knownBugs.ts): ${bug.feature}`, async () => {
      const problems = await problemsOf(bug.example);
      assert.ok(problems.length > 0, `the known bug "${bug.feature}" no longer reproduces (${bug.fixedBy}): delete its entry from test/fuzz/knownBugs.ts`);
    });
  }
});
