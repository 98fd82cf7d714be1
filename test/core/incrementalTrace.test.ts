// @spec specthread-core#21.1
import * as assert from 'assert';
import fc from 'fast-check';
import { normalizeSettings } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { Finding } from '../../server/src/core/findings';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { FUZZ_SCALE, FUZZ_SEED } from '../fuzz/fuzzConfig';

/**
 * The incremental trace (requirement 21.1): an engine that is edited file by file (spec text,
 * code tags, pins, task mentions, deletions) reports exactly the findings and coverage of a fresh
 * engine indexed over the same files, whichever parts its caches kept.
 */

const ROOT = '/ws';
const SPECS = ['auth', 'auths', 'billing'];
const CODE = ['src/auth.ts', 'src/billing.ts', 'src/util.ts', 'test/auth.test.ts', 'test/billing.test.ts'];
const NAMED = ['src/auth.ts', 'src/billing.ts', 'src/gone.ts', 'src/util.ts', 'lib/other.ts'];

const specPath = (spec: string, file: string) => `${ROOT}/.kiro/specs/${spec}/${file}`;
/** spec-kit features: they cite each other (`001-auth#FR-002`, or `auth#FR-002` by alias). */
const FEATURES = ['001-auth', '002-export', '003-billing'];
const featurePath = (feature: string) => `${ROOT}/specs/${feature}/spec.md`;

function featureSpec(count: number, refs: readonly string[]): string {
  const frs = Array.from({ length: count }, (_, i) => `- **FR-00${i + 1}**: System MUST do thing ${i + 1}.`);
  return `# Feature Specification: F\n\nNeeds ${refs.join(', ') || 'nothing'}.\n\n## Requirements\n\n${frs.join('\n')}\n`;
}

/** A requirements.md with `counts[i]` criteria in requirement i + 1, and refs to other specs. */
function requirements(counts: readonly number[], refs: readonly string[]): string {
  const body = counts.map(
    (n, i) =>
      `### Requirement ${i + 1}: Part ${i + 1}\n\n**User Story:** As a user, I want part ${i + 1}, so that it works.\n\n#### Acceptance Criteria\n\n` +
      Array.from({ length: n }, (_, j) => `${j + 1}. WHEN event ${i}.${j} happens THE System SHALL respond ${j}`).join('\n'),
  );
  return `# Requirements Document\n\n## Introduction\n\nDepends on ${refs.join(', ') || 'nothing'}.\n\n## Requirements\n\n${body.join('\n\n')}\n`;
}

/** A tasks.md: ticked or open tasks citing criteria and naming files. */
function tasks(list: readonly { done: boolean; cites: string; file: string }[]): string {
  const items = list.map((t, i) => `- [${t.done ? 'x' : ' '}] ${i + 1}. Build part ${i + 1} in \`${t.file}\`\n  - _Requirements: ${t.cites}_`);
  return `# Implementation Plan\n\n${items.join('\n')}\n`;
}

const criterionRef = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([r, c]) => `${r}.${c}`);
const specName = fc.constantFrom(...SPECS, 'autth', 'nosuch');
const featureRef = fc
  .tuple(fc.constantFrom(...FEATURES, 'auth', 'export', '004-exports'), fc.integer({ min: 1, max: 4 }))
  .map(([name, n]) => `${name}#FR-00${n}`);
/** A tag in code: into a Kiro spec or a spec-kit feature. */
const tagRef = fc.oneof(
  fc.tuple(specName, criterionRef).map(([s, r]) => `${s}#${r}`),
  featureRef,
);

const edit = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom(...SPECS),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(specName, criterionRef), { maxLength: 2 }),
      )
      .map(([spec, counts, refs]) => ({
        path: specPath(spec, 'requirements.md'),
        text: requirements(
          counts,
          refs.map(([s, r]) => `${s}#${r}`),
        ) as string | undefined,
      })),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...SPECS), fc.array(fc.record({ done: fc.boolean(), cites: criterionRef, file: fc.constantFrom(...NAMED) }), { maxLength: 3 }))
      .map(([spec, list]) => ({ path: specPath(spec, 'tasks.md'), text: tasks(list) as string | undefined })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...CODE), fc.array(fc.tuple(tagRef, fc.constantFrom('', '@000000')), { maxLength: 4 }), fc.array(tagRef, { maxLength: 2 }))
      .map(([file, tags, titles]) => ({
        path: `${ROOT}/${file}`,
        text: [
          ...tags.map(([ref, pin]) => `// @spec ${ref}${pin}`),
          'export const x = 1;',
          ...(file.startsWith('test/') ? titles.map((ref) => `it('${ref} works', () => {});`) : []),
        ].join('\n') as string | undefined,
      })),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...FEATURES), fc.integer({ min: 0, max: 4 }), fc.array(featureRef, { maxLength: 3 }))
      .map(([feature, count, refs]) => ({ path: featurePath(feature), text: featureSpec(count, refs) as string | undefined })),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom(
      ...CODE.map((f) => `${ROOT}/${f}`),
      ...SPECS.flatMap((s) => [specPath(s, 'requirements.md'), specPath(s, 'tasks.md')]),
      ...FEATURES.map(featurePath),
    ),
    weight: 1,
  }.arbitrary.map((path) => ({ path, text: undefined as string | undefined })),
  {
    arbitrary: fc.constantFrom('src/gone.ts', 'lib/other.ts').map((file) => ({ path: `${ROOT}/${file}`, text: 'export {};' as string | undefined })),
    weight: 1,
  },
);

