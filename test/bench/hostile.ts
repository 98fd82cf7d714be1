// @spec specthread-core#14.3
// Hostile-input benchmark: each case the issue found superlinear (or exponential), measured at
// growing sizes through the same engine the CLI and the server use, with the growth ratio between
// neighbouring sizes. A linear case doubles its time when its size doubles (ratio ~2); a quadratic
// one quadruples it. Not a test: run with `npm run bench:hostile [case…]`. Timings come from one
// process on one machine, so quote ratios from one run.
//
// A case stops growing once one size takes longer than BUDGET_MS, so a run against the old,
// superlinear code still finishes; the skipped sizes are printed as such.
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { hover } from '../../server/src/core/queries/hover';

const BUDGET_MS = Number(process.env.HOSTILE_BUDGET_MS ?? 20000);
const ROOT = '/ws';

interface Case {
  readonly name: string;
  /** What the size counts. */
  readonly unit: string;
  readonly sizes: readonly number[];
  /** Builds the input and runs the work; returns a check value so the work cannot be optimised away. */
  readonly run: (size: number) => Promise<number>;
}

async function indexAndCheck(files: Record<string, string>): Promise<Engine> {
  const engine = new Engine(new MemoryWorkspace([ROOT], files));
  await engine.indexWorkspace(NEVER_CANCELLED);
  engine.allFindings(NEVER_CANCELLED);
  return engine;
}

const REQUIREMENTS =
  '# Requirements\n\n## Requirements\n\n### Requirement 1: Base\n\n#### Acceptance Criteria\n\n1. WHEN a user asks THE System SHALL answer\n';

function kiroTasks(n: number, subtasksPerTask: number): string {
  const lines = ['# Implementation Plan', ''];
  const parents = subtasksPerTask ? Math.ceil(n / (subtasksPerTask + 1)) : n;
  for (let i = 1; i <= parents; i++) {
    lines.push(`- [ ] ${i}. Build part ${i} in \`src/part${i}.ts\``, `  - Write src/part${i}/index.ts`, '  - _Requirements: 1.1_');
    for (let s = 1; s <= subtasksPerTask; s++)
      lines.push(`  - [x] ${i}.${s} Sub-step ${s} of ${i}`, `    - Touch \`src/part${i}/s${s}.ts\``, '    - _Requirements: 1.1_');
  }
  return lines.join('\n') + '\n';
}

function speckitTasks(n: number): string {
  const lines = ['# Tasks', '', '## Phase 1: Setup', ''];
  for (let i = 1; i <= n; i++) lines.push(`- [ ] T${String(i).padStart(5, '0')} [P] [US1] Implement FR-001 in src/models/m${i}.py`);
  return lines.join('\n') + '\n';
}

const SPECKIT_SPEC = '# Feature\n\n## User Scenarios\n\n### User Story 1 - Do it (Priority: P1)\n\n## Requirements\n\n- **FR-001**: System MUST work.\n';

/** A Kiro workspace with one steering file whose pattern is `*a*a…*x` and files with 34-character names. */
function globWorkspace(pattern: string, fileNames: readonly string[]): Record<string, string> {
  const files: Record<string, string> = {
    [`${ROOT}/.kiro/steering/style.md`]: `---\ninclusion: fileMatch\nfileMatchPattern: "${pattern}"\n---\n# Style\n`,
  };
  for (const name of fileNames) files[`${ROOT}/src/${name}`] = '';
  return files;
}

