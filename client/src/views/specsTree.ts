// @spec specthread-core#20.2
import * as vscode from 'vscode';
import { SPECS_VIEW_ID, ViewCommands } from '../../../shared/specsViewProtocol';
import { OverviewSource } from './overviewSource';
import { SpecsNode, specsTree } from './specsTreeModel';
import { openPlace } from './openPlace';

/** The context key the view's title bar reads to show the filter's state. */
const PROBLEMS_ONLY_KEY = 'specthread.specs.problemsOnly';

/** Adapts the pure tree (specsTreeModel.ts) to VS Code; asks the server again only while visible. */
class SpecsTreeProvider implements vscode.TreeDataProvider<SpecsNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  problemsOnly = false;
  /** Set when a change arrived while the view was hidden, so it refreshes when shown. */
  stale = false;
  /** Where the view's message (starting, nothing to show) goes; set once the view exists. */
  showMessage: (message: string | undefined) => void = () => undefined;

  constructor(private readonly source: OverviewSource) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: SpecsNode): Promise<SpecsNode[]> {
    if (node) return [...node.children];
    const overview = await this.source.get();
    this.stale = false;
    if (!overview) {
      this.showMessage('SpecThread is starting: the specs appear once the workspace is indexed.');
      return [];
    }
    const roots = specsTree(overview, this.problemsOnly);
    this.showMessage(roots.length ? undefined : this.problemsOnly ? 'No errors or warnings in any spec.' : 'No specs found in this workspace.');
    return roots;
  }

  getTreeItem(node: SpecsNode): vscode.TreeItem {
    const collapsed =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.kind === 'spec' || (this.problemsOnly && node.kind !== 'criterion')
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsed);
    item.id = `${this.problemsOnly ? 'p' : 'a'}:${node.id}`;
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.contextValue = node.contextValue;
    if (node.place && node.kind !== 'spec') item.command = { command: ViewCommands.reveal, title: 'Reveal', arguments: [node] };
    return item;
  }
}

/** The Specs view, its filter and its view-specific context commands (reveal, copy ref, copy `@spec` tag). */
export function registerSpecsView(context: vscode.ExtensionContext, source: OverviewSource): void {
  const provider = new SpecsTreeProvider(source);
  const view = vscode.window.createTreeView(SPECS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const setFilter = async (on: boolean) => {
    provider.problemsOnly = on;
    view.description = on ? 'problems only' : undefined;
    await vscode.commands.executeCommand('setContext', PROBLEMS_ONLY_KEY, on);
    provider.refresh();
  };
  provider.showMessage = (message) => (view.message = message);
  context.subscriptions.push(
    view,
    // Hidden views do not ask the server; they catch up when shown.
    source.onDidChange(() => (view.visible ? provider.refresh() : (provider.stale = true))),
    view.onDidChangeVisibility((e) => e.visible && provider.stale && provider.refresh()),
    vscode.commands.registerCommand(ViewCommands.refreshSpecs, () => provider.refresh()),
    vscode.commands.registerCommand(ViewCommands.problemsOnly, () => setFilter(true)),
    vscode.commands.registerCommand(ViewCommands.allItems, () => setFilter(false)),
    vscode.commands.registerCommand(ViewCommands.reveal, (node?: SpecsNode) => (node?.place ? openPlace(node.place) : undefined)),
    vscode.commands.registerCommand(ViewCommands.copyRef, (node?: SpecsNode) => copy(node?.ref, (ref) => ref)),
    vscode.commands.registerCommand(ViewCommands.copyTag, (node?: SpecsNode) => copy(node?.ref, (ref) => `@spec ${ref}`)),
  );
}

async function copy(ref: string | undefined, text: (ref: string) => string): Promise<void> {
  if (!ref) {
    void vscode.window.showInformationMessage('Pick a requirement or criterion in the Specs view to copy its ref.');
    return;
  }
  await vscode.env.clipboard.writeText(text(ref));
  vscode.window.setStatusBarMessage(`Copied ${text(ref)}`, 3000);
}
