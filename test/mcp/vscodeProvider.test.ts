// @spec specthread-core#18.1
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type * as vscode from 'vscode';
import { MCP_PROVIDER_ID, McpCapableApi, McpDefinitionProvider, McpStdioDefinition, registerMcpProvider } from '../../client/src/mcpProvider';
import { REPO } from '../helpers/fixtures';

/** The VS Code registration of the MCP server, against a stand-in for the `vscode` module. */
describe('mcp: VS Code agent-mode registration', () => {
  class Definition implements McpStdioDefinition {
    cwd?: vscode.Uri;
    constructor(
      readonly label: string,
      readonly command: string,
      readonly args?: string[],
      readonly env?: Record<string, string>,
      readonly version?: string,
    ) {}
  }
  const folder = (name: string, fsPath: string) => ({ name, index: 0, uri: { fsPath } as vscode.Uri }) as vscode.WorkspaceFolder;
  const noEvent = (() => ({ dispose() {} })) as unknown as vscode.Event<unknown>;

  it('registers one stdio server per workspace folder running the bundled CLI', () => {
    let registered: { id: string; provider: McpDefinitionProvider } | undefined;
    const api: McpCapableApi = {
      lm: {
        registerMcpServerDefinitionProvider: (id, provider) => {
          registered = { id, provider };
          return { dispose() {} } as vscode.Disposable;
        },
      },
      McpStdioServerDefinition: Definition,
      workspace: { workspaceFolders: [folder('app', '/work/app'), folder('lib', '/work/lib')], onDidChangeWorkspaceFolders: noEvent },
    };
    assert.ok(registerMcpProvider(api, '/ext/dist/cli.js', '/usr/bin/code', '1.2.3'));
    assert.strictEqual(registered?.id, MCP_PROVIDER_ID);
    const defs = registered.provider.provideMcpServerDefinitions({} as vscode.CancellationToken) as Definition[];
    assert.deepStrictEqual(
      defs.map((d) => [d.label, d.command, d.args, d.env, d.version, d.cwd?.fsPath]),
      [
        ['SpecThread (app)', '/usr/bin/code', ['/ext/dist/cli.js', 'mcp', '/work/app'], { ELECTRON_RUN_AS_NODE: '1' }, '1.2.3', '/work/app'],
        ['SpecThread (lib)', '/usr/bin/code', ['/ext/dist/cli.js', 'mcp', '/work/lib'], { ELECTRON_RUN_AS_NODE: '1' }, '1.2.3', '/work/lib'],
      ],
    );
  });

  it('registers nothing in an editor without the MCP API', () => {
    const api: McpCapableApi = { lm: {}, workspace: { workspaceFolders: [], onDidChangeWorkspaceFolders: noEvent } };
    assert.strictEqual(registerMcpProvider(api, 'cli', 'node', '0'), undefined);
  });

  it('package.json contributes the provider id the extension registers', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { mcpServerDefinitionProviders?: { id: string }[] } };
    assert.deepStrictEqual(
      pkg.contributes.mcpServerDefinitionProviders?.map((p) => p.id),
      [MCP_PROVIDER_ID],
    );
  });
});
