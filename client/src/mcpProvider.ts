// @spec specthread-core#18.1
import type * as vscode from 'vscode';

/**
 * Registers `specthread mcp` with VS Code's agent mode, so agents find the thread with no
 * configuration: one stdio server per workspace folder, the bundled CLI run by the editor's own
 * Node. The API (`vscode.lm.registerMcpServerDefinitionProvider`, VS Code 1.101) is newer than
 * the @types/vscode this extension builds against, so its few shapes are declared here and the
 * provider is registered only when the running editor has them.
 */

/** `vscode.McpStdioServerDefinition`: what VS Code starts. */
export interface McpStdioDefinition {
  cwd?: vscode.Uri;
}

export type McpStdioDefinitionClass = new (
  label: string,
  command: string,
  args?: string[],
  env?: Record<string, string>,
  version?: string,
) => McpStdioDefinition;

export interface McpDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): McpStdioDefinition[];
}

/** The parts of the `vscode` module this needs; absent members mean an editor without MCP support. */
export interface McpCapableApi {
  readonly lm?: { registerMcpServerDefinitionProvider?: (id: string, provider: McpDefinitionProvider) => vscode.Disposable };
  readonly McpStdioServerDefinition?: McpStdioDefinitionClass;
  readonly workspace: { readonly workspaceFolders: readonly vscode.WorkspaceFolder[] | undefined; readonly onDidChangeWorkspaceFolders: vscode.Event<unknown> };
}

/** The id in package.json `contributes.mcpServerDefinitionProviders`. */
export const MCP_PROVIDER_ID = 'specthread.mcp';

/** One definition per workspace folder; the folder's path is the server's workspace. */
export function mcpDefinitions(
  folders: readonly vscode.WorkspaceFolder[],
  Definition: McpStdioDefinitionClass,
  cli: string,
  node: string,
  version: string,
): McpStdioDefinition[] {
  return folders.map((folder) => {
    const label = folders.length > 1 ? `SpecThread (${folder.name})` : 'SpecThread';
    // The editor's executable runs scripts as plain Node with ELECTRON_RUN_AS_NODE.
    const def = new Definition(label, node, [cli, 'mcp', folder.uri.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, version);
    def.cwd = folder.uri;
    return def;
  });
}

/** Registers the provider when the editor supports it; undefined otherwise (older VS Code, other editors). */
export function registerMcpProvider(api: McpCapableApi, cli: string, node: string, version: string): vscode.Disposable | undefined {
  const register = api.lm?.registerMcpServerDefinitionProvider;
  const Definition = api.McpStdioServerDefinition;
  if (!register || !Definition) return undefined;
  return register.call(api.lm, MCP_PROVIDER_ID, {
    onDidChangeMcpServerDefinitions: (listener, thisArgs, disposables) =>
      api.workspace.onDidChangeWorkspaceFolders(() => listener.call(thisArgs), undefined, disposables),
    provideMcpServerDefinitions: () => mcpDefinitions(api.workspace.workspaceFolders ?? [], Definition, cli, node, version),
  });
}
