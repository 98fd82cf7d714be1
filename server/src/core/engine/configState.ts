// @spec specthread-core#1.5, specthread-core#13.5, specthread-core#16.1
import type { SpecThreadSettings } from '../../../../shared/settings';
import { AnalysisCache } from '../analysisCache';
import { CancellationToken } from '../cancellation';
import { configFindings } from '../checks/configRules';
import { RuleSettings, compileRuleSettings } from '../config/ruleSettings';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, RepoConfig, joinPath, mergeConfigs, parseRepoConfig } from '../config/repoConfig';
import { FileNoteStore } from '../fileNoteStore';
import { Finding } from '../findings';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';
import { GlobMatcher, NameVerdict, compileGlobs } from '../glob/glob';
import { RootRelative } from '../glob/rootRelative';
import { SpecLayout, SpecLocation, SpecRoot } from '../specLocation';
import { Workspace } from '../workspace';
import { Vocabulary, compileVocabulary } from '../requirements/vocabulary';
import { readNoted } from './options';

/**
 * What decides which files are specs and how they are checked: the editor settings, the repo
 * config files (specthread.json) and what follows from both, the spec layout and the excludes.
 */
export class ConfigState {
  private config: RepoConfig = EMPTY_CONFIG;
  private excluded: GlobMatcher;
  private layout: SpecLayout;
  /** The one severity policy of every rule family, compiled from the effective settings on first use. */
  private compiledPolicy: RuleSettings | undefined;
  private currentVocabulary: Vocabulary | undefined;
  private readonly relative: RootRelative;

  constructor(
    private readonly workspace: Workspace,
    private currentSettings: SpecThreadSettings,
    private readonly formats: readonly SpecFormatPlugin[],
    private readonly cache: AnalysisCache,
  ) {
    this.relative = new RootRelative(() => workspace.roots);
    this.excluded = compileGlobs(currentSettings.exclude);
    this.layout = this.buildLayout();
    this.currentVocabulary = compileVocabulary(currentSettings.keywords);
  }

  get settings(): SpecThreadSettings {
    return this.currentSettings;
  }

  set settings(settings: SpecThreadSettings) {
    this.currentSettings = settings;
    this.currentVocabulary = compileVocabulary(settings.keywords);
    this.apply(this.config);
  }

  /** The words the settings add to the keyword tables, which parsers and EARS rules read. */
  get vocabulary(): Vocabulary | undefined {
    return this.currentVocabulary;
  }

  /** Configured roots (repo config file and settings, relative to each workspace folder) plus defaults. */
  private buildLayout(): SpecLayout {
    const fromSettings: SpecRoot[] = (this.currentSettings.roots ?? []).flatMap((r) =>
      this.workspace.roots.map((folder) => ({ dir: joinPath(folder, r.path), format: r.format })),
    );
    return new SpecLayout([...this.config.roots, ...fromSettings], this.config.discover, this.formats);
  }

  private apply(config: RepoConfig): void {
    this.config = config;
    this.compiledPolicy = undefined;
    this.excluded = compileGlobs([...this.currentSettings.exclude, ...config.exclude]);
    this.layout = this.buildLayout();
  }

  /** The severities in effect: settings override the repo config file. */
  effectiveSettings(): SpecThreadSettings {
    const settings = this.currentSettings;
    return Object.keys(this.config.rules).length ? { ...settings, rules: { ...this.config.rules, ...settings.rules } } : settings;
  }

  /** The severity policy every rule runs through (rule and family settings, per-path overrides). */
  policy(): RuleSettings {
    this.compiledPolicy ??= compileRuleSettings(this.effectiveSettings(), this.workspace.roots, this.cache);
    return this.compiledPolicy;
  }

  /** True for `specthread.json` / `.specthread.json` at the root of a workspace folder. */
  isConfigFile(path: string): boolean {
    return this.workspace.roots.some((root) => CONFIG_FILE_NAMES.some((name) => path === `${root}/${name}`));
  }

  /** Reads the repo config files of every workspace folder, noting the ones the host declined or degraded. */
  async load(notes: FileNoteStore, token: CancellationToken): Promise<void> {
    const configs: RepoConfig[] = [];
    for (const root of this.workspace.roots) {
      for (const name of CONFIG_FILE_NAMES) {
        const { text, note } = await readNoted(this.workspace, `${root}/${name}`, token);
        notes.setRead(`${root}/${name}`, note);
        if (text !== undefined) configs.push(parseRepoConfig(`${root}/${name}`, root, text, this.cache));
      }
    }
    this.apply(configs.length ? mergeConfigs(configs) : EMPTY_CONFIG);
  }

  /** Problems in the repo config files themselves (the CLI prints them; VS Code validates by schema). */
  findings(token: CancellationToken): Finding[] {
    return configFindings(this.config.problems, this.policy(), token);
  }

  locate(path: string): SpecLocation | undefined {
    return this.layout.locate(path);
  }

  /** False when no file of this name is a spec file, wherever it lies (see SpecLayout.mayLocate). */
  mayLocate(name: string): boolean {
    return this.layout.mayLocate(name);
  }

  /** Outside every workspace folder, or matched by an exclude glob. */
  isExcluded(path: string): boolean {
    const relative = this.relative.of(path);
    return relative === undefined || this.excluded.match(relative);
  }

  /**
   * `isExcluded` of every file in the folder that holds `path`, decided by the folder as far as
   * the globs allow (see GlobMatcher.inFolder): a listing asks once per folder, then per name.
   */
  excludedIn(path: string): NameVerdict {
    // Every file of a folder lies below the same root, at the same relative folder.
    const relative = this.relative.of(path);
    if (relative === undefined) return true;
    const slash = relative.lastIndexOf('/');
    return this.excluded.inFolder(slash < 0 ? undefined : relative.slice(0, slash));
  }

  /** Is this path one the engine analyses (a spec file, inside a root, not excluded)? */
  isTracked(path: string): boolean {
    return this.locate(path) !== undefined && !this.isExcluded(path);
  }
}
