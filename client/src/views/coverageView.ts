// @spec specthread-core#20.2
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { OverviewLink, OverviewRequirement, SpecsOverview, ViewCommands } from '../../../shared/specsViewProtocol';
import { CoverageMessage, coveragePage } from './coverageHtml';
import { openPlace } from './openPlace';
import { OverviewSource } from './overviewSource';

/** The webview panel's type id (also what VS Code restores it by). */
export const COVERAGE_VIEW_TYPE = 'specthread.coverage';

/** One Coverage panel at a time: `specthread.showCoverage` opens it or brings it to the front. */
class CoveragePanel {
  private overview: SpecsOverview | undefined;
  private gapsOnly = false;
  private stale = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly source: OverviewSource,
  ) {}

  async render(): Promise<void> {
    this.overview = await this.source.get();
    this.stale = false;
    this.draw();
  }

  draw(): void {
    this.panel.webview.html = coveragePage(this.overview, {
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
      trusted: vscode.workspace.isTrusted,
      gapsOnly: this.gapsOnly,
    });
  }

  /** Live updates: drawn at once while visible, on the next show otherwise. */
  changed(): void {
    if (this.panel.visible) void this.render();
    else this.stale = true;
  }

  shown(): void {
    if (this.stale) void this.render();
  }

  async receive(message: CoverageMessage): Promise<void> {
    if (message.type === 'filter') {
      this.gapsOnly = !!message.gapsOnly;
      this.draw();
      return;
    }
    const requirement = this.overview?.specs.flatMap((s) => s.requirements).find((r) => r.ref === message.ref);
    if (!requirement) return;
    const links = message.column === 'requirement' ? [{ label: requirement.ref, ...requirement.place }] : linksOf(requirement, message.column);
    const target = links.length > 1 ? await pick(links) : links[0];
    // Beside the panel, so the matrix stays in view while the user reads the file.
    if (target) await openPlace(target, vscode.ViewColumn.Beside);
  }
}

function linksOf(r: OverviewRequirement, column: 'tasks' | 'code' | 'tests'): readonly OverviewLink[] {
  return column === 'tasks' ? r.taskLinks : column === 'code' ? r.codeLinks : r.testLinks;
}

async function pick(links: readonly OverviewLink[]): Promise<OverviewLink | undefined> {
  const items = links.map((l) => ({ label: l.label, description: `${vscode.workspace.asRelativePath(l.path)}:${l.line + 1}`, link: l }));
  return (await vscode.window.showQuickPick(items, { placeHolder: 'Open which one?' }))?.link;
}

/** Registers `specthread.showCoverage` and keeps the open panel in step with the server. */
export function registerCoverageView(context: vscode.ExtensionContext, source: OverviewSource): void {
  let current: CoveragePanel | undefined;
  const open = async () => {
    if (current) {
      current.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(COVERAGE_VIEW_TYPE, 'SpecThread Coverage', vscode.ViewColumn.Active, {
      enableScripts: true,
      // The page loads nothing: no local or remote resources at all.
      localResourceRoots: [],
    });
    const view = new CoveragePanel(panel, source);
    current = view;
    panel.onDidDispose(() => (current = undefined), undefined, context.subscriptions);
    panel.onDidChangeViewState(() => panel.visible && view.shown(), undefined, context.subscriptions);
    panel.webview.onDidReceiveMessage((m: CoverageMessage) => view.receive(m), undefined, context.subscriptions);
    await view.render();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(ViewCommands.showCoverage, open),
    source.onDidChange(() => current?.changed()),
    // Trust granted while the panel is open: draw it again without the Restricted Mode banner.
    vscode.workspace.onDidGrantWorkspaceTrust(() => current?.draw()),
    { dispose: () => current?.panel.dispose() },
  );
}
