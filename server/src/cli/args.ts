// @spec specthread-core#5.3, specthread-core#12.3, specthread-core#15.6, specthread-core#17.1, specthread-core#19.4, specthread-core#21.3
import { Severity } from '../core/findings';
import { PRESET_NAMES, PresetName, isPresetName } from '../../../shared/settings';
import { FRAMEWORKS, FrameworkName, isFrameworkName } from '../core/studio/testStubs/frameworks';
import { DRAFT_FORMATS, DraftFormat, isDraftFormat } from '../core/studio/draft/writers';
import { DEFAULT_FORMAT, FormatName, ReportCommand, formatNames, isFormatName } from './formatters';

export interface CheckOptions {
  readonly command: 'check';
  readonly paths: string[];
  readonly format: FormatName<'check'>;
  /** Exit 1 when a finding at or above this severity exists; `none` never fails. */
  readonly failOn: Severity | 'none';
  /** Extra workspace-relative globs never analysed (`--exclude`, repeatable). */
  readonly exclude: string[];
  /** Record the current findings as accepted instead of reporting them. */
  readonly writeBaseline: boolean;
  /** Report every finding, ignoring the baseline. */
  readonly noBaseline: boolean;
  /** Reports written to files (`--format X --output FILE`, repeatable); `format` is what stdout prints. */
  readonly outputs?: readonly CheckOutput[];
  /** Exit 1 when more warnings than this are reported (`--max-warnings`, as in ESLint). */
  readonly maxWarnings?: number;
  /** Links in the HTML report go to this base URL (`--source-url`) instead of relative paths. */
  readonly sourceUrl?: string;
  /** Report only what changed since this git ref caused (`--changed-since`). */
  readonly changedSince?: string;
  /** Report only what changes to these files caused (`--changed-files a,b` or `@list`, as given). */
  readonly changedFiles?: readonly string[];
  /** JUnit XML files or globs of test results (`--test-results`, repeatable). */
  readonly testResults?: readonly string[];
  /** `--preset`: the severity preset, in place of specthread.json's. */
  readonly preset?: PresetName;
  /** `--cache` / `--cache-location`: take unchanged files' facts from the warm cache, and write it. */
  readonly cache?: CacheRequest;
}

/** The warm cache a command asked for (`--cache`); `location` is the folder `--cache-location` named, as given. */
export interface CacheRequest {
  readonly location?: string;
}

/** One `--format X --output FILE` pair of `check`. */
export interface CheckOutput {
  readonly format: FormatName<'check'>;
  readonly file: string;
}

export interface CoverageOptions {
  readonly command: 'coverage';
  readonly paths: string[];
  readonly format: FormatName<'coverage'>;
  readonly exclude: string[];
  /** Exit 1 when the workspace's complete percentage is below this. */
  readonly failUnder?: number;
  readonly testResults?: readonly string[];
  readonly preset?: PresetName;
  readonly cache?: CacheRequest;
}

export interface InitOptions {
  readonly command: 'init';
  /** The folder to set up (default: the current one). */
  readonly path: string;
  /** Also write this CI system's workflow instead of printing it. */
  readonly ci?: 'github' | 'gitlab';
  /** Replace files that exist. */
  readonly force: boolean;
}

export interface InventoryOptions {
  readonly command: 'inventory';
  readonly paths: string[];
  readonly format: FormatName<'inventory'>;
  readonly cache?: CacheRequest;
}

export interface TestStubsOptions {
  readonly command: 'test-stubs';
  /** A spec's name, folder or one of its files. */
  readonly spec: string;
  /** `--criterion REF` (repeatable): only these criteria or requirements. */
  readonly criteria: readonly string[];
  readonly framework?: FrameworkName;
  /** Print what would be written, write nothing. */
  readonly dryRun: boolean;
  /** Add the stubs to a stub file that exists (otherwise it is kept and the command exits 1). */
  readonly append: boolean;
}

