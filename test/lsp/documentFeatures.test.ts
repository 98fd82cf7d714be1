// @spec specthread-core#20.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DocumentHighlight, FoldingRange } from 'vscode-languageserver-protocol/node';
import { FIXTURES, REPO } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

/** LSP highlight kinds: 2 read, 3 write. */
const spans = (h: DocumentHighlight[]) => h.map((x) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.character} ${x.kind}`);
const folds = (f: FoldingRange[]) => f.map((x) => `${x.startLine}-${x.endLine}`);

describe('language server: document highlights for refs, folding ranges for requirements and task groups (LSP round trip)', function () {
  let root: string;
  let client: TestClient;
  const uri = (rel: string) => uriOf(path.join(root, rel));
  const highlights = (rel: string, line: number, character: number) =>
    client.connection.sendRequest('textDocument/documentHighlight', { textDocument: { uri: uri(rel) }, position: { line, character } }) as Promise<
      DocumentHighlight[]
    >;
  const foldsOf = async (rel: string) =>
    folds((await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: uri(rel) } })) as FoldingRange[]);

  before(async () => {
    root = copyToTemp(path.join(FIXTURES, 'trace-repo'));
    fs.cpSync(path.join(REPO, 'examples', 'speckit-workspace', 'specs'), path.join(root, 'specs'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'auth', 'twice.ts'), '// @spec user-auth#2.1\nconst a = 1;\n// @spec user-auth#2.2\n// @spec user-auth#2.1\n');
    client = await TestClient.start({ root });
    await client.waitForIndexed();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('highlights the tags of the same criterion in a code file, and not those of its neighbour', async () => {
    assert.deepStrictEqual(spans(await highlights('src/auth/twice.ts', 0, 20)), ['0:9-22 2', '3:9-22 2']);
    assert.deepStrictEqual(spans(await highlights('src/auth/twice.ts', 2, 20)), ['2:9-22 2']);
  });

  it("marks a criterion's definition as the write occurrence, and answers nothing away from an id", async () => {
    assert.deepStrictEqual(spans(await highlights('.kiro/specs/user-auth/requirements.md', 15, 0)), ['15:0-2 3']);
    assert.deepStrictEqual(await highlights('.kiro/specs/user-auth/requirements.md', 1, 0), []);
  });

  it('folds each requirement section, each task with its sub-bullets, and spec-kit phases', async () => {
    // Requirements 1, 2 and 3 from heading to last criterion.
    assert.deepStrictEqual(await foldsOf('.kiro/specs/user-auth/requirements.md'), ['8-16', '18-25', '27-33']);
    // The plan's heading, then each task with its `_Requirements_` line.
    assert.deepStrictEqual(await foldsOf('.kiro/specs/user-auth/tasks.md'), ['0-13', '2-4', '6-7', '9-10', '12-13']);
    // The task list, then "Phase 1" and "Phase 2" with their tasks.
    const feature = fs.readdirSync(path.join(root, 'specs'))[0];
    assert.deepStrictEqual(await foldsOf(`specs/${feature}/tasks.md`), ['0-9', '2-5', '7-9']);
  });
});
