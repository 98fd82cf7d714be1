// @spec specthread-core#15.2, specthread-core#6.2
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { RULE_REGISTRY } from '../../server/src/core/checks/registry';
import { Finding } from '../../server/src/core/findings';
import { engineFor } from '../helpers/fixtures';

/**
 * The bad and good examples of the rule reference (docs/rules.md) run as tests: each is put into
 * the file its rule reads, in a minimal workspace, with the rule switched on. The bad one must
 * produce the rule's finding, the good one none. Examples that are prose rather than a file's
 * text are listed in EXEMPT with the reason.
 *
 * Conventions the examples follow, read here rather than spelt out in the docs:
 * - text after three spaces in parentheses at the end of a line, `   (like this)`, is an
 *   annotation for the reader, and a line that is only `…` or `(…)` stands for omitted text;
 * - a first line `// src/auth/tokens.ts` names the file the example is;
 * - an annotation `(path: \`text\`)` describes another file of the workspace.
 */

type Files = Record<string, string>;

const KIRO = '.kiro/specs/user-auth';
const REQUIREMENTS_HEAD = '# Requirements\n\n## Introduction\n\nSign-in for the web app.\n\n';
/** A Kiro requirements.md whose requirement 2 has criteria 2.1–2.6, as the link examples say. */
const KIRO_REQUIREMENTS = [
  REQUIREMENTS_HEAD,
  ...[1, 2].map(
    (n) =>
      `### Requirement ${n}: Part ${n}\n\n**User Story:** As a user, I want part ${n}, so that it works.\n\n#### Acceptance Criteria\n\n${[1, 2, 3, 4, 5, 6].map((i) => `${i}. WHEN event ${i} occurs, THE Auth_Service SHALL handle event ${i}`).join('\n')}\n\n`,
  ),
].join('');
/** The spec the trace examples point into: criterion 1.2 is the one the examples talk about. */
const TRACED_REQUIREMENTS = `${REQUIREMENTS_HEAD}### Requirement 1: Sessions\n\n#### Acceptance Criteria\n\n1. WHEN a user signs in THEN THE Auth_Service SHALL create a session\n`;
/** Criterion 1.1 is implemented and verified, so the spec is traced and only 1.2 is in question. */
const TRACED_CODE: Files = {
  'src/auth/session.ts': '// @spec user-auth#1.1\nexport function createSession() {}\n',
  'test/session.test.ts': "it('user-auth#1.1 creates a session', () => {});\n",
};
const OPENSPEC_SPEC = 'openspec/specs/auth/spec.md';
const OPENSPEC_DELTA = 'openspec/changes/rework-auth/specs/auth/spec.md';
/** The current OpenSpec spec the delta examples change: "Session timeout" and "Login" with two scenarios. */
const OPENSPEC_BASE = [
  '# auth Specification',
  '',
  '## Purpose',
  'How users prove who they are and how long a session lasts.',
  '',
  '## Requirements',
  '### Requirement: Session timeout',
  'The system SHALL end a session after 30 minutes without activity.',
  '',
  '#### Scenario: Idle session',
  '- **WHEN** a session is idle for 30 minutes',
  '- **THEN** the session ends',
  '',
  '### Requirement: Login',
  'The system SHALL sign a user in with a password.',
  '',
  '#### Scenario: Wrong password',
  '- **WHEN** the password is wrong',
  '- **THEN** the sign-in is refused',
  '',
  '#### Scenario: Locked account',
  '- **WHEN** the account is locked',
  '- **THEN** the sign-in is refused',
  '',
].join('\n');
const OPENSPEC_PROPOSAL: Files = {
  'openspec/changes/rework-auth/proposal.md': '# Change: Rework auth\n\n## Why\nSessions must be safer.\n\n## What Changes\n- Session handling\n',
};
const SPECKIT_SPEC = (feature: string, body: string) => `# Feature Specification: ${feature}\n\n${body}\n`;
const speckitStories = [1, 2, 3]
  .map(
    (n) =>
      `### User Story ${n} - Story ${n} (Priority: P${n})\n\nStory ${n}.\n\n**Acceptance Scenarios**:\n\n1. **Given** a user, **When** they act, **Then** it works\n`,
  )
  .join('\n');
