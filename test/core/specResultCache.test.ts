// @spec specthread-core#21.3
import * as assert from 'assert';
import { DEFAULT_SETTINGS, SpecThreadSettings } from '../../shared/settings';
import { createBaseline, parseBaseline, serializeBaseline } from '../../server/src/core/baseline/baseline';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { SpecRule } from '../../server/src/core/checks/rule';
import { Engine, EngineOptions, SpecResultCache } from '../../server/src/core/engine';
import { Finding } from '../../server/src/core/findings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';

/**
 * A spec's own findings are taken from the warm cache only under exactly the inputs they were
 * computed from: the same text gives a hit (a planted message shows it is used), other settings or
 * baselines never do, and an engine with test seams (extra rules, another parser) never asks.
 */
const SPEC = '/ws/.kiro/specs/search';
const FILES = {
  [`${SPEC}/requirements.md`]: `# Requirements Document

## Introduction

Search.

## Requirements

### Requirement 1: Search

**User Story:** As a user, I want to search, so that I find documents.

#### Acceptance Criteria

1. WHEN a query is submitted THE Search_Service SHALL return a snappy answer quickly

### Requirement 3: More

**User Story:** As a user, I want more, so that I rest.

#### Acceptance Criteria

1. THE Search_Service SHALL log every query
`,
};

/** A cache in memory that counts what the engine asked and recorded. */
class MemoryResults implements SpecResultCache {
  readonly stored = new Map<string, { inputs: string; findings: readonly Finding[] }>();
  asked = 0;
  recorded = 0;
  ownFindings(specDir: string, inputs: string): readonly Finding[] | undefined {
    this.asked++;
    const entry = this.stored.get(specDir);
    return entry?.inputs === inputs ? entry.findings : undefined;
  }
  putOwnFindings(specDir: string, inputs: string, findings: readonly Finding[]): void {
    this.recorded++;
    this.stored.set(specDir, { inputs, findings });
  }
}

async function findings(
  cache: SpecResultCache | undefined,
  settings: SpecThreadSettings = DEFAULT_SETTINGS,
  options: EngineOptions = {},
  accept = false,
): Promise<string[]> {
  const engine = new Engine(new MemoryWorkspace(['/ws'], FILES), settings, options);
  await engine.indexWorkspace(NEVER_CANCELLED);
  if (accept) {
    const all = new Engine(new MemoryWorkspace(['/ws'], FILES), settings);
    await all.indexWorkspace(NEVER_CANCELLED);
    const some = all.findingsForSpec(SPEC, NEVER_CANCELLED).slice(0, 1);
    const file = createBaseline(some, '/ws', (p) => all.textOf(p));
    engine.setBaselines([parseBaseline(serializeBaseline(file), '/ws')!]);
  }
  engine.useSpecResults(cache);
  const list = engine.findingsForSpec(SPEC, NEVER_CANCELLED);
  engine.useSpecResults(undefined);
  return list.map((f) => `${f.code} ${f.range.start.line}:${f.range.start.character} ${f.message}`);
}

describe('engine: cached spec results', () => {
  it('records a cold run, and a second engine on the same inputs takes the stored findings', async () => {
    const cache = new MemoryResults();
    const cold = await findings(cache);
    assert.ok(cold.length > 0);
    assert.strictEqual(cache.recorded, 1);
    assert.deepStrictEqual(await findings(cache), cold);
    assert.strictEqual(cache.recorded, 1);
    const entry = cache.stored.get(SPEC)!;
    cache.stored.set(SPEC, { ...entry, findings: entry.findings.map((f) => ({ ...f, message: 'planted' })) });
    const planted = (await findings(cache)).filter((f) => f.endsWith(' planted'));
    assert.strictEqual(planted.length, entry.findings.length);
  });

  it('other settings or other baselines are other inputs: the rules run, and the answer is a fresh engine’s', async () => {
    const settings: SpecThreadSettings = { ...DEFAULT_SETTINGS, terms: { 'quality.vague-term': { add: ['snappy'] } } };
    for (const [s, accept] of [
      [settings, false],
      [DEFAULT_SETTINGS, true],
    ] as const) {
      const cache = new MemoryResults();
      await findings(cache);
      const entry = cache.stored.get(SPEC)!;
      cache.stored.set(SPEC, { ...entry, findings: [] });
      assert.deepStrictEqual(await findings(cache, s, {}, accept), await findings(undefined, s, {}, accept));
      assert.strictEqual(cache.recorded, 2);
    }
  });

  it('an engine with rules from outside the registry or a replaced parser never asks', async () => {
    const cache = new MemoryResults();
    const boom = {
      meta: { code: 'test.boom', defaultSeverity: 'warning', summary: 'throws', badExample: '', goodExample: '' },
      check: () => {
        throw new Error('boom');
      },
    } as unknown as SpecRule;
    await findings(cache, DEFAULT_SETTINGS, { extraRules: { spec: [boom] } });
    const throwing = await findings(cache, DEFAULT_SETTINGS, {
      parse: () => {
        throw new Error('parser broke');
      },
    });
    assert.ok(
      throwing.some((f) => f.startsWith('internal.error')),
      throwing.join('\n'),
    );
    assert.deepStrictEqual([cache.asked, cache.recorded], [0, 0]);
  });
});
