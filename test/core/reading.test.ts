// @spec specthread-core#16.2 @spec specthread-core#16.3
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { SpecFileKind } from '../../server/src/core/model';

/** How well a file was read, the same way for every format: the level its role's content earns. */
function levelOf(format: string, kind: SpecFileKind, text: string) {
  return parseSpecFile(`/ws/x/${kind}.md`, kind, text, NEVER_CANCELLED, format).reading;
}

describe('file reading confidence', () => {
  it('rates a Kiro requirements file read in full as high, with its counts', () => {
    const text =
      '# Requirements\n\n### Requirement 1: Export\n\n#### Acceptance Criteria\n\n1. WHEN asked THEN THE App SHALL export\n2. THE App SHALL log it\n';
    const reading = levelOf('kiro', 'requirements', text);
    assert.deepStrictEqual(
      { level: reading?.level, requirements: reading?.requirements, criteria: reading?.criteria },
      { level: 'high', requirements: 1, criteria: 2 },
    );
  });

  it('rates a requirements file with structure but nothing read as none, and names its headings', () => {
    const reading = levelOf(
      'kiro',
      'requirements',
      '# Search\n\n## Goals ##\n\n- Find notes by any word\n- Results while typing\n\n## Non-goals\n\n- Fuzzy search\n\n## C#\n',
    );
    assert.strictEqual(reading?.level, 'none');
    // Closing hashes are dropped; a hash that is part of the text stays.
    assert.deepStrictEqual(reading?.headings, ['## Goals', '## Non-goals', '## C#']);
  });

  it('rates a title over a few lines of prose (a stub, a prose plan) as empty, not unread', () => {
    assert.strictEqual(levelOf('speckit', 'spec', '# Feature 3\n\n> Status: done\n\n*Copied from the root spec; see there.*\n')?.level, 'empty');
    assert.strictEqual(levelOf('kiro', 'tasks', '# Plan\n\nWe build the exporter first.\nThen the importer.\nThen docs.\n')?.level, 'empty');
  });

  it('rates a tasks file whose checkbox items were only partly read as partial', () => {
    const text = '# Tasks\n\n- [x] T001 Save notes\n- [x] ~~T002~~ ~~Sync~~ dropped\n- [ ] T003 List notes\n- [ ] ~~T004~~ dropped\n';
    const reading = levelOf('speckit', 'tasks', text);
    assert.deepStrictEqual({ level: reading?.level, tasks: reading?.tasks, candidates: reading?.candidates }, { level: 'partial', tasks: 2, candidates: 4 });
  });

  it('rates a requirement whose list items were not read as criteria as partial, and one with no items at all as high', () => {
    const unread = '# Spec\n\n### Requirement: Sign-in\nThe system SHALL sign users in.\n\n1. User opens the page\n2. User types a password\n';
    assert.strictEqual(levelOf('openspec', 'spec', unread)?.level, 'partial');
    const bare = '# Spec\n\n### Requirement: Sign-in\nThe system SHALL sign users in.\n\n#### Scenario: ok\n- **WHEN** asked\n- **THEN** done\n';
    assert.strictEqual(levelOf('openspec', 'spec', bare)?.level, 'high');
  });

  it('does not rate files whose role holds no requirements or tasks', () => {
    assert.strictEqual(levelOf('kiro', 'design', '# Design\n\n## Overview\n\nText.\n'), undefined);
  });
});
