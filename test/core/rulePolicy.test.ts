// @spec specthread-core#15.2, specthread-core#7.3
import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { loadWorkspaceConfig } from '../../server/src/core/config/configFile';
import { Engine } from '../../server/src/core/engine';
import { Finding } from '../../server/src/core/findings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { TraceRule } from '../../server/src/core/trace/rules/traceRule';

/**
 * One severity policy for every rule family: a rule code or family in `rules`, and per-path
 * `overrides`, reach per-spec rules, cross-spec rules, trace and coverage rules, the file notes
 * and config problems alike. Before issue 9 only per-spec rules honoured overrides, and the trace
 * rules ignored severities set in specthread.json.
 */
const R = '/ws';
const S = `${R}/.kiro/specs/auth`;

/** One workspace in which every family reports at least one finding, each in a file of its own. */
function workspace(config: object): MemoryWorkspace {
  const ws = new MemoryWorkspace([R], {
    [`${S}/requirements.md`]: [
      '# Requirements',
      '',
      '### Requirement 1: Login',
      '',
      '#### Acceptance Criteria',
      '',
      '1. WHEN a user logs in THEN the system SHALL start a session',
      '2. WHEN a token expires THEN the system SHALL reject it',
      '',
    ].join('\n'),
    [`${S}/tasks.md`]: ['# Tasks', '', '- [ ] 1. Start sessions', '  - _Requirements: 1.1, 1.2, 2.7_', ''].join('\n'),
    [`${S}/design.md`]: '# Design\n\nPlain.\n',
    [`${R}/specs/001-export/spec.md`]: '# Feature Specification: Export\n\nSee also 003-billing#FR-001.\n',
    [`${R}/src/auth.ts`]: '// @spec auth#1.1@000000\n// @spec auth#9.9\nexport const x = 1;\n',
    // `bogus` is not in the schema: the config file itself has a config.invalid problem.
    [`${R}/specthread.json`]: JSON.stringify({ bogus: 1, ...config }),
  });
  ws.simulate(`${S}/design.md`, 'not-utf8', 'it is not UTF-8; it was read as Windows-1252');
  return ws;
}

/** How the settings reach the engine: loaded from specthread.json as the CLI and server do, or read by the engine itself. */
type Route = 'loaded config' | 'engine-read config';

async function findings(config: object, route: Route, extra?: { trace?: TraceRule[] }): Promise<Finding[]> {
  const ws = workspace(config);
  const settings = route === 'loaded config' ? (await loadWorkspaceConfig(ws, NEVER_CANCELLED)).settings : DEFAULT_SETTINGS;
  const engine = new Engine(ws, settings, extra ? { extraRules: extra } : {});
  await engine.indexWorkspace(NEVER_CANCELLED);
  return [...engine.configFindings(NEVER_CANCELLED), ...engine.allFindings(NEVER_CANCELLED)];
}

interface Case {
  readonly family: string;
  readonly code: string;
  readonly path: string;
  /** A workspace-relative glob that matches `path`. */
  readonly glob: string;
}

const CASES: readonly Case[] = [
  { family: 'per-spec rule', code: 'link.unknown-ref', path: `${S}/tasks.md`, glob: '.kiro/specs/*/tasks.md' },
  { family: 'workspace (cross-spec) rule', code: 'link.unknown-spec-ref', path: `${R}/specs/001-export/spec.md`, glob: 'specs/**' },
  { family: 'trace rule', code: 'trace.suspect', path: `${R}/src/auth.ts`, glob: 'src/**' },
  { family: 'trace rule sharing a spec rule code', code: 'link.unknown-ref', path: `${R}/src/auth.ts`, glob: 'src/**' },
  { family: 'coverage rule', code: 'coverage.criterion-not-implemented', path: `${S}/requirements.md`, glob: '**/requirements.md' },
  { family: 'file note', code: 'file.encoding', path: `${S}/design.md`, glob: '**/design.md' },
  { family: 'config rule', code: 'config.invalid', path: `${R}/specthread.json`, glob: 'specthread.json' },
];

const at = (all: readonly Finding[], c: Case) => all.filter((f) => f.code === c.code && f.path === c.path);
const family = (code: string) => code.slice(0, code.indexOf('.'));

describe('one severity policy for every rule family', () => {
  for (const c of CASES) {
    describe(`${c.family} (${c.code})`, () => {
      it('is reported with its default severity when nothing is configured', async () => {
        const found = at(await findings({}, 'loaded config'), c);
        assert.ok(found.length > 0, `expected ${c.code} on ${c.path}`);
      });

      for (const route of ['loaded config', 'engine-read config'] as const) {
        it(`"rules": { code: "off" } and { family: "off" } turn it off (${route})`, async () => {
          assert.deepStrictEqual(at(await findings({ rules: { [c.code]: 'off' } }, route), c), []);
          assert.deepStrictEqual(at(await findings({ rules: { [family(c.code)]: 'off' } }, route), c), []);
        });

        it(`"rules": { code: "hint" } changes its severity (${route})`, async () => {
          const found = at(await findings({ rules: { [c.code]: 'hint' } }, route), c);
          assert.ok(found.length > 0);
          assert.deepStrictEqual([...new Set(found.map((f) => f.severity))], ['hint']);
        });
      }

      it('an override whose files match its path turns it off there, and only there', async () => {
        const all = await findings({ overrides: [{ files: [c.glob], rules: { [c.code]: 'off' } }] }, 'loaded config');
        assert.deepStrictEqual(at(all, c), []);
        // Everything else is still reported: the override did not switch the whole pass off.
        // (No case's glob matches another case's file, so every other case must still show.)
        const others = CASES.filter((o) => o !== c);
        for (const o of others) assert.ok(at(all, o).length > 0, `${o.code} on ${o.path} should still be reported`);
      });

      it('an override by family changes its severity on matching paths; one on other paths changes nothing', async () => {
        const lowered = at(await findings({ overrides: [{ files: [c.glob], rules: { [family(c.code)]: 'hint' } }] }, 'loaded config'), c);
        assert.ok(lowered.length > 0);
        assert.deepStrictEqual([...new Set(lowered.map((f) => f.severity))], ['hint']);
        const elsewhere = await findings({ overrides: [{ files: ['nowhere/**'], rules: { [c.code]: 'off' } }] }, 'loaded config');
        assert.deepStrictEqual(at(elsewhere, c), at(await findings({}, 'loaded config'), c));
      });

      it('an override turns it back on where "rules" turned it off', async () => {
        const found = at(await findings({ rules: { [c.code]: 'off' }, overrides: [{ files: [c.glob], rules: { [c.code]: 'warning' } }] }, 'loaded config'), c);
        assert.ok(found.length > 0);
        assert.deepStrictEqual([...new Set(found.map((f) => f.severity))], ['warning']);
      });
    });
  }

  it('internal.error cannot be turned off or lowered, by rule, family or override', async () => {
    const throwing: TraceRule = {
      meta: { code: 'test.throws', defaultSeverity: 'warning', summary: '', description: '', bad: '', good: '' },
      check() {
        throw new Error('boom');
      },
    };
    const config = {
      rules: { 'internal.error': 'off', internal: 'off' },
      overrides: [{ files: ['**'], rules: { 'internal.error': 'hint', internal: 'off' } }],
    };
    for (const route of ['loaded config', 'engine-read config'] as const) {
      const faults = (await findings(config, route, { trace: [throwing] })).filter((f) => f.code === 'internal.error');
      assert.deepStrictEqual(
        faults.map((f) => [f.severity, f.message.includes('trace rule test.throws')]),
        [['error', true]],
        route,
      );
    }
  });
});
