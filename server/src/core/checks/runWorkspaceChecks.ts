// @spec specthread-core#14.1, specthread-core#15.2, specthread-core#21.1
import { AnalysisCache } from '../analysisCache';
import { CancellationToken } from '../cancellation';
import type { RuleSettings } from '../config/ruleSettings';
import { Log, faultAnchor } from '../faults';
import { Finding } from '../findings';
import { SpecModel } from '../index/specModel';
import { ReportedProblem } from './rule';
import { runRules } from './runRules';
import { SpecPartView, WorkspaceRule, WorkspaceView } from './workspaceRule';
import { WORKSPACE_RULES } from './workspaceRegistry';

export interface WorkspaceCheckOptions {
  /** Rules to run after the registered ones. */
  readonly extraRules?: readonly WorkspaceRule[];
  readonly log?: Log;
}

/**
 * Runs the cross-spec rules once over the whole workspace, through the one runner and its
 * severity policy (so per-path overrides reach them); archived specs are only context. A rule
 * that throws becomes one internal.error finding, on the main file of the first spec that is
 * checked (a cross-spec rule has no file of its own).
 */
export function runWorkspaceChecks(view: WorkspaceView, policy: RuleSettings, token: CancellationToken, options: WorkspaceCheckOptions = {}): Finding[] {
  const archived = new Set(view.specs.filter((s) => s.archived).flatMap((s) => s.fileList.map((f) => f.path)));
  const anchor = faultAnchor(view.specs, view.roots);
  const shared = withMemo(view);
  return runRules(
    {
      step: 'workspace rule',
      rules: options.extraRules ? [...WORKSPACE_RULES, ...options.extraRules] : WORKSPACE_RULES,
      anchor: () => anchor,
      keep: (p) => !archived.has(p.path),
      check: (rule, report) => rule.check(shared, report, token),
    },
    policy,
    token,
    options.log,
  );
}

/** One re-runnable part: a whole rule, or one spec's part of a rule, with what it read. */
interface Part {
  readonly findings: Finding[];
  /** Spec names a spec part looked up, and whether it read every name. */
  readonly names?: ReadonlySet<string>;
  readonly allNames?: boolean;
}

/**
 * The cross-spec findings kept between edits. `update` is told which spec folders changed (and
 * whether the file list did); it re-runs only the rules that concern those specs and the spec
 * parts that read them, and remembers which files' findings may have moved (`takeMovedPaths`),
 * so the language server re-fingerprints only those. Results equal a run of runWorkspaceChecks.
 */
export class WorkspaceChecks {
  private readonly parts = new Map<string, Part>();
  private readonly byPath = new Map<string, Map<string, Finding[]>>();
  private models = new Map<string, SpecModel>();
  private names = new Map<string, SpecModel[]>();
  private moved = new Set<string>();
  private fresh = true;
  /** Spec parts by the names they looked up, and those that read every name, so a changed name finds its readers. */
  private readonly readers = new Map<string, Set<string>>();
  private readonly allNameReaders = new Set<string>();
  /** The file a rule's fault is reported on, and the spec folder it belongs to (none: the first root). */
  private anchor: { readonly path: string; readonly dir: string | undefined; readonly roots: string } | undefined;

  constructor(
    private readonly policy: RuleSettings,
    private readonly options: WorkspaceCheckOptions = {},
  ) {}

  /**
   * Brings the findings up to date with `view`. `dirs` are the spec folders changed since the
   * last update (every one when undefined); `filesChanged` says the file list moved. `specAt`
   * gives a folder's current model without listing every spec; with it, an update after an edit
   * reads only the changed folders' models and names, so its cost does not grow with the number
   * of specs (`view.specs` is read only by a rule that re-runs whole).
   */
  update(
    view: WorkspaceView,
    dirs: ReadonlySet<string> | undefined,
    filesChanged: boolean,
    token: CancellationToken,
    specAt?: (dir: string) => SpecModel | undefined,
  ): void {
    try {
      this.run(view, dirs, filesChanged, token, specAt);
    } catch (err) {
      // The models and names were patched before the rules ran: after a cancelled or failed
      // pass they no longer tell what the kept parts read, so the next update starts afresh.
      this.fresh = true;
      throw err;
    }
  }

