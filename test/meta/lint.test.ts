// @spec specthread-core#14.8
import * as assert from 'assert';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';

/**
 * The layering the linter enforces: a core file that imports `fs`, a Node built-in, or the LSP
 * library is an error, while the same import in the host layer is fine. Linted from text, so no
 * such file ever exists in the tree.
 */
describe('lint: the core stays pure', function () {
  this.timeout(60000);

  async function messages(relativePath: string, text: string): Promise<string[]> {
    const { ESLint } = (await import('eslint')) as typeof import('eslint');
    const eslint = new ESLint({ cwd: REPO });
    const [result] = await eslint.lintText(text, { filePath: path.join(REPO, relativePath) });
    return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
  }

  for (const [what, source] of [
    ['fs', "import * as fs from 'fs';\nexport const x = fs.existsSync;\n"],
    ['node:child_process', "import { spawn } from 'node:child_process';\nexport const x = spawn;\n"],
    ['the LSP library', "import { Connection } from 'vscode-languageserver/node';\nexport type X = Connection;\n"],
    ['the host layer', "import { NodeWorkspace } from '../host/nodeWorkspace';\nexport type X = NodeWorkspace;\n"],
  ] as const) {
    it(`rejects ${what} imported into server/src/core`, async () => {
      const found = await messages('server/src/core/probe.ts', source);
      assert.ok(found.some((m) => m.startsWith('no-restricted-imports')), JSON.stringify(found));
    });
  }

  it('allows the same import outside the core', async () => {
    const found = await messages('server/src/host/probe.ts', "import * as fs from 'fs';\nexport const x = fs.existsSync;\n");
    assert.deepStrictEqual(found, []);
  });
});