export interface DraftOptions {
  readonly command: 'draft';
  /** The code folder to draft from (default: the current one). */
  readonly path: string;
  readonly format: DraftFormat;
  readonly name?: string;
  /** The folder the format's layout is written under (default: the code folder). */
  readonly output?: string;
  /** Replace spec files that exist. */
  readonly force: boolean;
  /** Also propose `@spec` tags for the code and tests the draft came from. */
  readonly tag: boolean;
  /** Write nothing: print the spec files (or, with --tag, the tags as a unified diff). */
  readonly dryRun: boolean;
}

export type ParsedArgs =
  | CheckOptions
  | TestStubsOptions
  | DraftOptions
  | CoverageOptions
  | InventoryOptions
  | InitOptions
  | { readonly command: 'lsp' }
  | { readonly command: 'mcp'; readonly path: string; readonly allowWrites: boolean }
  | { readonly command: 'help'; readonly topic?: CommandName }
  | { readonly command: 'version' };

export class UsageError extends Error {}

/** `[--format text|json]` for a command's help, from the formatter registry. */
const formatFlag = (command: ReportCommand) => `[--format ${formatNames(command).join('|')}]`;

/** `a, b or c`, as the usage errors list choices. */
const orList = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : items.join(''));

/** The format `--format` named (or the default) as the command's own type; a usage error when it has no such formatter. */
function parseFormat<C extends ReportCommand>(command: C, name: string = DEFAULT_FORMAT): FormatName<C> {
  if (!isFormatName(command, name)) throw new UsageError(`--format must be ${orList(formatNames(command))}, not '${name}'`);
  return name;
}

/** Stdout holds one report: a second `--format` without `--output` is a usage error. */
function oneStdoutFormat(current: string | undefined, next: string): string {
  if (current !== undefined) throw new UsageError(`only one --format may go to stdout ('${current}' and '${next}'); give the others an --output file`);
  return next;
}

/** The warm cache's flags, the same for every command that indexes the workspace. */
const CACHE_HELP = `      --cache keeps what each code file came to (its @spec tags, or none) in
      node_modules/.cache/specthread/facts.json below the project root (without node_modules: the
      user cache folder) and takes it from there on the next run for files whose size and mtime
      (or content) did not change; --cache-location names another folder (and implies --cache).
      A broken, stale or other-version cache is rebuilt with a note; one that cannot be written
      is a note, never a failure.`;

