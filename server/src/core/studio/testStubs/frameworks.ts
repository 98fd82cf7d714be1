// @spec specthread-core#19.4
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { Workspace } from '../../workspace';

/**
 * Which test framework a project uses, told from its manifests (package.json, pyproject.toml and
 * the other Python files, go.mod, pom.xml, build.gradle) and from what its test files import.
 * Pure: the facts are read through the `Workspace` and handed in.
 */

export const FRAMEWORKS = ['mocha', 'jest', 'vitest', 'node:test', 'pytest', 'unittest', 'go', 'junit5'] as const;
export type FrameworkName = (typeof FRAMEWORKS)[number];
export type TestLanguage = 'js' | 'python' | 'go' | 'java';

export const LANGUAGE_OF: Readonly<Record<FrameworkName, TestLanguage>> = {
  mocha: 'js',
  jest: 'js',
  vitest: 'js',
  'node:test': 'js',
  pytest: 'python',
  unittest: 'python',
  go: 'go',
  junit5: 'java',
};

export function isFrameworkName(name: string): name is FrameworkName {
  return (FRAMEWORKS as readonly string[]).includes(name);
}

/** What detection and placement read: the manifests at the project root and the existing test files. */
export interface ProjectFacts {
  /** The project root, absolute, `/`-separated. */
  readonly root: string;
  /** Manifest texts by their name relative to the root (`package.json`, `go.mod` …). */
  readonly manifests: ReadonlyMap<string, string>;
  /** Existing test files below the root (absolute), sorted; `text` for the first few of each language. */
  readonly tests: readonly { readonly path: string; readonly text?: string }[];
}

export const MANIFESTS = [
  'package.json',
  'pyproject.toml',
  'setup.cfg',
  'pytest.ini',
  'tox.ini',
  'requirements.txt',
  'requirements-dev.txt',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'tsconfig.json',
] as const;

/** Test files read per language: enough to see their imports and package, bounded on big repositories. */
const SAMPLES_PER_LANGUAGE = 8;

/** Reads the manifests at `root` and a sample of the test files, through the workspace's `readFile`. */
export async function readProjectFacts(
  readFile: Workspace['readFile'],
  root: string,
  testPaths: readonly string[],
  token: CancellationToken,
): Promise<ProjectFacts> {
  const manifests = new Map<string, string>();
  for (const name of MANIFESTS) {
    throwIfCancelled(token);
    const text = await readFile(`${root}/${name}`, token);
    if (text !== undefined) manifests.set(name, text);
  }
  const read = new Map<TestLanguage, number>();
  const tests: { path: string; text?: string }[] = [];
  for (const path of [...testPaths].filter((p) => p.startsWith(root + '/') && !p.includes('/node_modules/')).sort()) {
    const language = languageOfPath(path);
    if (!language) continue;
    const n = read.get(language) ?? 0;
    if (n >= SAMPLES_PER_LANGUAGE) {
      tests.push({ path });
      continue;
    }
    read.set(language, n + 1);
    tests.push({ path, text: await readFile(path, token) });
  }
  return { root, manifests, tests };
}

export function languageOfPath(path: string): TestLanguage | undefined {
  if (/\.(?:[cm]?[jt]sx?)$/.test(path)) return 'js';
  if (path.endsWith('.py')) return 'python';
  if (path.endsWith('_test.go')) return 'go';
  if (path.endsWith('.java')) return 'java';
  return undefined;
}

export interface Detected {
  readonly framework: FrameworkName;
  /** Why, in words: the file or import it was told from. */
  readonly evidence: string;
}

/**
 * The project's framework: the language with the most test files (or, with none, the first
 * manifest found), then that language's framework from its manifests and test imports. Undefined
 * when nothing tells.
 */
