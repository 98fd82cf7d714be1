// @spec specthread-core#20.1
import * as vscode from 'vscode';
import { SpecThreadClient } from '../specThreadClient';
import { registerNewSpecCommand } from './newSpecCommand';
import { registerStudioCommands } from './studioCommands';
import { registerTaskCommands } from './taskCommands';
import { registerWorkspaceCommands } from './workspaceCommands';

/** Every palette command of the client except Restart and Show Output (extension.ts) and the views' own. */
export function registerActionCommands(context: vscode.ExtensionContext, client: SpecThreadClient): void {
  registerTaskCommands(context, client);
  registerWorkspaceCommands(context, client);
  registerNewSpecCommand(context, client);
  registerStudioCommands(context, client);
}
