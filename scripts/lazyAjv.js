// An esbuild plugin that loads Ajv when the first JSON file is validated, not when the bundle loads.
// core/parse/json.ts checks specthread.json and Kiro's JSON files against their schemas with Ajv;
// most runs validate no JSON file at all (a repository without specthread.json, OpenSpec and
// spec-kit specs), yet evaluating Ajv's modules (its code generator, vocabularies and the draft-07
// meta-schema) was part of every start. The core cannot require lazily itself (it has no `require`:
// tsconfig.core.json gives it no Node types), so the bundle hands json.ts a stand-in for Ajv's
// default export: a constructor that requires the real Ajv on its first call and returns a real
// instance, so `new Ajv(options)` makes exactly what it made before. Type imports are erased.
const path = require('path');

const lazyAjv = {
  name: 'lazy-ajv',
  setup(build) {
    build.onResolve({ filter: /^ajv$/ }, (args) =>
      /[\\/]core[\\/]parse[\\/]json\.ts$/.test(args.importer) ? { path: 'ajv', namespace: 'lazy-ajv', pluginData: path.dirname(args.importer) } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-ajv' }, (args) => ({
      contents: ['let Ajv;', 'export default function LazyAjv(options) {', "  Ajv ??= require('ajv').default;", '  return new Ajv(options);', '}'].join('\n'),
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

module.exports = { lazyAjv };