function initial(): Map<string, string> {
  const files = new Map<string, string>();
  for (const spec of SPECS) {
    files.set(specPath(spec, 'requirements.md'), requirements([2, 2], []));
    files.set(specPath(spec, 'tasks.md'), tasks([{ done: true, cites: '1.1', file: 'src/auth.ts' }]));
  }
  files.set(featurePath('001-auth'), featureSpec(3, []));
  files.set(featurePath('002-export'), featureSpec(2, ['001-auth#FR-001', 'auth#FR-004', '003-billing#FR-001']));
  files.set(`${ROOT}/src/auth.ts`, '// @spec auth#1.1\nexport const a = 1;\n');
  files.set(`${ROOT}/test/auth.test.ts`, "it('auth#1.2 works', () => {});\n");
  return files;
}

const settings = normalizeSettings({ codeTrace: { perCriterion: ['billing'] } });

function print(findings: readonly Finding[]): string[] {
  return findings
    .map((f) => `${f.path}:${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.code} ${f.message}`)
    .sort();
}

async function fresh(files: Map<string, string>): Promise<Engine> {
  const engine = new Engine(new MemoryWorkspace([ROOT], files), settings);
  await engine.indexWorkspace(NEVER_CANCELLED);
  return engine;
}

describe('incremental trace: an edited engine equals a fresh one', () => {
  it('random edits of spec text, tasks, code tags and deletions leave the same findings and coverage as a fresh analysis', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 8 }), async (edits) => {
        const files = initial();
        const engine = await fresh(files);
        // Read everything once, so the caches hold parts for the edits to invalidate.
        engine.allFindings(NEVER_CANCELLED);
        engine.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED);
        for (const [{ path, text }, look] of edits) {
          if (text === undefined) files.delete(path);
          else files.set(path, text);
          engine.setText(path, text, NEVER_CANCELLED);
          // Sometimes read in between, sometimes let edits pile up before anything asks.
          if (look) {
            engine.traceChanges(NEVER_CANCELLED);
            engine.crossSpecChangedDirs(NEVER_CANCELLED);
            engine.allFindings(NEVER_CANCELLED);
          }
        }
        const expected = await fresh(files);
        assert.deepStrictEqual(print(engine.allFindings(NEVER_CANCELLED)), print(expected.allFindings(NEVER_CANCELLED)));
        assert.deepStrictEqual(
          engine.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED),
          expected.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED),
        );
        assert.deepStrictEqual(
          print(engine.traceAnalysis(NEVER_CANCELLED).findings(NEVER_CANCELLED)),
          print(expected.traceAnalysis(NEVER_CANCELLED).findings(NEVER_CANCELLED)),
        );
      }),
      { seed: FUZZ_SEED, numRuns: Math.ceil(150 * FUZZ_SCALE) },
    );
  });

  it('an edit to one spec re-runs the trace parts of that spec and of the code naming it, not of the others', async () => {
    const files = initial();
    files.set(`${ROOT}/src/billing.ts`, '// @spec billing#1.1\nexport const b = 1;\n');
    const engine = await fresh(files);
    engine.allFindings(NEVER_CANCELLED);
    engine.traceChanges(NEVER_CANCELLED);
    engine.setText(specPath('auth', 'requirements.md'), requirements([3, 1], []), NEVER_CANCELLED);
    const moved = engine.traceChanges(NEVER_CANCELLED);
    assert.strictEqual(moved.all, false);
    assert.deepStrictEqual([...moved.specDirs].sort(), [`${ROOT}/.kiro/specs/auth`]);
    assert.deepStrictEqual([...moved.paths].sort(), [`${ROOT}/src/auth.ts`, `${ROOT}/test/auth.test.ts`]);
  });
});
