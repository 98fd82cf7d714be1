// @spec specthread-core#15.3, specthread-core#11.7
import { DEFAULT_SETTINGS, SpecThreadSettings, mergeSettings } from '../../../shared/settings';
import { baselinePath, loadBaselines } from '../core/baseline/load';
import { CancellationToken } from '../core/cancellation';
import { loadWorkspaceConfig } from '../core/config/configFile';
import { Engine } from '../core/engine';
import { Workspace } from '../core/workspace';
import { isAtOrUnder } from '../host/folderSets';
import { ClientLink } from './link';

/**
 * The settings the engine runs with: specthread.json of the workspace roots, with the editor's
 * settings layered on top, plus the baseline. Only the writer calls the methods that change
 * them, so a settings change is one more step of the writer's serialized work.
 */
export class SettingsLayers {
  private repo: SpecThreadSettings = DEFAULT_SETTINGS;

  constructor(
    private editor: SpecThreadSettings,
    private readonly workspace: Workspace,
    private readonly engine: Engine,
    private readonly link: ClientLink,
  ) {}

  get merged(): SpecThreadSettings {
    return mergeSettings(this.repo, this.editor);
  }

  /**
   * (Re)reads specthread.json and the baseline; invalid JSON is reported and ignored. Returns true
   * when code files must be rescanned, because new test globs change which files are tests.
   */
  async reloadRepo(token: CancellationToken): Promise<boolean> {
    const config = await loadWorkspaceConfig(this.workspace, token);
    // The same problems are published as config.invalid diagnostics on the file (Publisher.config);
    // the log keeps a trace for clients that do not show diagnostics of JSON files.
    for (const error of config.errors) this.link.log.warn(`SpecThread: ${error}`);
    this.repo = config.settings;
    const rescan = this.engine.updateSettings(this.merged);
    this.engine.setBaselines(await loadBaselines(this.workspace, this.merged, token));
    return rescan;
  }

  /** The editor's settings changed; returns true when code files must be rescanned. */
  setEditor(settings: SpecThreadSettings): boolean {
    this.editor = settings;
    return this.engine.updateSettings(this.merged);
  }

  /** True for the files that configure the analysis rather than being analysed. */
  isSettingsFile(path: string): boolean {
    return this.engine.isConfigFile(path) || this.workspace.roots.some((root) => path === baselinePath(root, this.merged));
  }

  /** Whether a settings file (the baseline; specthread.json lies at a root) lies below one of `folders`. */
  hasFileUnder(folders: ReadonlySet<string>): boolean {
    if (folders.size === 0) return false;
    return this.workspace.roots.some((root) => {
      const baseline = baselinePath(root, this.merged);
      return baseline !== undefined && isAtOrUnder(baseline, folders);
    });
  }
}
