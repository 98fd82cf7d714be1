// An esbuild plugin that declares jsonc-parser's ES modules free of side effects, so esbuild leaves
// out what the bundle never calls. jsonc-parser's package.json does not say `"sideEffects": false`,
// so its formatter's string tables (impl/string-intern.js: 1,200 indentation strings built with
// `repeat` when the module loads) were evaluated on every start, though SpecThread only parses
// and scans JSON and never formats or edits it through jsonc-parser. Its modules define functions
// and constant tables only, so leaving out the unused ones changes nothing else.
const PACKAGE_FILE = /[\\/]jsonc-parser[\\/]lib[\\/]esm[\\/]/;

const sideEffectFree = {
  name: 'side-effect-free',
  setup(build) {
    // jsonc-parser's entry is reached through esbuild.js's alias, the rest by relative imports.
    build.onResolve({ filter: /^(\.\.?\/|jsonc-parser$)/ }, async (args) => {
      if (args.pluginData === sideEffectFree || (args.path !== 'jsonc-parser' && !PACKAGE_FILE.test(args.importer))) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: sideEffectFree });
      if (resolved.errors.length || !PACKAGE_FILE.test(resolved.path)) return undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
};

module.exports = { sideEffectFree };
