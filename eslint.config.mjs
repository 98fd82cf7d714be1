// ESLint (flat config) with typescript-eslint. The one architectural rule it enforces: the core
// (server/src/core) is pure analysis and never reaches the file system, the network, processes
// or the editor protocols; all I/O comes through the Workspace interface, so that the CLI, the
// language server and tests share one engine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// The core holds no module-level mutable state: a module-level table is shared by every engine
// in a process (the CLI, the server and each test), so one engine's settings or memo could leak
// into another's results. Memo tables belong to the engine (server/src/core/analysisCache.ts).
// Constant tables stay: a Set or Map typed ReadonlySet/ReadonlyMap cannot be written through.
const STATE_MESSAGE =
  "server/src/core holds no module-level mutable state: keep memo tables in the engine's AnalysisCache (server/src/core/analysisCache.ts), or type a constant table ReadonlySet/ReadonlyMap.";
const TOP_LEVEL = ['Program', 'Program > ExportNamedDeclaration'];
const moduleStateSelectors = TOP_LEVEL.flatMap((top) => [
  { selector: `${top} > VariableDeclaration[kind=/^(let|var)$/]`, message: STATE_MESSAGE },
  {
    selector: `${top} > VariableDeclaration > VariableDeclarator:not([id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly(Map|Set)$/]) > NewExpression.init[callee.name=/^(Map|Set|WeakMap|WeakSet)$/]`,
    message: STATE_MESSAGE,
  },
]).concat([
  // A static field is a module-level variable by another name.
  { selector: 'PropertyDefinition[static=true][readonly!=true]', message: STATE_MESSAGE },
  // Moving a module-level regex's lastIndex is writing shared state; clone the regex per call.
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name="lastIndex"][object.type="Identifier"][object.name=/^[A-Z][A-Z0-9_]*$/]',
    message: STATE_MESSAGE,
  },
]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.vscode-test/**', 'test-results/**', '.bench/**', 'test/fixtures/**', 'examples/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Unused parameters named with a leading underscore document an interface they satisfy.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and transport code talk to untyped JSON (LSP payloads, CLI JSON); the core may not.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', ...moduleStateSelectors],
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'server/src/core is pure: reach files through the Workspace interface (server/src/core/workspace.ts).',
          })),
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'],
              message: 'server/src/core knows nothing of LSP or VS Code: convert in server/src/lsp.',
            },
            { group: ['**/lsp/**', '**/host/**', '**/cli/**', '**/mcp/**'], message: 'server/src/core must not depend on its transports.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', 'scripts/**', 'test/e2e/**', 'esbuild.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The in-editor suite runs inside VS Code's extension host under mocha's globals.
    files: ['test/e2e/suite/**/*.test.js'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
  },
);
