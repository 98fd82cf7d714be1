/**
 * Deterministic synthetic Kiro workspace for the benchmark.
 *
 * `generateWorkspace` writes `<root>/.kiro/specs/<name>/{requirements,design,tasks}.md` for
 * `specs` ordinary specs plus one large spec, using only a seeded PRNG: the same options always
 * produce byte-identical files (the returned fingerprint proves it). A few deliberate problems
 * are sprinkled in so the checks have work, and the generator counts the findings they must
 * produce so the benchmark can verify that the server saw what was written.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeStats, CriterionRef, generateCode } from './generateCode';

export interface GeneratorOptions {
  /** Ordinary specs (the large spec comes on top). */
  readonly specs: number;
  readonly requirementsPerSpec: number;
  readonly criteriaPerRequirement: number;
  readonly largeRequirements: number;
  readonly largeCriteriaPerRequirement: number;
  readonly seed: number;
  /**
   * Code and test files written beside the specs (0: none). A tenth of the ordinary specs are
   * traced: each of their criteria gets one `@spec` tag in a source file and one test whose title
   * names it, so those specs are fully covered; every other code file carries no tag.
   */
  readonly codeFiles?: number;
}

export const DEFAULT_GENERATOR_OPTIONS: GeneratorOptions = {
  specs: 500,
  requirementsPerSpec: 5,
  criteriaPerRequirement: 4,
  largeRequirements: 300,
  largeCriteriaPerRequirement: 10,
  seed: 1337,
  codeFiles: 0,
};

/** The deliberate problems, each producing exactly one finding of the given rule. */
type Problem = 'unknownRefTask' | 'unknownRefDesign' | 'requirementGap' | 'criterionGap' | 'uncovered' | 'parentDoneOpen';

const PROBLEMS: Record<Problem, { code: string; severity: 'error' | 'warning'; probability: number }> = {
  unknownRefTask: { code: 'link.unknown-ref', severity: 'error', probability: 0.05 },
  unknownRefDesign: { code: 'link.unknown-ref', severity: 'error', probability: 0.03 },
  requirementGap: { code: 'structure.numbering-gap', severity: 'warning', probability: 0.03 },
  criterionGap: { code: 'structure.numbering-gap', severity: 'warning', probability: 0.02 },
  uncovered: { code: 'coverage.requirement-without-task', severity: 'warning', probability: 0.03 },
  parentDoneOpen: { code: 'task.parent-done-open-subtask', severity: 'warning', probability: 0.04 },
};

/** One criterion line of the large requirements.md that the edit benchmark rewrites. */
export interface EditTarget {
  readonly requirementId: string;
  /** Zero-based line of the criterion in requirements.md. */
  readonly line: number;
  /** The list marker as written, e.g. `2.`; the criterion id is `<requirementId>.2`. */
  readonly marker: string;
  /** The criterion text after the marker and its space. */
  readonly text: string;
}

export interface SpecFiles {
  readonly id: string;
  readonly dir: string;
  readonly requirementsPath: string;
  readonly designPath: string;
  readonly tasksPath: string;
}