  private run(
    view: WorkspaceView,
    dirs: ReadonlySet<string> | undefined,
    filesChanged: boolean,
    token: CancellationToken,
    specAt: ((dir: string) => SpecModel | undefined) | undefined,
  ): void {
    const all = this.fresh || dirs === undefined;
    const changed: SpecModel[] = [];
    const changedNames = new Set<string>();
    let nameSetChanged = false;
    if (all || !specAt) {
      const models = new Map(view.specs.map((s) => [s.dir, s]));
      for (const dir of dirs ?? []) {
        const was = this.models.get(dir);
        const now = models.get(dir);
        if (was) changed.push(was);
        if (now) changed.push(now);
      }
      const names = namesOf(view.specs);
      for (const name of new Set([...this.names.keys(), ...names.keys()])) if (!sameSpecs(this.names.get(name), names.get(name))) changedNames.add(name);
      nameSetChanged = this.names.size !== names.size || [...names.keys()].some((n) => !this.names.has(n));
      this.models = models;
      this.names = names;
    } else {
      for (const dir of dirs ?? []) {
        const was = this.models.get(dir);
        const now = specAt(dir);
        if (was) changed.push(was);
        if (now) changed.push(now);
        if (was === now) continue;
        if (now) this.models.set(dir, now);
        else this.models.delete(dir);
        const nowNames = namesOfSpec(now);
        for (const name of new Set([...namesOfSpec(was), ...nowNames])) {
          const before = this.names.get(name);
          const after = withSpec(before ?? [], dir, now, nowNames.filter((n) => n === name).length);
          if (sameSpecs(before, after.length ? after : undefined)) continue;
          changedNames.add(name);
          if (!before !== !after.length) nameSetChanged = true;
          if (after.length) this.names.set(name, after);
          else this.names.delete(name);
        }
      }
    }
    const models = this.models;
    const names = this.names;
    // Where a rule's fault goes: kept between updates unless a changed folder sorts at or before
    // the folder it came from (finding it again sorts every spec).
    const roots = view.roots.join('\0');
    const anchorStale = all || roots !== this.anchor?.roots || [...(dirs ?? [])].some((dir) => this.anchor?.dir === undefined || dir <= this.anchor.dir);
    if (anchorStale) this.anchor = undefined;
    const anchor = (): string => {
      if (!this.anchor) {
        let dir: string | undefined;
        for (const s of view.specs) if (!s.archived && (dir === undefined || s.dir < dir)) dir = s.dir;
        this.anchor = { path: faultAnchor(view.specs, view.roots), dir, roots };
      }
      return this.anchor.path;
    };
    let archived: Set<string> | undefined;
    const pass = (rules: readonly WorkspaceRule[], check: (rule: WorkspaceRule, report: (p: ReportedProblem) => void) => void): Finding[] =>
      runRules(
        {
          step: 'workspace rule',
          rules,
          anchor,
          keep: (p) => !(archived ??= archivedPaths(view.specs)).has(p.path),
          check,
        },
        this.policy,
        token,
        this.options.log,
      );
    const rules = this.options.extraRules ? [...WORKSPACE_RULES, ...this.options.extraRules] : WORKSPACE_RULES;
    const shared = withMemo(view);
    for (const rule of rules) {
      if (rule.checkSpec) {
        const prefix = `${rule.meta.code}\u0000`;
        // Afresh, every spec's part; after an edit, the changed specs' and those that looked up a name that now means other specs.
        let stale: Iterable<string>;
        if (all) {
          for (const key of [...this.parts.keys()]) if (key.startsWith(prefix)) this.set(key, undefined);
          stale = models.keys();
        } else {
          const dirsOf = new Set<string>(dirs);
          const add = (key: string) => key.startsWith(prefix) && dirsOf.add(key.slice(prefix.length));
          for (const name of changedNames) this.readers.get(name)?.forEach(add);
          if (nameSetChanged) this.allNameReaders.forEach(add);
          stale = dirsOf;
        }
        for (const dir of [...stale]) {
          const spec = models.get(dir);
          if (!spec) {
            this.set(prefix + dir, undefined);
            continue;
          }
          const read = new Set<string>();
          let allNames = false;
          const partView: SpecPartView = {
            specsNamed: (name) => (read.add(name), names.get(name) ?? []),
            names: () => ((allNames = true), names.keys()),
          };
          this.set(prefix + dir, { findings: pass([rule], (r, report) => r.checkSpec!(spec, partView, report, token)), names: read, allNames });
        }
        continue;
      }
      const key = rule.meta.code;
      const concerned = !rule.concerns || changed.some((s) => rule.concerns!(s)) || (rule.readsFiles === true && filesChanged);
      if (!all && this.parts.has(key) && !concerned) continue;
      this.set(key, { findings: pass([rule], (r, report) => r.check(shared, report, token)) });
    }
    this.fresh = false;
  }

