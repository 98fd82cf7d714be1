// @spec specthread-core#16.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from 'vscode-languageserver-protocol/node';
import { FIXTURES } from '../helpers/fixtures';
import { TestClient, copyToTemp, uriOf } from '../helpers/lspClient';

/** LSP severities: 1 error, 2 warning, 3 information, 4 hint. */
const bySeverity = (d: Diagnostic[]) => Object.fromEntries(d.map((x) => [String(x.code), x.severity]));

describe('language server: severity presets from specthread.json and the specthread.preset setting (LSP round trip)', function () {
  let root: string;
  let client: TestClient;
  let requirements: string;

  beforeEach(async () => {
    root = copyToTemp(path.join(FIXTURES, 'presets'));
    requirements = path.join(root, '.kiro', 'specs', 'notes', 'requirements.md');
    fs.writeFileSync(path.join(root, 'specthread.json'), JSON.stringify({ preset: 'strict' }));
    // VS Code sends every contributed setting, specthread.preset included, as null while it is unset.
    client = await TestClient.start({
      root,
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      settings: { preset: null, rules: {} },
    });
    await client.waitForIndexed();
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("uses specthread.json's preset while the setting is unset, the setting once it is chosen, and the default once both are gone", async () => {
    const strict = await client.waitForDiagnostics(requirements, (d) => d.some((x) => x.code === 'coverage.requirement-without-task' && x.severity === 2));
    assert.deepStrictEqual(bySeverity(strict), {
      'quality.vague-term': 2,
      'ears.then-after-when': 2,
      'ears.unknown-system': 2,
      'coverage.requirement-without-task': 2,
    });

    client.settings = { preset: 'ears', rules: {} };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const ears = await client.waitForDiagnostics(
      requirements,
      (d) => d.some((x) => x.code === 'coverage.requirement-without-task' && x.severity === 3),
      'ears',
    );
    assert.deepStrictEqual(bySeverity(ears), {
      'quality.vague-term': 2,
      'ears.then-after-when': 2,
      'ears.unknown-system': 2,
      'coverage.requirement-without-task': 3,
    });

    client.settings = { preset: null, rules: {} };
    fs.writeFileSync(path.join(root, 'specthread.json'), '{}');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'specthread.json')), type: 2 }] });
    const recommended = await client.waitForDiagnostics(requirements, (d) => d.some((x) => x.code === 'quality.vague-term' && x.severity === 4), 'recommended');
    assert.deepStrictEqual(bySeverity(recommended), { 'quality.vague-term': 4, 'coverage.requirement-without-task': 3 });
  });
});