const speckitRequirements = Array.from({ length: 12 }, (_, i) => `- **FR-${String(i + 1).padStart(3, '0')}**: System MUST do thing ${i + 1}.`).join('\n');

/** What the wrappers below receive: the example without its annotations, and the files its annotations describe. */
interface Example {
  readonly text: string;
  readonly files: Files;
}

const kiroCriteria = (e: Example): Files => ({
  [`${KIRO}/requirements.md`]: `${REQUIREMENTS_HEAD}${e.text.includes('### Requirement') ? '' : '### Requirement 1: Feature\n\n**User Story:** As a user, I want the feature, so that it works.\n\n#### Acceptance Criteria\n\n'}${e.text}\n`,
});
const kiroRequirements = (e: Example): Files => ({ [`${KIRO}/requirements.md`]: `${REQUIREMENTS_HEAD}${e.text}\n` });
const kiroTasks = (e: Example): Files => ({ [`${KIRO}/requirements.md`]: KIRO_REQUIREMENTS, [`${KIRO}/tasks.md`]: `# Implementation Plan\n\n${e.text}\n` });
const steering = (e: Example): Files => ({
  '.kiro/steering/components.md': e.text.startsWith('---')
    ? `${e.text}\n\nUse function components.\n`
    : `---\ninclusion: fileMatch\n${e.text}\n---\n\nUse function components.\n`,
});
const openspecSpec = (e: Example): Files => {
  let text = e.text;
  if (!/^## Requirements/m.test(text) && /^### Requirement/m.test(text)) text = `## Requirements\n${text}`;
  if (!/^## Purpose/m.test(text) && !/^# /m.test(text)) text = `## Purpose\nHow users prove who they are and how long a session lasts.\n\n${text}`;
  if (!/^# /m.test(text)) text = `# auth Specification\n\n${text}`;
  return { [OPENSPEC_SPEC]: `${text}\n` };
};
const openspecDelta = (e: Example): Files => ({ [OPENSPEC_SPEC]: OPENSPEC_BASE, ...OPENSPEC_PROPOSAL, [OPENSPEC_DELTA]: `${e.text}\n` });
const traced = (e: Example): Files => ({
  [`${KIRO}/requirements.md`]: `${TRACED_REQUIREMENTS}2. WHEN a token expires THEN THE Auth_Service SHALL reject it\n`,
  ...TRACED_CODE,
  'src/auth/example.ts': `${e.text}\n`,
});

/** Which file each rule's examples are put into, and what else the workspace holds. */
const WRAPPERS: Record<string, (e: Example) => Files> = {
  // EARS and quality rules read criteria; the entries below replace this default where needed.
  ...Object.fromEntries(
    RULE_REGISTRY.filter((r) => /^(ears|quality)\./.test(r.meta.code) && r.scope === 'spec' && r.meta.code !== 'quality.too-many-clarifications').map((r) => [
      r.meta.code,
      kiroCriteria,
    ]),
  ),
  'link.unknown-ref': kiroTasks,
  'format.unrecognized': (e) => ({ [`${KIRO}/requirements.md`]: `${e.text}\n` }),
  'structure.duplicate-id': kiroRequirements,
  'structure.numbering-gap': kiroRequirements,
  'structure.requirement-without-criteria': kiroRequirements,
  'coverage.requirement-without-task': (e) => ({
    [`${KIRO}/requirements.md`]: KIRO_REQUIREMENTS.replace(
      /### Requirement 2[^]*$/,
      '### Requirement 4: Audit log\n\n#### Acceptance Criteria\n\n1. WHEN a user signs in, THE Auth_Service SHALL log it\n2. WHEN a user signs out, THE Auth_Service SHALL log it\n',
    ),
    [`${KIRO}/tasks.md`]: `# Implementation Plan\n\n- [ ] 1. Part 1\n  - _Requirements: 1.1, 1.2, 1.3, 1.4, 1.5, 1.6_\n${e.text.startsWith('- [') ? `${e.text}\n` : ''}`,
  }),
  'task.parent-done-open-subtask': kiroTasks,
  'ears.unknown-system': (e) =>
    kiroCriteria({
      ...e,
      text: e.text.startsWith('## Glossary')
        ? e.text.replace(/\n1\. /, '\n### Requirement 1: Sign in\n\n#### Acceptance Criteria\n\n1. ')
        : `## Glossary\n- **Auth_Service**: verifies credentials\n\n### Requirement 1: Sign in\n\n#### Acceptance Criteria\n\n${e.text}`,
    }),
  'quality.too-many-clarifications': (e) => ({
    'specs/001-user-auth/spec.md': SPECKIT_SPEC('User auth', `## User Scenarios & Testing\n\n${speckitStories}\n${e.text}`),
  }),
  'structure.requirement-too-long': openspecSpec,
  'link.unknown-story': (e) => ({
    'specs/001-user-auth/spec.md': SPECKIT_SPEC('User auth', `## User Scenarios & Testing\n\n${speckitStories}`),
    'specs/001-user-auth/tasks.md': `# Tasks\n\n${e.text}\n`,
  }),
  'structure.story-without-scenarios': (e) => ({ 'specs/001-user-auth/spec.md': SPECKIT_SPEC('User auth', `## User Scenarios & Testing\n\n${e.text}`) }),
  // The constitution matters only where spec-kit is used: the example workspace has a feature spec.
  'structure.template-placeholder': (e) => ({
    '.specify/memory/constitution.md': `# Project Constitution\n\n## Core Principles\n\n${e.text}\n`,
    'specs/001-user-auth/spec.md': SPECKIT_SPEC('User auth', `## User Scenarios & Testing\n\n${speckitStories}`),
  }),
  'structure.missing-section': (e) => ({ [OPENSPEC_SPEC]: `${e.text}\n` }),
  'structure.missing-purpose': openspecSpec,
  'structure.foreign-sections': openspecSpec,
  // The examples list the change's files; a delta file listed gets a valid ADDED entry.
  'structure.change-without-deltas': (e) => ({
    [OPENSPEC_SPEC]: OPENSPEC_BASE,
    ...OPENSPEC_PROPOSAL,
    ...(e.text.includes('/specs/')
      ? {
          [OPENSPEC_DELTA]:
            '## ADDED Requirements\n### Requirement: Passkeys\nThe system SHALL accept passkeys.\n\n#### Scenario: Passkey\n- **WHEN** a user signs in with a passkey\n- **THEN** the sign-in succeeds\n',
        }
      : {}),
  }),
  'structure.section-length': openspecSpec,
  'structure.requirement-without-shall': openspecSpec,
  'structure.requirement-without-scenario': openspecSpec,
  'structure.spec-without-scenarios': openspecSpec,
  'structure.ignored-content': openspecDelta,
  'structure.delta-shape': openspecDelta,
  'structure.delta-conflict': openspecDelta,
  'task.wrong-group': (e) => ({
    ...OPENSPEC_PROPOSAL,
    'openspec/changes/rework-auth/tasks.md': `## 1. Code\n- [ ] 1.1 Write it\n\n## 2. Tests\n- [ ] 2.1 Test it\n\n${e.text}\n`,
  }),
  'structure.steering-front-matter': steering,
  'structure.kiro-file-shape': (e) => ({ '.kiro/hooks/lint.kiro.hook': `${e.text}\n` }),
  'link.pattern-too-complex': steering,
  'link.pattern-matches-nothing': (e) => ({ ...steering(e), 'src/components/Button.tsx': 'export const Button = () => null;\n' }),
  'link.unknown-spec-ref': (e) => ({
    'specs/001-user-auth/spec.md': SPECKIT_SPEC('User auth', `## Requirements\n\n### Functional Requirements\n\n${speckitRequirements}`),
    'specs/002-export/spec.md': SPECKIT_SPEC('Export', e.text),
  }),
  'link.unknown-delta-target': openspecDelta,
  'structure.delta-target-exists': openspecDelta,
  'structure.dropped-scenarios': openspecDelta,
  'structure.conflicting-changes': (e) => {
    // The example lists one delta per line: `path: OPERATION "Requirement name"`.
    const files: Files = { [OPENSPEC_SPEC]: OPENSPEC_BASE };
    for (const line of e.text.split('\n')) {
      const m = /^(\S+): (ADDED|MODIFIED|REMOVED) "(.+)"$/.exec(line);
      assert.ok(m, `unreadable delta line: ${line}`);
      const change = m[1].split('/')[1];
      files[`openspec/${m[1]}`] =
        `## ${m[2]} Requirements\n### Requirement: ${m[3]}\nThe system SHALL sign a user in with a password or a passkey.\n\n#### Scenario: Wrong password\n- **WHEN** the password is wrong\n- **THEN** the sign-in is refused\n\n#### Scenario: Locked account\n- **WHEN** the account is locked\n- **THEN** the sign-in is refused\n`;
      files[`openspec/changes/${change}/proposal.md`] = `# Change: ${change}\n\n## Why\nBecause.\n\n## What Changes\n- Login\n`;
    }
    return files;
  },
  'trace.suspect': traced,
  'coverage.criterion-not-implemented': (e) =>
    e.files['src/auth/tokens.ts'] !== undefined || e.text.includes('@spec')
      ? { [`${KIRO}/requirements.md`]: `${TRACED_REQUIREMENTS}2. WHEN a token expires THEN THE Auth_Service SHALL reject it\n`, ...TRACED_CODE }
      : { [`${KIRO}/requirements.md`]: `${TRACED_REQUIREMENTS}${e.text}\n`, ...TRACED_CODE },
  'coverage.criterion-not-verified': (e) =>
    e.text.startsWith('it(')
      ? {
          [`${KIRO}/requirements.md`]: `${TRACED_REQUIREMENTS}2. WHEN a token expires THEN THE Auth_Service SHALL reject it\n`,
          ...TRACED_CODE,
          'test/tokens.test.ts': `${e.text}\n`,
        }
      : { [`${KIRO}/requirements.md`]: `${TRACED_REQUIREMENTS}${e.text}\n`, ...TRACED_CODE },
  'task.done-without-code': (e) => ({
    [`${KIRO}/requirements.md`]: `${TRACED_REQUIREMENTS}2. WHEN a token expires THEN THE Auth_Service SHALL reject it\n`,
    ...TRACED_CODE,
    [`${KIRO}/tasks.md`]: `# Implementation Plan\n\n${e.text}\n`,
  }),
  'task.missing-file': (e) => ({
    [`${KIRO}/requirements.md`]: TRACED_REQUIREMENTS,
    [`${KIRO}/tasks.md`]: `# Implementation Plan\n\n${e.text}\n`,
    'src/session/memoryStore.ts': 'export class MemoryStore {}\n',
    'src/session/tokens.ts': 'export class Tokens {}\n',
  }),
  'config.invalid': (e) => ({ 'specthread.json': e.text, 'docs/specs/user-auth/requirements.md': TRACED_REQUIREMENTS }),
};

/** Rules whose examples are not a file's text, or only half of one; each with the reason. */
const EXEMPT: Record<string, { readonly side: 'bad' | 'good' | 'both'; readonly reason: string }> = {
  'internal.error': { side: 'both', reason: 'fires only on a bug; test/core/faults.test.ts makes rules and parsers throw' },
  'file.skipped': { side: 'both', reason: 'a host note (binary, oversized, unreadable file); test/core/fileNotes.test.ts' },
  'file.encoding': { side: 'both', reason: 'a host note (a file not in UTF-8); test/core/fileNotes.test.ts' },
  'quality.too-many-clarifications': { side: 'bad', reason: 'the example shows one of the four markers the rule needs' },
  'structure.requirement-too-long': { side: 'bad', reason: 'the example elides the 600 characters that make it too long' },
  'coverage.test-failed': { side: 'both', reason: 'reads a JUnit report given with --test-results; test/core/testResults.test.ts runs both examples' },
  'trace.suspect': { side: 'good', reason: 'a correct pin is a hash of criterion text the example does not show' },
};

/** Strips the reader's annotations; returns the example's text and the files its annotations describe. */
function readExample(raw: string): Example {
  const files: Files = {};
  const lines: string[] = [];
  for (const line of raw.split('\n')) {
    const file = /^\((\S+): `(.+)`\)$/.exec(line.trim());
    if (file) {
      files[file[1]] = `${file[2]}\n`;
      continue;
    }
    if (/^(…|\(.*\))$/.test(line.trim())) continue;
    lines.push(line.replace(/ {3,}\(.*\)$/, ''));
  }
  // A first line `// path` names the file the example is.
  const named = /^\/\/ (\S+\.\w+)$/.exec(lines[0] ?? '');
  if (named) files[named[1]] = `${lines.slice(1).join('\n')}\n`;
  return { text: lines.join('\n'), files };
}

async function findingsOf(code: string, raw: string): Promise<Finding[]> {
  const example = readExample(raw);
  const files = { ...WRAPPERS[code](example), ...example.files };
  // The rule is switched on (some are opt-in), unless the example is the config file itself.
  if (!files['specthread.json']) files['specthread.json'] = JSON.stringify({ rules: { [code]: 'warning' } });
  const engine = await engineFor(files);
  return [...engine.configFindings(NEVER_CANCELLED), ...engine.allFindings(NEVER_CANCELLED)].filter((f) => f.code === code);
}

describe('rule reference examples run as tests (bad fires, good does not)', () => {
  const exempt = RULE_REGISTRY.filter((r) => EXEMPT[r.meta.code]);

  it(`every rule has a fixture wrapper or a listed exemption (${exempt.length} exemptions)`, () => {
    const missing = RULE_REGISTRY.filter((r) => !WRAPPERS[r.meta.code] && EXEMPT[r.meta.code]?.side !== 'both').map((r) => r.meta.code);
    assert.deepStrictEqual(missing, []);
    const stale = [...Object.keys(WRAPPERS), ...Object.keys(EXEMPT)].filter((code) => !RULE_REGISTRY.some((r) => r.meta.code === code));
    assert.deepStrictEqual(stale, []);
    for (const r of exempt) console.log(`      exempt ${r.meta.code} (${EXEMPT[r.meta.code].side}): ${EXEMPT[r.meta.code].reason}`);
  });

  for (const { meta } of RULE_REGISTRY) {
    const skip = EXEMPT[meta.code]?.side;
    if (skip === 'both') continue;
    if (skip !== 'bad') {
      it(`${meta.code}: the bad example is flagged`, async () => {
        const found = await findingsOf(meta.code, meta.bad);
        assert.ok(found.length > 0, `${meta.code} did not fire on its bad example`);
        // A rule whose findings carry their own quick fix says so in its doc.
        if (found.some((f) => f.fixes?.length)) assert.ok(meta.fixable, `${meta.code} reports fixes but is not marked fixable`);
      });
    }
    if (skip !== 'good') {
      it(`${meta.code}: the good example is not`, async () => {
        const found = await findingsOf(meta.code, meta.good);
        assert.deepStrictEqual(
          found.map((f) => `${f.path}:${f.range.start.line + 1} ${f.message}`),
          [],
        );
      });
    }
  }
});
