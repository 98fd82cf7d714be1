// @spec specthread-core#19.1, specthread-core#19.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DraftSpecRequest, DraftSpecResult } from '../../shared/studioProtocol';
import { TestClient, uriOf } from '../helpers/lspClient';

const FILES: Record<string, string> = {
  'api/server.go': 'package api\n\n// Serve serves.\nfunc Serve(r *mux.Router) { r.HandleFunc("/items", list).Methods("GET") }\n',
  'api/server_test.go': 'package api\n\nfunc TestServe(t *testing.T) { get("/items") }\n',
};

describe('specthread/draftSpec over LSP (a preview: nothing written)', function () {
  this.timeout(60_000);
  let root: string;
  let client: TestClient;
  const request = (params: unknown) => client.connection.sendRequest(DraftSpecRequest, params) as Promise<DraftSpecResult>;

  beforeEach(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-draft-lsp-')));
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    client = await TestClient.start({ root });
    await client.waitForIndexed();
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers the spec files with their text and target URIs, and the proposed tags as line inserts', async () => {
    const result = await request({ folder: uriOf(root), format: 'openspec', name: 'items', tag: true });
    assert.strictEqual(result.name, 'items');
    assert.match(result.summary, /^Drafted \d+ requirements from 2 files: 1 public names, 1 routes, 0 commands, 1 tests\.$/);
    assert.deepStrictEqual(
      result.files.map((f) => [f.path, f.exists]),
      [
        ['openspec/specs/items/spec.md', false],
        ['openspec/specs/items/design.md', false],
      ],
    );
    assert.strictEqual(result.files[0]?.uri, uriOf(path.join(root, 'openspec/specs/items/spec.md')));
    assert.match(
      result.files[0]?.text ?? '',
      /- \*\*WHEN\*\* a client sends `GET \/items`\n- \*\*THEN\*\* THE API SHALL respond through `list`\n- \*\*AND\*\* it is verified by: `api\/server_test\.go::TestServe`/,
    );
    assert.deepStrictEqual(
      result.tags.map((t) => [path.relative(root, new URL(t.uri).pathname), t.line, t.text]),
      [
        ['api/server.go', 0, '// @spec items#http-routes-in-api-server-go/routes-api-1, items#module-api/module-api-1'],
        ['api/server_test.go', 0, '// @spec items#http-routes-in-api-server-go/routes-api-1'],
      ],
    );
    assert.ok(!fs.existsSync(path.join(root, 'openspec')), 'the server writes nothing');
    assert.strictEqual(fs.readFileSync(path.join(root, 'api/server.go'), 'utf8'), FILES['api/server.go']);
  });

  it('refuses a folder that does not exist and an unknown format with a message', async () => {
    await assert.rejects(request({ folder: uriOf(path.join(root, 'nope')) }), /not a folder/);
    await assert.rejects(request({ folder: uriOf(root), format: 'word' }), /format must be kiro, speckit or openspec/);
  });
});