/** Each command's own help, printed by `specthread <command> --help`. */
export const COMMAND_HELP = {
  check: `  specthread check [path…] ${formatFlag('check')} [--fail-on error|warning|info|hint|none]
                   [--output file] [--max-warnings n] [--source-url url]
                   [--write-baseline] [--no-baseline] [--exclude glob]… [--preset ${PRESET_NAMES.join('|')}]
                   [--cache] [--cache-location dir]
      Analyse the specs, code and tests under each path (default: the current folder) and print
      findings as file:line:col severity code message. Exit 0 when clean, 1 when a finding at or
      above --fail-on (default: error) exists, 2 on a usage or internal error. Settings come from
      specthread.json in the project root (the nearest folder above with one).
      --output writes the report of the --format before it to a file (atomically); repeat the
      pair for several reports in one run. A --format without --output is what stdout prints
      (text when none is), so at most one may lack it. --max-warnings n also exits 1 when more
      than n warnings are reported. --source-url sets the base of the HTML report's links.
      --write-baseline records every current finding in .specthread-baseline.json so that
      later runs report only new ones; --no-baseline reports everything.
      --changed-since <git ref> | --changed-files <a,b|@list>: analyse everything, report only
      the findings in the changed files and those elsewhere that the change caused.
      --test-results <junit.xml|glob>…: report each failed test that names a criterion.
      --preset picks the default severities (recommended, strict: every rule on, ears: EARS and
      wording rules as warnings) in place of specthread.json's "preset"; its "rules" still apply on top.
${CACHE_HELP}
      check --cache also keeps its whole output (results.json, same folder), --output reports
      included: a run with the same flags over a workspace where no file was added, removed, renamed
      or changed prints it (and writes the reports again) without analysing. Runs with
      --write-baseline, --changed-since, --changed-files, --test-results or the GitHub job summary
      depend on more than the files: they always analyse.`,
  coverage: `  specthread coverage [path…] ${formatFlag('coverage')} [--fail-under percent] [--exclude glob]…
                      [--test-results junit.xml|glob]… [--preset name] [--cache] [--cache-location dir]
      Print per-spec and per-requirement coverage (tasked, implemented, verified) and the
      criteria that are required but not implemented or not verified. Exit 1 when the
      workspace's complete percentage is below --fail-under. With --test-results, a criterion
      that must be verified counts only when a test naming it passed (state "passing").
${CACHE_HELP}`,
  inventory: `  specthread inventory [path…] ${formatFlag('inventory')} [--cache] [--cache-location dir]
      List every spec found below each path with its format and what was understood of it:
      requirements, criteria, stories, tasks by status, refs (and deltas of OpenSpec changes).
${CACHE_HELP}`,
  init: `  specthread init [path] [--ci github|gitlab] [--force]
      Write specthread.json (recommended preset, the spec roots found) and print a CI workflow;
      --ci writes it (.github/workflows/specthread.yml or .gitlab-ci.yml). Existing files are
      kept unless --force is given (exit 1 when one was kept).`,
  'test-stubs': `  specthread test-stubs <spec> [--criterion ref]… [--framework ${FRAMEWORKS.join('|')}]
                        [--dry-run] [--append]
      Write a pending test for each criterion of the spec (a name, folder or file) that no test
      verifies, in the project's framework (detected from package.json, pyproject.toml, go.mod,
      pom.xml or build.gradle and the test files; --framework overrides), in one file where the
      project keeps its tests. Each test is titled with the ref and the criterion, holds
      Given/When/Then comments from its EARS clauses and is marked skip, so coverage shows the
      criterion as "test pending", not verified. --dry-run prints the file instead. A file that
      exists is never replaced: --append adds the stubs to it (exit 1 when it was kept).`,
  draft: `  specthread draft [path] [--format ${DRAFT_FORMATS.join('|')}] [--name NAME] [--output DIR] [--force] [--tag [--dry-run]]
      Draft a spec from the code and tests under path (default: the current folder), read with
      tree-sitter (TypeScript, JavaScript, Python, Go, Java): public API, routes, commands,
      configuration, errors and tests become requirements with EARS criteria, each listing the
      tests that verify it; design.md draws the module graph and tasks.md lists what no test
      verifies. Files go under --output (default: path) in the format's layout (default kiro:
      .kiro/specs/NAME/); existing files are kept unless --force is given (exit 1 when one was
      kept). --tag also adds an @spec line to each code and test file the draft came from;
      --dry-run writes nothing and prints the spec files, or with --tag the tags as a diff.`,
  lsp: `  specthread lsp [--stdio | --node-ipc | --socket=PORT]
      Run the language server for any LSP editor; over stdio unless another transport is named.`,
  mcp: `  specthread mcp [path] [--allow-writes]
      Serve the workspace at path (default: the current folder) to agents over MCP on stdio: tools
      list_specs, get_requirement, task_context, validate, coverage, impact, next_id, rename_id;
      spec files and specthread://coverage as resources; prompts implement-task, review-change.
      Read-only unless --allow-writes, which adds set_task_state and apply_rename.`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

export const USAGE = `Usage:
${Object.values(COMMAND_HELP).join('\n')}
  specthread <command> --help
      Print the help of one command.
  specthread --help | --version`;

/**
 * One pass over a command's arguments: each bare argument or flag, with a reader for the flag's
 * value (`--flag value` or `--flag=value`) that says which flag lacks one.
 */
function* argumentsOf(rest: readonly string[]): Generator<{ arg: string; flag: string; value: () => string }> {
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    // Reading the value consumes the next argument, so the loop goes on after it.
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    yield { arg, flag, value };
  }
}

/** The help text of one command, or the whole usage. */
export function helpText(topic?: CommandName): string {
  return topic ? `Usage:\n${COMMAND_HELP[topic]}` : USAGE;
}

