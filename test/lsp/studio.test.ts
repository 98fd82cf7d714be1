// @spec specthread-core#19.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestStubsRequest, TestStubsResult } from '../../shared/studioProtocol';
import { TestClient, uriOf } from '../helpers/lspClient';

/** `specthread/testStubs` over a real connection: the stubs come back as a preview edit, and nothing is written. */
describe('Spec Studio requests over LSP', function () {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-studio-')));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write(
      '.kiro/specs/user-auth/requirements.md',
      '# Requirements Document\n\n## Requirements\n\n### Requirement 1: Sign in\n\n#### Acceptance Criteria\n\n1. WHEN a user signs in THE Auth_Service SHALL issue a token\n2. IF the token has expired, THEN THE Auth_Service SHALL reject the request\n',
    );
    write('package.json', '{"devDependencies":{"mocha":"10"}}');
    write('test/login.test.js', "it('user-auth#1.1 issues a token', () => {});\n");
    client = await TestClient.start({ root });
    await client.waitForIndexed();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers the stubs as a WorkspaceEdit that creates the file, and writes nothing', async () => {
    const spec = uriOf(path.join(root, '.kiro/specs/user-auth/requirements.md'));
    const result = (await client.connection.sendRequest(TestStubsRequest, { spec })) as TestStubsResult;
    const target = uriOf(path.join(root, 'test/user-auth.pending.test.js'));
    assert.strictEqual(result.framework, 'mocha');
    assert.deepStrictEqual(result.skipped, [{ ref: 'user-auth#1.1', reason: 'verified' }]);
    assert.deepStrictEqual(
      result.files.map((f) => [f.uri, f.create, f.refs]),
      [[target, true, ['user-auth#1.2']]],
    );
    const [create, insert] = result.edit.documentChanges;
    assert.deepStrictEqual(create, { kind: 'create', uri: target, options: { ignoreIfExists: false } });
    assert.ok(insert && 'edits' in insert && insert.edits[0]!.newText.includes("it.skip('user-auth#1.2 IF the token has expired"));
    assert.ok(!fs.existsSync(path.join(root, 'test/user-auth.pending.test.js')));
  });

  it('refuses an unknown spec with a message that says what to give', async () => {
    await assert.rejects(
      client.connection.sendRequest(TestStubsRequest, { spec: 'nope' }),
      (e: Error & { code?: number }) => e.code === -32602 && /No spec named nope/.test(e.message),
    );
  });
});