const CASES: Case[] = [
  {
    name: 'kiro-tasks',
    unit: 'tasks',
    sizes: [10000, 20000, 40000],
    run: async (n) =>
      (await indexAndCheck({ [`${ROOT}/.kiro/specs/big/requirements.md`]: REQUIREMENTS, [`${ROOT}/.kiro/specs/big/tasks.md`]: kiroTasks(n, 0) })).specDirs()
        .length,
  },
  {
    name: 'kiro-subtasks',
    unit: 'tasks',
    sizes: [10000, 20000, 40000],
    run: async (n) =>
      (await indexAndCheck({ [`${ROOT}/.kiro/specs/big/requirements.md`]: REQUIREMENTS, [`${ROOT}/.kiro/specs/big/tasks.md`]: kiroTasks(n, 4) })).specDirs()
        .length,
  },
  {
    name: 'speckit-tasks',
    unit: 'tasks',
    sizes: [10000, 20000, 40000],
    run: async (n) =>
      (await indexAndCheck({ [`${ROOT}/specs/001-big/spec.md`]: SPECKIT_SPEC, [`${ROOT}/specs/001-big/tasks.md`]: speckitTasks(n) })).specDirs().length,
  },
  {
    // Owned by the plainMap rewrite (another part of issue 8); measured here so the figures sit together.
    name: 'criterion-code-spans',
    unit: 'spans',
    sizes: [20000, 40000, 80000],
    run: async (n) => {
      const criterion = `1. WHEN a user saves THE System SHALL mask ${'`x` '.repeat(n)}`;
      return (await indexAndCheck({ [`${ROOT}/.kiro/specs/big/requirements.md`]: REQUIREMENTS.replace(/1\. WHEN.*\n/, criterion + '\n') })).specDirs().length;
    },
  },
  {
    name: 'openspec-padded-header',
    unit: 'spaces',
    sizes: [5000, 10000, 20000],
    run: async (n) => {
      const header = `### Requirement: Export${' '.repeat(n)}data`;
      const path = `${ROOT}/openspec/specs/export/spec.md`;
      const text = `# Export Specification\n\n## Purpose\nExport.\n\n## Requirements\n\n${header}\nThe system SHALL export.\n\n#### Scenario: Ok\n- **WHEN** asked\n- **THEN** export\n`;
      const engine = await indexAndCheck({ [path]: text, [`${ROOT}/openspec/project.md`]: '# Project\n' });
      const spec = engine.specOf(path)!;
      const h = hover(spec, path, { line: 7, character: 20 }, NEVER_CANCELLED, (name) => engine.specByName(name));
      return h ? 1 : 0;
    },
  },
  {
    name: 'glob-stars (34-char names)',
    unit: 'stars',
    sizes: [6, 8, 10, 12],
    run: async (k) => {
      const names = Array.from({ length: 20 }, (_, i) => `${'a'.repeat(31)}${String(i).padStart(2, '0')}b`);
      return (await indexAndCheck(globWorkspace(`${'*a'.repeat(k)}*x`, names))).specDirs().length;
    },
  },
  {
    name: 'glob-extglob *(@(a|a))x',
    unit: 'name length',
    sizes: [16, 20, 24, 28],
    run: async (n) => (await indexAndCheck(globWorkspace('*(@(a|a))x', [`${'a'.repeat(n)}`]))).specDirs().length,
  },
];

async function measure(c: Case): Promise<void> {
  console.log(`\n${c.name}`);
  let previous: number | undefined;
  let skipping = false;
  for (const size of c.sizes) {
    if (skipping) {
      console.log(`  ${String(size).padStart(7)} ${c.unit.padEnd(11)} skipped (previous size over ${BUDGET_MS} ms)`);
      continue;
    }
    const start = process.hrtime.bigint();
    await c.run(size);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const ratio = previous ? `  x${(ms / previous).toFixed(2)}` : '';
    console.log(`  ${String(size).padStart(7)} ${c.unit.padEnd(11)} ${ms.toFixed(0).padStart(8)} ms${ratio}`);
    previous = ms;
    if (ms > BUDGET_MS) skipping = true;
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  // One small warm-up so JIT compilation does not land on the first measured size.
  await CASES[0].run(200);
  for (const c of CASES) if (only.length === 0 || only.some((o) => c.name.startsWith(o))) await measure(c);
}

void main();