const isCommand = (name: string): name is CommandName => Object.prototype.hasOwnProperty.call(COMMAND_HELP, name);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { command: 'help' };
    if (!isCommand(topic)) throw new UsageError(`unknown command '${topic}'`);
    return { command: 'help', topic };
  }
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (!isCommand(command)) throw new UsageError(`unknown command '${command}'`);
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help', topic: command };
  // The language server's connection reads its transport flags from the process arguments.
  if (command === 'lsp') return { command: 'lsp' };
  if (command === 'mcp') return parseMcp(rest);
  if (command === 'test-stubs') return parseTestStubs(rest);
  if (command === 'draft') return parseDraft(rest);

  const paths: string[] = [];
  let format: string | undefined;
  let failOn: Severity | 'none' = 'error';
  let failUnder: number | undefined;
  const exclude: string[] = [];
  let writeBaseline = false;
  let noBaseline = false;
  const outputs: CheckOutput[] = [];
  let stdoutFormat: string | undefined;
  let pendingFormat: string | undefined;
  let maxWarnings: number | undefined;
  let sourceUrl: string | undefined;
  let changedSince: string | undefined;
  const changedFiles: string[] = [];
  const testResults: string[] = [];
  let ci: InitOptions['ci'];
  let force = false;
  let preset: PresetName | undefined;
  let cache: CacheRequest | undefined;
  for (const { arg, flag, value } of argumentsOf(rest)) {
    if (flag === '--format' && command !== 'init') {
      // Checked here, not only at the end, so that the first bad argument is the one reported.
      format = parseFormat(command, value());
      if (command === 'check') {
        // The previous --format had no --output: it is the one stdout prints.
        if (pendingFormat !== undefined) stdoutFormat = oneStdoutFormat(stdoutFormat, pendingFormat);
        pendingFormat = format;
      }
    } else if (flag === '--output' && command === 'check') {
      const file = value();
      if (pendingFormat === undefined) throw new UsageError('--output must follow the --format it writes');
      outputs.push({ format: parseFormat('check', pendingFormat), file });
      pendingFormat = undefined;
    } else if (flag === '--max-warnings' && command === 'check') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings must be a whole number, not '${v}'`);
      maxWarnings = Number(v);
    } else if (flag === '--source-url' && command === 'check') {
      sourceUrl = value();
    } else if (flag === '--write-baseline' && command === 'check') {
      writeBaseline = true;
    } else if (flag === '--no-baseline' && command === 'check') {
      noBaseline = true;
    } else if (flag === '--changed-since' && command === 'check') {
      changedSince = value();
    } else if (flag === '--changed-files' && command === 'check') {
      changedFiles.push(value());
    } else if (flag === '--test-results' && (command === 'check' || command === 'coverage')) {
      testResults.push(value());
    } else if (flag === '--ci' && command === 'init') {
      const v = value();
      if (v !== 'github' && v !== 'gitlab') throw new UsageError(`--ci must be github or gitlab, not '${v}'`);
      ci = v;
    } else if (flag === '--force' && command === 'init') {
      force = true;
    } else if (flag === '--preset' && (command === 'check' || command === 'coverage')) {
      const v = value();
      if (!isPresetName(v)) throw new UsageError(`--preset must be ${orList(PRESET_NAMES)}, not '${v}'`);
      preset = v;
    } else if (flag === '--cache' && command !== 'init') {
      cache = { ...cache };
    } else if (flag === '--cache-location' && command !== 'init') {
      cache = { location: value() };
    } else if (flag === '--exclude') {
      exclude.push(value());
    } else if (flag === '--fail-under' && command === 'coverage') {
      const v = Number(value());
      if (!Number.isFinite(v) || v < 0 || v > 100) throw new UsageError('--fail-under must be a percentage from 0 to 100');
      failUnder = v;
    } else if (flag === '--fail-on' && command === 'check') {
      const v = value();
      if (!['error', 'warning', 'info', 'hint', 'none'].includes(v)) throw new UsageError(`--fail-on must be error, warning, info, hint or none, not '${v}'`);
      failOn = v as Severity | 'none';
    } else if (flag.startsWith('-')) {
      throw new UsageError(`unknown option '${flag}'`);
    } else {
      paths.push(arg);
    }
  }
  if (command === 'init') {
    if (paths.length > 1) throw new UsageError('init takes one folder');
    return { command: 'init', path: paths[0] ?? '.', ci, force };
  }
  if (changedSince !== undefined && changedFiles.length) throw new UsageError('--changed-since and --changed-files cannot be combined');
  const cached = cache ? { cache } : {};
  if (command === 'inventory') return { command: 'inventory', paths, format: parseFormat('inventory', format), ...cached };
  if (command === 'coverage')
    return { command: 'coverage', paths, format: parseFormat('coverage', format), exclude, failUnder, testResults, ...(preset ? { preset } : {}), ...cached };
  if (pendingFormat !== undefined) stdoutFormat = oneStdoutFormat(stdoutFormat, pendingFormat);
  return {
    command: 'check',
    paths,
    format: parseFormat('check', stdoutFormat),
    failOn,
    exclude,
    writeBaseline,
    noBaseline,
    outputs,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
    testResults,
    ...(changedSince !== undefined ? { changedSince } : {}),
    ...(changedFiles.length ? { changedFiles } : {}),
    ...(preset ? { preset } : {}),
    ...cached,
  };
}

function parseTestStubs(rest: readonly string[]): TestStubsOptions {
  const specs: string[] = [];
  const criteria: string[] = [];
  let framework: FrameworkName | undefined;
  let dryRun = false;
  let append = false;
  for (const { arg, flag, value } of argumentsOf(rest)) {
    if (flag === '--criterion') criteria.push(...value().split(','));
    else if (flag === '--framework') {
      const v = value();
      if (!isFrameworkName(v)) throw new UsageError(`--framework must be ${orList(FRAMEWORKS)}, not '${v}'`);
      framework = v;
    } else if (flag === '--dry-run') dryRun = true;
    else if (flag === '--append') append = true;
    else if (flag.startsWith('-')) throw new UsageError(`unknown option '${flag}'`);
    else specs.push(arg);
  }
  if (specs.length !== 1) throw new UsageError('test-stubs takes one spec: its name, folder or one of its files');
  return { command: 'test-stubs', spec: specs[0]!, criteria, dryRun, append, ...(framework ? { framework } : {}) };
}

function parseMcp(rest: readonly string[]): ParsedArgs {
  let allowWrites = false;
  const paths: string[] = [];
  for (const arg of rest) {
    if (arg === '--allow-writes') allowWrites = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else paths.push(arg);
  }
  if (paths.length > 1) throw new UsageError('mcp serves one workspace: give at most one path');
  return { command: 'mcp', path: paths[0] ?? '.', allowWrites };
}

function parseDraft(rest: readonly string[]): DraftOptions {
  const paths: string[] = [];
  let format: DraftFormat = 'kiro';
  let name: string | undefined;
  let output: string | undefined;
  let force = false;
  let tag = false;
  let dryRun = false;
  for (const { arg, flag, value } of argumentsOf(rest)) {
    if (flag === '--format') {
      const v = value();
      if (!isDraftFormat(v)) throw new UsageError(`--format must be ${orList(DRAFT_FORMATS)}, not '${v}'`);
      format = v;
    } else if (flag === '--name') {
      name = value();
      if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) throw new UsageError(`--name must be letters, digits, '.', '-' or '_', not '${name}'`);
    } else if (flag === '--output') output = value();
    else if (flag === '--force') force = true;
    else if (flag === '--tag') tag = true;
    else if (flag === '--dry-run') dryRun = true;
    else if (flag.startsWith('-')) throw new UsageError(`unknown option '${flag}'`);
    else paths.push(arg);
  }
  if (paths.length > 1) throw new UsageError('draft takes one folder');
  return { command: 'draft', path: paths[0] ?? '.', format, ...(name ? { name } : {}), ...(output ? { output } : {}), force, tag, dryRun };
}
