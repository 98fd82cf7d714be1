// @spec specthread-core#14.8
/**
 * Fails when the import graph of server/src, shared and client holds a cycle, type-only imports
 * included: a cycle means two modules cannot be understood, tested or moved apart, and the
 * layering (core → nothing; lsp, cli, host → core) is only real when the graph is acyclic.
 * Uses the TypeScript compiler already in the tree to resolve imports exactly as tsc does.
 *
 *   node --import tsx scripts/check-cycles.ts [folder…]
 */
import * as path from 'path';
import * as ts from 'typescript';

const REPO = path.resolve(__dirname, '..');
const folders = process.argv.slice(2).length ? process.argv.slice(2) : ['server/src', 'shared', 'client'];

const configFile = ts.readConfigFile(path.join(REPO, 'tsconfig.json'), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, REPO);
const inScope = (file: string) => folders.some((f) => file.startsWith(path.join(REPO, f) + path.sep)) && !file.endsWith('.d.ts');
const files = parsed.fileNames.map((f) => path.resolve(f)).filter(inScope);

/** Each file's imports that resolve to another file in scope. */
const edges = new Map<string, string[]>();
for (const file of files) {
  const info = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
  const targets = info.importedFiles
    .map((i) => ts.resolveModuleName(i.fileName, file, parsed.options, ts.sys).resolvedModule?.resolvedFileName)
    .filter((t): t is string => !!t)
    .map((t) => path.resolve(t))
    .filter(inScope);
  edges.set(file, [...new Set(targets)]);
}

/** Tarjan's strongly connected components; every component with more than one file is a cycle. */
function cycles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.map((f) => path.relative(REPO, f)).sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return out;
}

const found = cycles();
if (found.length) {
  console.error(`import cycles (${found.length}): each group below imports itself through the others`);
  for (const group of found) console.error(`  - ${group.join('\n    ')}`);
  process.exit(1);
}
console.log(`no import cycles among ${files.length} files in ${folders.join(', ')}`);
