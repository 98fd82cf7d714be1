// @spec specthread-core#14.8, specthread-core#15.4
import * as assert from 'assert';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';

async function lintMessages(relativePath: string, text: string): Promise<string[]> {
  const { ESLint } = (await import('eslint')) as typeof import('eslint');
  const eslint = new ESLint({ cwd: REPO });
  const [result] = await eslint.lintText(text, { filePath: path.join(REPO, relativePath) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

/**
 * The layering the linter enforces: a core file that imports `fs`, a Node built-in, or the LSP
 * library is an error, while the same import in the host layer is fine. Linted from text, so no
 * such file ever exists in the tree.
 */
describe('lint: the core stays pure', function () {
  this.timeout(60000);

  const messages = lintMessages;

  for (const [what, source] of [
    ['fs', "import * as fs from 'fs';\nexport const x = fs.existsSync;\n"],
    ['node:child_process', "import { spawn } from 'node:child_process';\nexport const x = spawn;\n"],
    ['the LSP library', "import { Connection } from 'vscode-languageserver/node';\nexport type X = Connection;\n"],
    ['the host layer', "import { NodeWorkspace } from '../host/nodeWorkspace';\nexport type X = NodeWorkspace;\n"],
  ] as const) {
    it(`rejects ${what} imported into server/src/core`, async () => {
      const found = await messages('server/src/core/probe.ts', source);
      assert.ok(
        found.some((m) => m.startsWith('no-restricted-imports')),
        JSON.stringify(found),
      );
    });
  }

  it('allows the same import outside the core', async () => {
    const found = await messages('server/src/host/probe.ts', "import * as fs from 'fs';\nexport const x = fs.existsSync;\n");
    assert.deepStrictEqual(found, []);
  });
});

/**
 * No module-level mutable state in the core: a table at module level is shared by every engine in
 * the process, so memo tables live in the engine's AnalysisCache. Linted from text like the
 * layering probes; each probe must be reported, and the allowed forms must not be.
 */
describe('lint: the core keeps no module-level mutable state', function () {
  this.timeout(60000);

  const stateErrors = (found: string[]) => found.filter((m) => m.startsWith('no-restricted-syntax') && m.includes('module-level mutable state'));

  for (const [what, source] of [
    ['a top-level let', 'let calls = 0;\nexport function count(): number {\n  return ++calls;\n}\n'],
    ['an exported top-level let', 'export let current: string | undefined;\n'],
    ['a top-level var', 'var seen = 0;\nexport const x = () => seen;\n'],
    ['a module-level Map memo', 'const memo = new Map<string, number>();\nexport const get = (k: string) => memo.get(k);\n'],
    ['an exported module-level Set', 'export const SEEN = new Set<string>();\n'],
    ['a module-level WeakMap memo', 'const memo = new WeakMap<object, number>();\nexport const get = (k: object) => memo.get(k);\n'],
    ['a module-level WeakSet', 'const seen = new WeakSet<object>();\nexport const has = (k: object) => seen.has(k);\n'],
    ['a Map typed as a mutable Map', 'const memo: Map<string, number> = new Map();\nexport const get = (k: string) => memo.get(k);\n'],
    ['a static class field', 'export class Counter {\n  static count = 0;\n}\n'],
    [
      "moving a module-level regex's lastIndex",
      'const WORD = /\\w+/g;\nexport function at(text: string, i: number) {\n  WORD.lastIndex = i;\n  return WORD.exec(text);\n}\n',
    ],
  ] as const) {
    it(`rejects ${what} in server/src/core`, async () => {
      const found = await lintMessages('server/src/core/probe.ts', source);
      assert.strictEqual(stateErrors(found).length, 1, JSON.stringify(found));
    });
  }

  it('allows constant tables, state inside functions and classes, and the same code outside the core', async () => {
    const allowed = [
      "const WORDS: ReadonlySet<string> = new Set(['a', 'b']);",
      "export const BY_NAME: ReadonlyMap<string, number> = new Map([['a', 1]]);",
      'const PATTERN = /\\w+/g;',
      'export function words(text: string): string[] {',
      '  const memo = new Map<string, number>();',
      '  let n = 0;',
      '  for (const m of text.matchAll(PATTERN)) memo.set(m[0], n++);',
      '  const copy = new RegExp(PATTERN);',
      '  copy.lastIndex = 0;',
      '  return [...memo.keys()].filter((w) => WORDS.has(w) || BY_NAME.has(w));',
      '}',
      'export class Cache {',
      '  private readonly table = new Map<string, number>();',
      '  static readonly EMPTY = 0;',
      '  get(k: string) {',
      '    return this.table.get(k);',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(await lintMessages('server/src/core/probe.ts', allowed), []);
    assert.deepStrictEqual(
      await lintMessages('server/src/lsp/probe.ts', 'let calls = 0;\nexport const memo = new Map<string, number>();\nexport const next = () => ++calls;\n'),
      [],
    );
  });
});
