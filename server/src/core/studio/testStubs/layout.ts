// @spec specthread-core#19.4
import { FrameworkName, LANGUAGE_OF, ProjectFacts, TestLanguage, isEsmPackage, languageOfPath } from './frameworks';

/**
 * Where a spec's stubs go: the folder that holds most of the project's tests in the framework's
 * language, with the file naming those tests use (`*.test.ts`, `test_*.py`, `*_test.go`,
 * `*Test.java`), so the project's runner and SpecThread's test globs both pick the file up.
 */
export interface Placement {
  /** Absolute path of the stub file. */
  readonly path: string;
  readonly typescript: boolean;
  readonly esm: boolean;
  /** Go package or Java package (absent: Java's default package). */
  readonly packageName?: string;
  /** The Java or unittest class the stubs go in. */
  readonly className: string;
}

/** Default folders when the project has no test yet. */
const DEFAULT_DIR: Readonly<Record<TestLanguage, string>> = { js: 'test', python: 'tests', go: '', java: 'src/test/java' };

export async function placeStubs(
  framework: FrameworkName,
  specId: string,
  facts: ProjectFacts,
  readText: (path: string) => Promise<string | undefined>,
): Promise<Placement> {
  const language = LANGUAGE_OF[framework];
  const tests = facts.tests.filter((t) => languageOfPath(t.path) === language);
  const dir = mostCommon(tests.map((t) => t.path.slice(0, t.path.lastIndexOf('/')))) ?? join(facts.root, DEFAULT_DIR[language]);
  const words = specId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const slug = words.join('-').toLowerCase() || 'spec';
  const snake = words.join('_').toLowerCase() || 'spec';
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Spec';
  const className = /^\d/.test(pascal) ? `Spec${pascal}Pending` : `${pascal}Pending`;
  const esm = isEsmPackage(facts);
  switch (language) {
    case 'js': {
      const suffix =
        mostCommon(tests.map((t) => /((?:\.(?:test|spec))?\.[cm]?[jt]sx?)$/.exec(t.path)?.[1] ?? '.test.js')) ??
        (facts.manifests.has('tsconfig.json') ? '.test.ts' : '.test.js');
      return {
        path: `${dir}/${slug}.pending${suffix.startsWith('.test') || suffix.startsWith('.spec') ? suffix : `.test${suffix}`}`,
        typescript: /\.[cm]?tsx?$/.test(suffix),
        esm: esm || /\.m[jt]s$/.test(suffix),
        className,
      };
    }
    case 'python':
      return { path: `${dir}/test_${snake}_pending.py`, typescript: false, esm, className: `Test${className}` };
    case 'go': {
      const sample = tests.find((t) => t.path.startsWith(dir + '/'));
      const text = sample ? (sample.text ?? (await readText(sample.path))) : undefined;
      const pkg = (text && /^package[ \t]+(\w+)/m.exec(text)?.[1]) ?? goModulePackage(facts);
      return { path: `${dir}/${snake}_pending_test.go`, typescript: false, esm, packageName: pkg, className };
    }
    case 'java': {
      const sample = tests.find((t) => t.path.startsWith(dir + '/'));
      const text = sample ? (sample.text ?? (await readText(sample.path))) : undefined;
      const pkg = text ? /^[ \t]*package[ \t]+([\w.]+)[ \t]*;/m.exec(text)?.[1] : undefined;
      return { path: `${dir}/${className}Test.java`, typescript: false, esm, ...(pkg ? { packageName: pkg } : {}), className: `${className}Test` };
    }
  }
}

/** The package of a Go module's root folder: the last element of its module path. */
function goModulePackage(facts: ProjectFacts): string {
  const module = /^module\s+(\S+)/m.exec(facts.manifests.get('go.mod') ?? '')?.[1];
  const last = module
    ?.split('/')
    .pop()
    ?.replace(/[^A-Za-z0-9_]/g, '_');
  return last && /^[A-Za-z_]/.test(last) ? last : 'main';
}

/** The most frequent value; ties go to the first in sorted order, so the same project gives the same answer. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

function join(root: string, dir: string): string {
  return dir ? `${root}/${dir}` : root;
}