export interface GeneratedWorkspace {
  readonly root: string;
  readonly options: GeneratorOptions;
  readonly specs: number;
  /** Spec files (requirements.md, design.md, tasks.md) written. */
  readonly files: number;
  /** Bytes of every file written, spec and code. */
  readonly bytes: number;
  /** The code files (all zero when `codeFiles` is 0). */
  readonly code: CodeStats;
  /** True when an earlier run's tree was reused (its fingerprint file matched), not rewritten. */
  readonly reused: boolean;
  readonly requirements: number;
  readonly criteria: number;
  readonly tasks: number;
  readonly citations: number;
  /** Findings the deliberate problems must produce, by rule code, and by severity. */
  readonly expected: { readonly byCode: Readonly<Record<string, number>>; readonly errors: number; readonly warnings: number };
  /** An ordinary spec with a known unknown-ref in tasks.md, opened during server start-up. */
  readonly probe: SpecFiles & { readonly tasksFindings: number };
  readonly large: SpecFiles & {
    readonly requirements: number;
    readonly criteria: number;
    readonly criteriaPerRequirement: number;
    readonly requirementsLines: number;
    readonly requirementsBytes: number;
    readonly targets: readonly EditTarget[];
  };
  /** sha256 over every generated path and text, in generation order. */
  readonly fingerprint: string;
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast, and good enough to pick words; never Math.random. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const DOMAINS = [
  'billing',
  'invoicing',
  'checkout',
  'catalogue',
  'search',
  'export',
  'import',
  'audit',
  'notifications',
  'reporting',
  'onboarding',
  'permissions',
  'inventory',
  'shipping',
  'returns',
  'payments',
  'subscriptions',
  'analytics',
  'scheduling',
  'messaging',
  'uploads',
  'webhooks',
  'profiles',
  'settings',
  'localisation',
  'backups',
  'sync',
  'comments',
  'tagging',
];
const ASPECTS = ['api', 'ui', 'pipeline', 'worker', 'service', 'dashboard', 'cli', 'store', 'gateway', 'engine', 'cache', 'feed'];
const SYSTEMS = ['Service', 'Store', 'Gateway', 'Worker', 'Scheduler', 'Validator', 'Renderer', 'Indexer', 'Notifier', 'Ledger', 'Queue', 'Client'];
const ROLES = ['registered user', 'administrator', 'support agent', 'account owner', 'auditor', 'developer', 'guest', 'team lead', 'operator'];
const NOUNS = ['record', 'request', 'report', 'invoice', 'order', 'session', 'document', 'batch', 'token', 'event', 'file', 'entry', 'item', 'job'];
const VERBS = ['create', 'update', 'archive', 'validate', 'export', 'restore', 'share', 'submit', 'approve', 'cancel', 'retry', 'merge'];
const ADJECTIVES = ['pending', 'expired', 'duplicate', 'invalid', 'locked', 'archived', 'partial', 'stale', 'oversized', 'unsigned'];
const OUTCOMES = [
  'reject the request with a descriptive error',
  'persist the change within 200 milliseconds',
  'emit an audit event',
  'notify the owner by email',
  'return the updated {noun} to the caller',
  'retry up to three times with exponential backoff',
  'keep the previous version available for rollback',
  'display a confirmation message',
  'record the actor and timestamp',
  'respond with status 409',
  'queue the {noun} for later processing',
  'mask personal data in the log',
];
const BENEFITS = [
  'I can finish my work without contacting support',
  'mistakes are caught early',
  'the data stays consistent',
  'I can trust the numbers I report',
  'nothing is lost when a node fails',
  'I stay within the compliance rules',
];

/** `a guest`, `an auditor`. */
function an(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function plural(noun: string): string {
  return noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

const PARTICIPLES: Record<string, string> = { submit: 'submitted', retry: 'retried', cancel: 'cancelled' };

function participle(verb: string): string {
  return PARTICIPLES[verb] ?? (verb.endsWith('e') ? `${verb}d` : `${verb}ed`);
}

function title(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function systemName(domain: string, suffix: string): string {
  return `${title(domain)}_${suffix}`;
}

function outcome(rng: Rng): string {
  return rng.pick(OUTCOMES).replace('{noun}', rng.pick(NOUNS));
}

/** One EARS criterion (the five Kiro patterns), naming glossary systems. */
function earsCriterion(rng: Rng, systems: readonly string[]): string {
  const sys = rng.pick(systems);
  const noun = rng.pick(NOUNS);
  switch (rng.int(5)) {
    case 0:
      return `WHEN ${an(rng.pick(ROLES))} requests to ${rng.pick(VERBS)} ${an(noun)}, THE ${sys} SHALL ${outcome(rng)}`;
    case 1:
      return `WHILE the ${noun} is ${rng.pick(ADJECTIVES)}, THE ${sys} SHALL ${outcome(rng)}`;
    case 2:
      return `IF the ${noun} is ${rng.pick(ADJECTIVES)}, THEN THE ${sys} SHALL ${outcome(rng)}`;
    case 3:
      return `WHERE ${rng.pick(DOMAINS)} auditing is enabled, THE ${sys} SHALL ${outcome(rng)}`;
    default:
      return `THE ${sys} SHALL ${rng.pick(VERBS)} each ${noun} and ${outcome(rng)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// One spec

interface RequirementPlan {
  readonly id: string;
  readonly title: string;
  /** Criterion numbers as written (consecutive unless the spec has a criterion gap). */
  readonly criteria: readonly number[];
}

interface SpecPlan {
  readonly name: string;
  readonly domain: string;
  readonly systems: readonly string[];
  readonly requirements: readonly RequirementPlan[];
  readonly problems: ReadonlySet<Problem>;
}

interface RenderedSpec {
  readonly requirements: string;
  readonly design: string;
  readonly tasks: string;
  readonly targets: EditTarget[];
  readonly lines: number;
  readonly tasksCount: number;
  readonly citations: number;
}

function planSpec(rng: Rng, name: string, domain: string, requirementCount: number, criteriaCount: number, problems: Set<Problem>): SpecPlan {
  const systems = [systemName(domain, rng.pick(SYSTEMS)), systemName(domain, rng.pick(SYSTEMS)), systemName(rng.pick(DOMAINS), rng.pick(SYSTEMS))];
  const unique = [...new Set(systems)];
  // Problems that need room to happen are dropped when the spec is too small for them.
  if (requirementCount < 2) {
    problems.delete('requirementGap');
    // The coverage rule is silent when tasks.md cites nothing, and a lone requirement leaves nothing else to cite.
    problems.delete('uncovered');
  }
  if (criteriaCount < 2) problems.delete('criterionGap');
  if (criteriaCount < 2) problems.delete('parentDoneOpen');
  const gapAfter = problems.has('requirementGap') ? 1 + rng.int(requirementCount - 1) : -1;
  const criterionGapIn = problems.has('criterionGap') ? rng.int(requirementCount) : -1;
  const criterionGapAfter = criteriaCount >= 2 ? 1 + rng.int(criteriaCount - 1) : -1;
  const requirements: RequirementPlan[] = [];
  let number = 1;
  for (let i = 0; i < requirementCount; i++) {
    const criteria: number[] = [];
    for (let c = 1; c <= criteriaCount; c++) criteria.push(i === criterionGapIn && c > criterionGapAfter ? c + 1 : c);
    requirements.push({ id: String(number), title: `${title(rng.pick(VERBS))} ${rng.pick(ADJECTIVES)} ${plural(rng.pick(NOUNS))}`, criteria });
    number += number === gapAfter ? 2 : 1;
  }
  return { name, domain, systems: unique, requirements, problems };
}

/** `2.1, 2.2` or, sometimes, the range `2.1-2.3` (only over consecutive numbers). */
function citationList(rng: Rng, requirementId: string, numbers: readonly number[]): { text: string; count: number } {
  const ids = numbers.map((n) => `${requirementId}.${n}`);
  const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  if (ids.length >= 3 && consecutive && rng.chance(0.3)) return { text: `${ids[0]}-${ids[ids.length - 1]}`, count: 1 };
  return { text: ids.join(', '), count: ids.length };
}

function renderSpec(rng: Rng, plan: SpecPlan, withTargets: boolean): RenderedSpec {
  const { requirements, systems, problems, domain } = plan;
  const criteriaCount = requirements[0]?.criteria.length ?? 0;
  let citations = 0;

  // requirements.md -----------------------------------------------------------------------
  const req: string[] = [];
  const targets: EditTarget[] = [];
  req.push('# Requirements Document', '', '## Introduction', '');
  req.push(
    `This feature covers ${domain} for the ${rng.pick(ASPECTS)}: how ${plural(rng.pick(NOUNS))} are ${participle(rng.pick(VERBS))}, validated and kept ` +
      `consistent. It was generated by the SpecThread benchmark (spec \`${plan.name}\`).`,
    '',
    '## Glossary',
    '',
  );
  for (const s of systems) req.push(`- **${s}**: The component that owns ${plural(rng.pick(NOUNS))} for ${domain}`);
  req.push('', '## Requirements', '');
  for (const r of requirements) {
    req.push(`### Requirement ${r.id}: ${r.title}`, '');
    req.push(`**User Story:** As ${an(rng.pick(ROLES))}, I want to ${rng.pick(VERBS)} ${plural(rng.pick(NOUNS))}, so that ${rng.pick(BENEFITS)}.`, '');
    req.push('#### Acceptance Criteria', '');
    r.criteria.forEach((n, index) => {
      const text = earsCriterion(rng, systems);
      // The second criterion of each requirement is what the edit benchmark rewrites.
      if (withTargets && index === Math.min(1, r.criteria.length - 1)) targets.push({ requirementId: r.id, line: req.length, marker: `${n}.`, text });
      req.push(`${n}. ${text}`);
    });
    req.push('');
  }

  // design.md --------------------------------------------------------------------------------
  const design: string[] = [];
  design.push('# Design Document', '', '## Overview', '');
  design.push(`The ${systems[0]} is a stateless ${rng.pick(ASPECTS)} in front of the ${systems[systems.length - 1]}.`, '');
  design.push('## Architecture', '', '```mermaid', 'graph TD', `  A[Client] --> B[${systems[0]}]`, `  B --> C[${systems[systems.length - 1]}]`, '```', '');
  design.push('## Components and Interfaces', '');
  for (const s of systems) design.push(`### ${s}`, '', `Exposes \`${rng.pick(VERBS)}${title(rng.pick(NOUNS))}()\` and owns its ${rng.pick(NOUNS)} table.`, '');
  design.push('## Correctness Properties', '');
  const designBadAt = problems.has('unknownRefDesign') ? rng.int(requirements.length) : -1;
  requirements.forEach((r, i) => {
    design.push(`### Property ${i + 1}: ${r.title} is preserved`, '');
    design.push(`*For any* ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}, the ${rng.pick(systems)} SHALL ${outcome(rng)}.`, '');
    const cited = r.criteria.slice(0, Math.min(2, r.criteria.length)).map((n) => `${r.id}.${n}`);
    if (i === designBadAt) cited.push(`${r.id}.${criteriaCount + 5}`);
    citations += cited.length;
    design.push(`**Validates: Requirements ${cited.join(', ')}**`, '');
  });
  design.push('## Testing Strategy', '', 'Property-based tests run 100 iterations per property.', '');

  // tasks.md ---------------------------------------------------------------------------------
  const tasks: string[] = ['# Implementation Plan', ''];
  let tasksCount = 0;
  const progress = rng.int(requirements.length + 1); // tasks 1..progress are finished
  const uncoveredAt = problems.has('uncovered') ? requirements.length - 1 : -1;
  // Never on the uncovered requirement, which has no citation line to put it on.
  const unknownTaskAt = problems.has('unknownRefTask') ? rng.int(uncoveredAt >= 0 ? requirements.length - 1 : requirements.length) : -1;
  const parentOpenAt = problems.has('parentDoneOpen') ? rng.int(requirements.length) : -1;
  requirements.forEach((r, i) => {
    const n = i + 1;
    const done = n <= progress;
    const mark = (d: boolean) => (d ? '[x]' : '[ ]');
    // Two sub-tasks split the criteria at a random point, so some lists are long enough for a range.
    const split = r.criteria.length >= 2 ? 1 + rng.int(r.criteria.length - 1) : 1;
    const chunks = [r.criteria.slice(0, split), r.criteria.slice(split)].filter((c) => c.length > 0);
    // parentDoneOpen: the parent is ticked while its last (required) sub-task is still open.
    const subDone = (k: number) => (i === parentOpenAt ? k < chunks.length - 1 : done || (n === progress + 1 && k === 0 && chunks.length > 1));
    tasks.push(`- ${mark(done || i === parentOpenAt)} ${n}. Implement ${r.title.toLowerCase()}`);
    tasksCount++;
    chunks.forEach((chunk, k) => {
      tasks.push(
        `  - ${mark(subDone(k))} ${n}.${k + 1} ${title(rng.pick(VERBS))} the ${rng.pick(NOUNS)} ${k === 0 ? 'model' : 'handler'} in the ${rng.pick(systems)}`,
      );
      tasksCount++;
      tasks.push(`    - ${title(rng.pick(VERBS))} ${rng.pick(ADJECTIVES)} ${plural(rng.pick(NOUNS))} and ${outcome(rng)}`);
      if (i === uncoveredAt) return;
      const list = citationList(rng, r.id, chunk);
      let text = list.text;
      citations += list.count;
      if (i === unknownTaskAt && k === 0) {
        text += `, ${r.id}.${criteriaCount + 3}`;
        citations++;
      }
      tasks.push(`    - _Requirements: ${text}_`);
    });
    // An optional property test, cited with a Validates line (Kiro's task template).
    if (i !== uncoveredAt && rng.chance(0.5)) {
      tasks.push(`  - ${mark(done && rng.chance(0.5))}* ${n}.${chunks.length + 1} Write property test for ${r.title.toLowerCase()}`);
      tasksCount++;
      tasks.push(`    - **Property ${i + 1}: ${r.title} is preserved**`, `    - **Validates: Requirements ${r.id}.${r.criteria[0]}**`);
      citations++;
    }
    tasks.push('');
  });
  tasks.push(
    `- ${progress === requirements.length ? '[x]' : '[ ]'} ${requirements.length + 1}. Checkpoint - Ensure all tests pass, ask the user if questions arise`,
    '',
  );
  tasksCount++;

  return {
    requirements: req.join('\n'),
    design: design.join('\n'),
    tasks: tasks.join('\n'),
    targets,
    lines: req.length,
    tasksCount,
    citations,
  };
}

// ---------------------------------------------------------------------------------------------
// The workspace

function specFiles(root: string, id: string): SpecFiles {
  const dir = path.join(root, '.kiro', 'specs', id);
  return {
    id,
    dir,
    requirementsPath: path.join(dir, 'requirements.md'),
    designPath: path.join(dir, 'design.md'),
    tasksPath: path.join(dir, 'tasks.md'),
  };
}

/** Marks a folder as written by this generator, so it is the only kind of folder it deletes. */
const MARKER = '.specthread-bench-workspace';

/**
 * Writes the workspace into `root`, replacing an earlier generated workspace there. A folder
 * that exists, is not empty and was not written by the generator is refused, never deleted.
 */
export function generateWorkspace(root: string, options: GeneratorOptions): GeneratedWorkspace {
  if (
    options.specs < 1 ||
    options.requirementsPerSpec < 1 ||
    options.criteriaPerRequirement < 1 ||
    options.largeRequirements < 1 ||
    options.largeCriteriaPerRequirement < 1
  ) {
    throw new Error('every size must be at least 1');
  }
  if (fs.existsSync(root) && fs.readdirSync(root).length > 0 && !fs.existsSync(path.join(root, MARKER))) {
    throw new Error(`${root} exists and was not generated by the benchmark; refusing to replace it`);
  }
  const key = JSON.stringify({ generator: generatorVersion(), options: { ...DEFAULT_GENERATOR_OPTIONS, ...options }, root });
  const stampPath = path.join(root, STAMP);
  if (fs.existsSync(stampPath)) {
    try {
      const stamp = JSON.parse(fs.readFileSync(stampPath, 'utf8')) as { key: string; workspace: GeneratedWorkspace };
      if (stamp.key === key) return { ...stamp.workspace, reused: true };
    } catch {
      // A torn or foreign stamp: regenerate.
    }
  }
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, MARKER), 'Generated by test/bench/generate.ts; deleted and rewritten when the generator or its options change.\n');
  const rng = new Rng(options.seed);
  const hash = createHash('sha256');
  let files = 0;
  let bytes = 0;
  // Folders already made: one mkdir per folder, not per file, keeps writing 100k files quick.
  const made = new Set<string>();
  const writeRaw = (file: string, text: string) => {
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(file, text);
    hash.update(path.relative(root, file).split(path.sep).join('/')).update('\0').update(text).update('\0');
    bytes += Buffer.byteLength(text);
  };
  const write = (file: string, text: string) => {
    writeRaw(file, text);
    files++;
  };
  const traced: CriterionRef[] = [];

  const byCode: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  let requirements = 0;
  let criteria = 0;
  let tasks = 0;
  let citations = 0;

  // The probe spec sits three quarters of the way through, so indexing does not reach it first by luck.
  const probeIndex = Math.floor((options.specs * 3) / 4);
  const width = String(options.specs).length;
  let probe: (SpecFiles & { tasksFindings: number }) | undefined;
  for (let i = 0; i < options.specs; i++) {
    const domain = rng.pick(DOMAINS);
    const id = `${String(i + 1).padStart(width, '0')}-${domain}-${rng.pick(ASPECTS)}`;
    const problems = new Set<Problem>();
    for (const p of Object.keys(PROBLEMS) as Problem[]) if (rng.chance(PROBLEMS[p].probability)) problems.add(p);
    if (i === probeIndex) problems.add('unknownRefTask');
    const plan = planSpec(rng, id, domain, options.requirementsPerSpec, options.criteriaPerRequirement, problems);
    const rendered = renderSpec(rng, plan, false);
    const f = specFiles(root, id);
    write(f.requirementsPath, rendered.requirements);
    write(f.designPath, rendered.design);
    write(f.tasksPath, rendered.tasks);
    for (const p of plan.problems) {
      const { code, severity } = PROBLEMS[p];
      byCode[code] = (byCode[code] ?? 0) + 1;
      if (severity === 'error') errors++;
      else warnings++;
    }
    requirements += plan.requirements.length;
    criteria += plan.requirements.length * options.criteriaPerRequirement;
    // One ordinary spec in ten is traced into code and tests (generateCode.ts).
    if (i % 10 === 3) for (const r of plan.requirements) for (const c of r.criteria) traced.push(`${id}#${r.id}.${c}`);
    tasks += rendered.tasksCount;
    citations += rendered.citations;
    if (i === probeIndex) {
      const tasksFindings = [...plan.problems].filter((p) => p === 'unknownRefTask' || p === 'parentDoneOpen').length;
      probe = { ...f, tasksFindings };
    }
  }

  // The large spec: clean, so every finding on it during the edit benchmark comes from an edit.
  const largeId = 'large-catalogue';
  const largePlan = planSpec(rng, largeId, 'catalogue', options.largeRequirements, options.largeCriteriaPerRequirement, new Set());
  const largeRendered = renderSpec(rng, largePlan, true);
  const large = specFiles(root, largeId);
  write(large.requirementsPath, largeRendered.requirements);
  write(large.designPath, largeRendered.design);
  write(large.tasksPath, largeRendered.tasks);
  requirements += options.largeRequirements;
  criteria += options.largeRequirements * options.largeCriteriaPerRequirement;
  tasks += largeRendered.tasksCount;
  citations += largeRendered.citations;

  // The code files use their own PRNG stream, so the spec files are the same with or without them.
  const code = generateCode(new Rng(options.seed ^ 0x5eed), options.codeFiles ?? 0, traced, (relative, text) => writeRaw(path.join(root, relative), text));

  const workspace: GeneratedWorkspace = {
    root,
    options,
    specs: options.specs + 1,
    files,
    bytes,
    code,
    reused: false,
    requirements,
    criteria,
    tasks,
    citations,
    expected: { byCode, errors, warnings },
    probe: probe!,
    large: {
      ...large,
      requirements: options.largeRequirements,
      criteria: options.largeRequirements * options.largeCriteriaPerRequirement,
      criteriaPerRequirement: options.largeCriteriaPerRequirement,
      requirementsLines: largeRendered.lines,
      requirementsBytes: Buffer.byteLength(largeRendered.requirements),
      targets: largeRendered.targets,
    },
    fingerprint: hash.digest('hex'),
  };
  // Written last and atomically: a run interrupted mid-way leaves no stamp, so the next one regenerates.
  fs.writeFileSync(stampPath + '.tmp', JSON.stringify({ key, workspace }));
  fs.renameSync(stampPath + '.tmp', stampPath);
  return workspace;
}

/** Records what a tree was generated from, so a later run with the same generator and options reuses it. */
const STAMP = '.specthread-bench-stamp.json';

/** A hash of the generator's own source: a changed generator never reuses an old tree. */
function generatorVersion(): string {
  const hash = createHash('sha256');
  for (const file of ['generate.ts', 'generateCode.ts']) hash.update(fs.readFileSync(path.join(__dirname, file)));
  return hash.digest('hex').slice(0, 16);
}
