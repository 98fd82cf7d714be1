// ESLint (flat config) with typescript-eslint. The one architectural rule it enforces: the core
// (server/src/core) is pure analysis and never reaches the file system, the network, processes
// or the editor protocols; all I/O comes through the Workspace interface, so that the CLI, the
// language server and tests share one engine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.vscode-test/**', 'test-results/**', 'test/fixtures/**', 'examples/**', '**/*.d.ts'] },
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
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'server/src/core is pure: reach files through the Workspace interface (server/src/core/workspace.ts).' })),
          patterns: [
            { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'server/src/core knows nothing of LSP or VS Code: convert in server/src/lsp.' },
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
