// @spec specthread-core#15.4
import * as assert from 'assert';
import { DEFAULT_SETTINGS, SpecThreadSettings } from '../../shared/settings';
import { AnalysisCache } from '../../server/src/core/analysisCache';
import { BoundedMap } from '../../server/src/core/boundedMap';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { Finding } from '../../server/src/core/findings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { earsOf } from '../../server/src/core/requirements/ears';
import { findTerms } from '../../server/src/core/requirements/terms';

/**
 * Memo tables belong to one engine (issue 9, item 4): two engines in one process, with different
 * term lists and clause orders, each see their own settings however their runs interleave, and
 * a memoised result of one cache is never handed out by another.
 */
const SPEC = '/ws/.kiro/specs/search';
const requirements = (extra = '') => `# Requirements Document

## Introduction

Search.

## Requirements

### Requirement 1: Search

**User Story:** As a user, I want to search, so that I find documents.

#### Acceptance Criteria

1. WHEN a query is submitted, WHILE the index is loading, THE Search_Service SHALL return a snappy answer
${extra}`;

const WITH_SNAPPY: SpecThreadSettings = { ...DEFAULT_SETTINGS, terms: { 'quality.vague-term': { add: ['snappy'] } } };
const WHEN_FIRST: SpecThreadSettings = { ...DEFAULT_SETTINGS, ears: { clauseOrder: ['WHEN|IF', 'WHILE', 'WHERE'] } };

async function engineWith(settings: SpecThreadSettings): Promise<Engine> {
  const engine = new Engine(new MemoryWorkspace(['/ws'], { [`${SPEC}/requirements.md`]: requirements() }), settings);
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine;
}

/** The codes of the two rules whose settings differ, with the words they flag. */
function reported(engine: Engine): string[] {
  const text = engine.textOf(`${SPEC}/requirements.md`)!.split('\n');
  const words = (f: Finding) => text[f.range.start.line].slice(f.range.start.character, f.range.end.character);
  return engine
    .findingsForSpec(SPEC, NEVER_CANCELLED)
    .filter((f) => f.code === 'quality.vague-term' || f.code === 'ears.clause-order')
    .map((f) => `${f.code} ${words(f)}`);
}

describe("engine caches: one engine never sees another engine's memoised results", () => {
  it('two engines with different term lists and clause orders each report by their own settings, across interleaved runs and edits', async () => {
    const snappy = await engineWith(WITH_SNAPPY);
    const whenFirst = await engineWith(WHEN_FIRST);
    const expectSnappy = ['ears.clause-order WHILE', 'quality.vague-term snappy'];
    for (let round = 0; round < 3; round++) {
      assert.deepStrictEqual(reported(snappy), expectSnappy, `round ${round}: the engine that adds 'snappy' and keeps the default order`);
      assert.deepStrictEqual(reported(whenFirst), [], `round ${round}: the engine with the default terms and WHEN first`);
      // The same edit in both engines: the criterion is unchanged, so its memoised shape and term
      // matches are hit again, each in its own engine's cache.
      const edit = requirements('\n'.repeat(round + 1));
      snappy.setText(`${SPEC}/requirements.md`, edit, NEVER_CANCELLED);
      whenFirst.setText(`${SPEC}/requirements.md`, edit, NEVER_CANCELLED);
    }
  });

  it('an engine made after another with the same criterion still applies its own settings', async () => {
    const first = await engineWith(WHEN_FIRST);
    assert.deepStrictEqual(reported(first), []);
    const second = await engineWith(WITH_SNAPPY);
    assert.deepStrictEqual(reported(second), ['ears.clause-order WHILE', 'quality.vague-term snappy']);
    assert.deepStrictEqual(reported(first), []);
  });

  it('a memoised EARS shape comes from the cache it was stored in, and from no other', () => {
    const statement = { text: 'WHEN a query is submitted, THE Search_Service SHALL answer', codeSpans: [] };
    const a = new AnalysisCache();
    const b = new AnalysisCache();
    const fromA = earsOf(statement, a);
    assert.strictEqual(earsOf(statement, a), fromA, 'memoised within one cache');
    // Shapes are memoised by statement object only: the engine keeps unchanged statements' findings.
    assert.deepStrictEqual(earsOf({ ...statement }, a), fromA);
    const fromB = earsOf(statement, b);
    assert.notStrictEqual(fromB, fromA, 'another cache computes its own');
    assert.deepStrictEqual(fromB, fromA);
    a.clear();
    assert.notStrictEqual(earsOf(statement, a), fromA, 'clear forgets every table');
    assert.notStrictEqual(earsOf(statement), earsOf(statement), 'without a cache nothing is memoised');
  });

  it('term matches are the same in every cache and without one (they are not memoised by text)', () => {
    const list = ['fast', 'snappy'];
    const text = 'THE Search_Service SHALL return a snappy answer, fast';
    const a = new AnalysisCache();
    const b = new AnalysisCache();
    const fromA = findTerms(text, list, a);
    assert.deepStrictEqual(
      fromA.map((m) => m.text),
      ['snappy', 'fast'],
    );
    assert.deepStrictEqual(findTerms(text, list, a), fromA);
    assert.deepStrictEqual(findTerms(text, list, b), fromA);
    assert.deepStrictEqual(findTerms('THE Search_Service SHALL answer', list, a), []);
    assert.deepStrictEqual(findTerms(text, list), fromA, 'the uncached path finds the same terms');
  });

  it('a bounded table never holds more than its capacity', () => {
    const map = new BoundedMap<number, number>(3);
    for (let i = 0; i < 10; i++) {
      map.set(i, i * i);
      assert.ok(map.size <= 3, `size ${map.size} after ${i + 1} sets`);
      assert.strictEqual(map.get(i), i * i, 'the entry just set is always there');
    }
  });
});