export function detectFramework(facts: ProjectFacts): Detected | undefined {
  const counts = new Map<TestLanguage, number>();
  for (const t of facts.tests) {
    const l = languageOfPath(t.path);
    if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const order: TestLanguage[] = ['js', 'python', 'go', 'java'];
  const byTests = [...order].filter((l) => counts.get(l)).sort((a, b) => counts.get(b)! - counts.get(a)!);
  const byManifest = order.filter((l) => hasManifest(facts, l));
  for (const language of [...new Set([...byTests, ...byManifest])]) {
    const found = DETECT[language](
      facts,
      facts.tests.filter((t) => languageOfPath(t.path) === language),
    );
    if (found) return found;
  }
  return undefined;
}

/** A path as the evidence names it: relative to the project root. */
function rel(facts: ProjectFacts, path: string): string {
  return path.startsWith(facts.root + '/') ? path.slice(facts.root.length + 1) : path;
}

function hasManifest(facts: ProjectFacts, language: TestLanguage): boolean {
  const m = facts.manifests;
  switch (language) {
    case 'js':
      return m.has('package.json');
    case 'python':
      return ['pyproject.toml', 'setup.cfg', 'pytest.ini', 'tox.ini', 'requirements.txt', 'requirements-dev.txt'].some((n) => m.has(n));
    case 'go':
      return m.has('go.mod');
    case 'java':
      return m.has('pom.xml') || m.has('build.gradle') || m.has('build.gradle.kts');
  }
}

type Sample = readonly { readonly path: string; readonly text?: string }[];

const DETECT: Readonly<Record<TestLanguage, (facts: ProjectFacts, tests: Sample) => Detected | undefined>> = {
  js: detectJs,
  python: detectPython,
  go: (facts, tests) =>
    facts.manifests.has('go.mod') || tests.length
      ? { framework: 'go', evidence: facts.manifests.has('go.mod') ? 'go.mod' : rel(facts, tests[0]!.path) }
      : undefined,
  java: detectJava,
};

function detectJs(facts: ProjectFacts, tests: Sample): Detected | undefined {
  // Imports in the tests say what they run under, whatever package.json lists.
  for (const t of tests) {
    const text = t.text ?? '';
    if (/from\s+['"]vitest['"]|require\(\s*['"]vitest['"]\s*\)/.test(text)) return { framework: 'vitest', evidence: `${rel(facts, t.path)} imports vitest` };
    if (/from\s+['"]node:test['"]|require\(\s*['"]node:test['"]\s*\)/.test(text))
      return { framework: 'node:test', evidence: `${rel(facts, t.path)} imports node:test` };
    if (/from\s+['"]@jest\/globals['"]/.test(text)) return { framework: 'jest', evidence: `${rel(facts, t.path)} imports @jest/globals` };
  }
  const pkg = parsePackageJson(facts.manifests.get('package.json'));
  if (pkg) {
    const script = pkg.testScript;
    for (const [name, pattern] of [
      ['vitest', /\bvitest\b/],
      ['jest', /\bjest\b/],
      ['mocha', /\bmocha\b/],
      ['node:test', /\b(?:node|tsx)\b[^&|;]*\s--test\b/],
    ] as const)
      if (pattern.test(script)) return { framework: name, evidence: `package.json scripts.test runs ${name}` };
    for (const name of ['vitest', 'jest', 'mocha'] as const)
      if (pkg.dependencies.has(name)) return { framework: name, evidence: `package.json depends on ${name}` };
    if (pkg.dependencies.has('ts-jest') || pkg.dependencies.has('@jest/globals')) return { framework: 'jest', evidence: 'package.json depends on jest' };
  }
  if (tests.some((t) => /\b(?:describe|it)\s*\(/.test(t.text ?? ''))) return { framework: 'mocha', evidence: 'test files call describe/it' };
  return pkg ? { framework: 'node:test', evidence: 'package.json names no test framework: node:test needs none' } : undefined;
}

function parsePackageJson(text: string | undefined): { testScript: string; dependencies: ReadonlySet<string> } | undefined {
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const obj = raw as Record<string, unknown>;
  const keys = (v: unknown) => (v && typeof v === 'object' ? Object.keys(v) : []);
  const scripts = obj.scripts && typeof obj.scripts === 'object' ? (obj.scripts as Record<string, unknown>) : {};
  return {
    testScript: typeof scripts.test === 'string' ? scripts.test : '',
    dependencies: new Set([...keys(obj.dependencies), ...keys(obj.devDependencies), ...keys(obj.peerDependencies)]),
  };
}

/** The module system a new JavaScript test file is written for. */
export function isEsmPackage(facts: ProjectFacts): boolean {
  const text = facts.manifests.get('package.json');
  return !!text && /"type"\s*:\s*"module"/.test(text);
}

function detectPython(facts: ProjectFacts, tests: Sample): Detected | undefined {
  for (const t of tests)
    if (/^[ \t]*(?:import pytest|from pytest\b)|@pytest\./m.test(t.text ?? '')) return { framework: 'pytest', evidence: `${rel(facts, t.path)} uses pytest` };
  for (const name of ['pytest.ini', 'pyproject.toml', 'setup.cfg', 'tox.ini', 'requirements-dev.txt', 'requirements.txt'])
    if (/\bpytest\b/.test(facts.manifests.get(name) ?? '')) return { framework: 'pytest', evidence: `${name} names pytest` };
  for (const t of tests)
    if (/\bunittest\.TestCase\b|^[ \t]*(?:import unittest|from unittest\b)/m.test(t.text ?? ''))
      return { framework: 'unittest', evidence: `${rel(facts, t.path)} uses unittest` };
  return hasManifest(facts, 'python') || tests.length ? { framework: 'unittest', evidence: 'no pytest named: unittest is in the standard library' } : undefined;
}

function detectJava(facts: ProjectFacts, tests: Sample): Detected | undefined {
  for (const t of tests)
    if (/org\.junit\.jupiter/.test(t.text ?? '')) return { framework: 'junit5', evidence: `${rel(facts, t.path)} imports org.junit.jupiter` };
  for (const name of ['pom.xml', 'build.gradle', 'build.gradle.kts'])
    if (/junit-jupiter|org\.junit\.jupiter|useJUnitPlatform/.test(facts.manifests.get(name) ?? ''))
      return { framework: 'junit5', evidence: `${name} names JUnit 5` };
  return hasManifest(facts, 'java') ? { framework: 'junit5', evidence: 'a Java build file (JUnit 5 assumed)' } : undefined;
}
