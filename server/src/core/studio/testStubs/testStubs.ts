// @spec specthread-core#19.4
import type { CoverageReport, CriterionCoverage } from '../../../../../shared/coverage';
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecModel } from '../../index/specModel';
import { LineIndex } from '../../text/lineIndex';
import { Position } from '../../text/range';
import { Detected, FrameworkName, ProjectFacts, detectFramework, readProjectFacts } from './frameworks';
import { placeStubs } from './layout';
import { Stub, renderAppend, renderFile } from './render';

/**
 * `specthread test-stubs`: for each criterion of a spec that no test verifies (coverage says
 * which; a criterion that already has a pending test is left alone), a pending test in the
 * project's framework, in one file per spec where the project keeps its tests. The plan is data:
 * the CLI writes it (never over a file; appending only when asked), the editor shows it as a
 * preview.
 */

export interface TestStubsOptions {
  /** Only these criteria: refs (`user-auth#1.2`), ids (`1.2`) or requirement refs (`user-auth#1`, all its criteria). */
  readonly criteria?: readonly string[];
  /** In place of the detected framework. */
  readonly framework?: FrameworkName;
}

export interface TestStubFile {
  /** Absolute path of the stub file. */
  readonly path: string;
  /** True when the file does not exist yet and `text` is all of it. */
  readonly create: boolean;
  /** The new file, or the stubs to insert into the existing one at `insertAt`. */
  readonly text: string;
  readonly insertAt?: Position;
  /** Offset of `insertAt` in the existing file. */
  readonly insertOffset?: number;
  /** Length of the existing file the plan was made on: a writer that finds another length re-plans. */
  readonly baseLength?: number;
  /** The criteria it holds stubs for, in spec order. */
  readonly refs: readonly string[];
}

export interface TestStubPlan {
  readonly spec: string;
  readonly framework: FrameworkName;
  /** Why this framework: `--framework`, or the manifest or import it was detected from. */
  readonly evidence: string;
  /** Empty when every selected criterion is verified or already has a pending test. */
  readonly files: readonly TestStubFile[];
  /** Selected criteria that got no stub, and why. */
  readonly skipped: readonly { readonly ref: string; readonly reason: 'verified' | 'pending' }[];
}

/** A problem with the request the user can fix (unknown criterion, no framework); its message says how. */
export class TestStubsError extends Error {}

export async function planTestStubs(
  spec: SpecModel,
  coverage: CoverageReport,
  facts: ProjectFacts,
  readText: (path: string) => Promise<string | undefined>,
  options: TestStubsOptions,
  token: CancellationToken,
): Promise<TestStubPlan> {
  throwIfCancelled(token);
  const specCoverage = coverage.specs.find((s) => s.dir === spec.dir);
  const all = (specCoverage?.requirements ?? []).flatMap((r) => r.criteria.map((c) => ({ c, requirementRef: r.ref })));
  const selected = options.criteria?.length ? select(all, spec, options.criteria) : all.map((x) => x.c);
  const detected: Detected | undefined = options.framework ? { framework: options.framework, evidence: '--framework' } : detectFramework(facts);
  if (!detected)
    throw new TestStubsError(
      `Cannot tell the test framework of ${facts.root}: neither its manifests (package.json, pyproject.toml, go.mod, pom.xml, build.gradle) nor its ${facts.tests.length} test file(s) name one. Name it with --framework.`,
    );
  const skipped: { ref: string; reason: 'verified' | 'pending' }[] = [];
  const stubs: Stub[] = [];
  for (const c of selected) {
    if (c.verified) skipped.push({ ref: c.ref, reason: 'verified' });
    else if (c.pending) skipped.push({ ref: c.ref, reason: 'pending' });
    else stubs.push({ ref: c.ref, text: c.text });
  }
  const base = { spec: spec.id, framework: detected.framework, evidence: detected.evidence, skipped };
  if (!stubs.length) return { ...base, files: [] };
  const placement = await placeStubs(detected.framework, spec.id, facts, readText);
  throwIfCancelled(token);
  const existing = await readText(placement.path);
  const refs = stubs.map((s) => s.ref);
  if (existing === undefined)
    return { ...base, files: [{ path: placement.path, create: true, text: renderFile(detected.framework, placement, spec.id, stubs), refs }] };
  const { offset, text } = renderAppend(detected.framework, placement, existing, stubs);
  return {
    ...base,
    files: [
      {
        path: placement.path,
        create: false,
        text,
        insertAt: new LineIndex(existing).positionAt(offset),
        insertOffset: offset,
        baseLength: existing.length,
        refs,
      },
    ],
  };
}

/** What the plan reads of an indexed engine: its coverage, its test files and the project's files. */
export interface StubSource {
  readonly roots: readonly string[];
  specByName(name: string): SpecModel | undefined;
  specOf(path: string): SpecModel | undefined;
  allSpecs(): readonly SpecModel[];
  coverage(token: CancellationToken): CoverageReport;
  /** Test files the engine knows (by the `testFiles` globs). */
  testFiles(): readonly string[];
  readFile(path: string, token: CancellationToken): Promise<string | undefined>;
}

/**
 * The one entry the CLI and the language server call: `spec` is a spec's name, folder or one of
 * its files (absolute). The project root is the workspace root holding the spec (or, for a Kiro
 * spec, the folder holding `.kiro`).
 */
export async function testStubsFor(source: StubSource, spec: string, options: TestStubsOptions, token: CancellationToken): Promise<TestStubPlan> {
  const trimmed = spec.replace(/\/+$/, '');
  const model = source.specByName(trimmed) ?? source.specOf(trimmed) ?? source.allSpecs().find((s) => s.dir === trimmed);
  if (!model) throw new TestStubsError(`No spec named ${spec}: give a spec's name, its folder or one of its files.`);
  const kiro = model.dir.lastIndexOf('/.kiro/');
  const root =
    kiro >= 0 ? model.dir.slice(0, kiro) : ([...source.roots].filter((r) => model.dir.startsWith(r + '/')).sort((a, b) => b.length - a.length)[0] ?? model.dir);
  const facts = await readProjectFacts((p, t) => source.readFile(p, t), root, source.testFiles(), token);
  return planTestStubs(model, source.coverage(token), facts, (p) => source.readFile(p, token), options, token);
}

function select(all: readonly { c: CriterionCoverage; requirementRef: string }[], spec: SpecModel, wanted: readonly string[]): CriterionCoverage[] {
  const out = new Set<CriterionCoverage>();
  for (const w of wanted) {
    const ref = w.includes('#') ? w : `${spec.id}#${w}`;
    const hits = all.filter((x) => x.c.ref === ref || x.requirementRef === ref).map((x) => x.c);
    if (!hits.length) throw new TestStubsError(`${w} is not a criterion or requirement of ${spec.id}.`);
    for (const h of hits) out.add(h);
  }
  // In spec order, whatever order they were asked in.
  return all.map((x) => x.c).filter((c) => out.has(c));
}