  private set(key: string, part: Part | undefined): void {
    const before = this.parts.get(key);
    for (const name of before?.names ?? []) this.readers.get(name)?.delete(key);
    this.allNameReaders.delete(key);
    for (const name of part?.names ?? []) {
      const keys = this.readers.get(name);
      if (keys) keys.add(key);
      else this.readers.set(name, new Set([key]));
    }
    if (part?.allNames) this.allNameReaders.add(key);
    for (const f of before?.findings ?? []) {
      this.moved.add(f.path);
      this.byPath.get(f.path)?.delete(key);
    }
    if (part) this.parts.set(key, part);
    else this.parts.delete(key);
    for (const f of part?.findings ?? []) {
      this.moved.add(f.path);
      let inFile = this.byPath.get(f.path);
      if (!inFile) this.byPath.set(f.path, (inFile = new Map()));
      const list = inFile.get(key);
      if (list) list.push(f);
      else inFile.set(key, [f]);
    }
  }

  /** The cross-spec findings in one file. */
  findingsIn(path: string): Finding[] {
    const inFile = this.byPath.get(path);
    return inFile ? [...inFile.values()].flat() : [];
  }

  /** Files whose cross-spec findings may have moved since the last call. */
  takeMovedPaths(): Set<string> {
    const out = this.moved;
    this.moved = new Set();
    return out;
  }
}

/** `view` (its lists still read only when a rule asks) with fresh memo tables for one pass of the rules over it. */
function withMemo(view: WorkspaceView): WorkspaceView {
  const memo = new AnalysisCache();
  return {
    get specs() {
      return view.specs;
    },
    get files() {
      return view.files;
    },
    roots: view.roots,
    memo,
  };
}

/** Every name a spec answers to, with the specs that answer to it, in the order unknownSpecRef builds it. */
function namesOf(specs: readonly SpecModel[]): Map<string, SpecModel[]> {
  const byName = new Map<string, SpecModel[]>();
  for (const s of specs) {
    for (const name of namesOfSpec(s)) {
      const list = byName.get(name);
      if (list) list.push(s);
      else byName.set(name, [s]);
    }
  }
  return byName;
}

/** The names one spec answers to: its folder name and its format's aliases. */
function namesOfSpec(spec: SpecModel | undefined): string[] {
  return spec ? [spec.id, ...(spec.aliases ?? [])].filter((name) => name !== '') : [];
}

/**
 * One name's specs with the spec of `dir` replaced by `copies` entries of `spec` (as many as it
 * lists the name), kept in folder order, the order of the engine's spec list that namesOf walks.
 */
function withSpec(list: readonly SpecModel[], dir: string, spec: SpecModel | undefined, copies: number): SpecModel[] {
  const out = list.filter((s) => s.dir !== dir);
  if (spec && copies > 0) {
    const at = out.findIndex((s) => s.dir > dir);
    out.splice(at < 0 ? out.length : at, 0, ...new Array<SpecModel>(copies).fill(spec));
  }
  return out;
}

function sameSpecs(a: readonly SpecModel[] | undefined, b: readonly SpecModel[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function archivedPaths(specs: readonly SpecModel[]): Set<string> {
  return new Set(specs.filter((s) => s.archived).flatMap((s) => s.fileList.map((f) => f.path)));
}
