import * as vscode from 'vscode';
import { LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CONFIGURATION_SECTION, Commands } from '../../shared/protocol';
import { PinChange, TraceCommands } from '../../shared/traceProtocol';
import { registerRuleDocs } from './commands/ruleDocs';
import { McpCapableApi, registerMcpProvider } from './mcpProvider';
import { registerActionCommands } from './commands/registerActions';
import { registerLanguageStatus } from './status/languageStatus';
import { registerViews } from './views/registerViews';
import { SpecThreadClient } from './specThreadClient';

/**
 * The thin VS Code client: starts the bundled language server and owns only UI. All analysis
 * happens in the server, so every editor gets the same results.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('SpecThread', { log: true });
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    // Every file on disk: specs are Markdown, but tags, hovers and diagnostics live in code too.
    documentSelector: [{ scheme: 'file' }],
    outputChannel: output,
    initializationOptions: { settings: vscode.workspace.getConfiguration(CONFIGURATION_SECTION) },
  };
  const client = new SpecThreadClient('specthread', 'SpecThread', serverOptions, clientOptions);
  // Registered as a disposable: VS Code stops the client (and the server) on deactivation, so no
  // module-level handle is needed.
  context.subscriptions.push(
    client,
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await client.restart();
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show()),
    vscode.commands.registerCommand(TraceCommands.showPinChange, (change: PinChange) => {
      const was = change.was ?? '(not recorded: create .specthread/pins.json to have re-confirm record pinned texts)';
      void vscode.window.showInformationMessage(`${change.ref} changed since it was pinned`, {
        modal: true,
        detail: `Pinned @${change.pin}:\n${was}\n\nNow @${change.currentPin}:\n${change.now}`,
      });
    }),
  );
  registerRuleDocs(context);
  registerActionCommands(context, client);
  registerLanguageStatus(context, client);
  // Agent mode finds `specthread mcp` through this provider when the editor supports MCP servers.
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? 'dev');
  const mcp = registerMcpProvider(vscode as unknown as McpCapableApi, context.asAbsolutePath('dist/cli.js'), process.execPath, version);
  if (mcp) context.subscriptions.push(mcp);
  registerViews(context, client);
  await client.start();
}

export function deactivate(): void {
  // Nothing to do: everything activate() created is in context.subscriptions.
}
