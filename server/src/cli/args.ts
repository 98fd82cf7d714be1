// @spec specthread-core#5.3, specthread-core#12.3, specthread-core#15.6
import { Severity } from '../core/findings';
import { PRESET_NAMES, PresetName, isPresetName } from '../../../shared/settings';
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
  /** `--preset`: the severity preset, in place of specthread.json's. */
  readonly preset?: PresetName;
}

export interface CoverageOptions {
  readonly command: 'coverage';
  readonly paths: string[];
  readonly format: FormatName<'coverage'>;
  readonly exclude: string[];
  /** Exit 1 when the workspace's complete percentage is below this. */
  readonly failUnder?: number;
  readonly preset?: PresetName;
}

export interface InventoryOptions {
  readonly command: 'inventory';
  readonly paths: string[];
  readonly format: FormatName<'inventory'>;
}

export type ParsedArgs =
  | CheckOptions
  | CoverageOptions
  | InventoryOptions
  | { readonly command: 'lsp' }
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

/** Each command's own help, printed by `specthread <command> --help`. */
export const COMMAND_HELP = {
  check: `  specthread check [path…] ${formatFlag('check')} [--fail-on error|warning|info|hint|none]
                   [--write-baseline] [--no-baseline] [--exclude glob]… [--preset ${PRESET_NAMES.join('|')}]
      Analyse the specs, code and tests under each path (default: the current folder) and print
      findings as file:line:col severity code message. Exit 0 when clean, 1 when a finding at or
      above --fail-on (default: error) exists, 2 on a usage or internal error. Settings come from
      specthread.json in the project root (the nearest folder above with one).
      --write-baseline records every current finding in .specthread-baseline.json so that
      later runs report only new ones; --no-baseline reports everything. --preset picks the
      default severities (recommended, strict: every rule on, ears: EARS and wording rules as
      warnings) in place of specthread.json's "preset"; its "rules" still apply on top.`,
  coverage: `  specthread coverage [path…] ${formatFlag('coverage')} [--fail-under percent] [--exclude glob]… [--preset name]
      Print per-spec and per-requirement coverage (tasked, implemented, verified) and the
      criteria that are required but not implemented or not verified. Exit 1 when the
      workspace's complete percentage is below --fail-under.`,
  inventory: `  specthread inventory [path…] ${formatFlag('inventory')}
      List every spec found below each path with its format and what was understood of it:
      requirements, criteria, stories, tasks by status, refs (and deltas of OpenSpec changes).`,
  lsp: `  specthread lsp [--stdio | --node-ipc | --socket=PORT]
      Run the language server for any LSP editor; over stdio unless another transport is named.`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

export const USAGE = `Usage:
${Object.values(COMMAND_HELP).join('\n')}
  specthread <command> --help
      Print the help of one command.
  specthread --help | --version`;

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

  const paths: string[] = [];
  let format: string | undefined;
  let failOn: Severity | 'none' = 'error';
  let failUnder: number | undefined;
  const exclude: string[] = [];
  let writeBaseline = false;
  let noBaseline = false;
  let preset: PresetName | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format') {
      // Checked here, not only at the end, so that the first bad argument is the one reported.
      format = parseFormat(command, value());
    } else if (flag === '--write-baseline' && command === 'check') {
      writeBaseline = true;
    } else if (flag === '--no-baseline' && command === 'check') {
      noBaseline = true;
    } else if (flag === '--preset' && (command === 'check' || command === 'coverage')) {
      const v = value();
      if (!isPresetName(v)) throw new UsageError(`--preset must be ${orList(PRESET_NAMES)}, not '${v}'`);
      preset = v;
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
  if (command === 'inventory') return { command: 'inventory', paths, format: parseFormat('inventory', format) };
  if (command === 'coverage') return { command: 'coverage', paths, format: parseFormat('coverage', format), exclude, failUnder, ...(preset ? { preset } : {}) };
  return { command: 'check', paths, format: parseFormat('check', format), failOn, exclude, writeBaseline, noBaseline, ...(preset ? { preset } : {}) };
}
