// An esbuild plugin that loads a few packages when they are first used, not when the bundle loads.
// esbuild evaluates every module the entry imports as the bundle loads, so each start paid for
// packages that most runs never call:
// - Ajv (core/parse/json.ts validates specthread.json and Kiro's JSON files): its code generator,
//   vocabularies and the draft-07 meta-schema, in a repository without such files;
// - yaml (Kiro steering front matter, OpenSpec's .openspec.yaml): its 80 modules, in a repository
//   with neither.
// The core cannot require lazily itself (it has no `require`: tsconfig.core.json gives it no Node
// types), so the bundle hands each importer under server/src a stand-in module: each export the
// importers use is a function that requires the real package on its first call and forwards to
// it, so every call returns exactly what it did (`new Ajv(options)` returns a real instance). Type
// imports are erased; an importer naming an export the stand-in lacks fails the build.
const path = require('path');

/** Package → its stand-in's exports: `default` a class, the rest functions. */
const LAZY = {
  ajv: { default: 'class' },
  yaml: { parse: 'function', parseDocument: 'function', isMap: 'function', isScalar: 'function' },
};

function standIn(name) {
  const lines = [`let loaded;`, `const load = () => (loaded ??= require(${JSON.stringify(name)}));`];
  for (const [key, kind] of Object.entries(LAZY[name])) {
    if (key === 'default' && kind === 'class') lines.push('export default function LazyDefault(...args) {', '  return new (load().default)(...args);', '}');
    else lines.push(`export function ${key}(...args) {`, `  return load().${key}(...args);`, '}');
  }
  return lines.join('\n');
}

const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace !== 'lazy-package' && /[\\/]server[\\/]src[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'lazy-package', pluginData: path.dirname(args.importer) }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({ contents: standIn(args.path), resolveDir: args.pluginData, loader: 'js' }));
  },
};

module.exports = { lazyPackages, standIn };
