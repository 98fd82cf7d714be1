// @spec specthread-core#15.6 @spec specthread-core#17.1 @spec specthread-core#5.1 @spec specthread-core#5.2 @spec specthread-core#5.3
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FORMATTERS, ReportCommand, formatNames } from '../../server/src/cli/formatters';
import { REPO } from '../helpers/fixtures';
import { CLI, requireBuild } from '../helpers/lspClient';

/**
 * The CLI's exact bytes, pinned: every command in every registered output format over each example
 * workspace, plus the help texts and the usage error for an unknown format. Restructuring the
 * formatters must not move a byte; a change that means to must update the golden files on
 * purpose (`UPDATE_GOLDEN=1 npx mocha … test/cli/golden.test.ts`) and show them in its diff.
 */
const GOLDEN = path.join(__dirname, 'golden');
/** Golden name → folder run from the repository root. trace-repo adds code tags, trace findings and coverage gaps. */
const TARGETS: Record<string, string> = {
  'kiro-workspace': 'examples/kiro-workspace',
  'speckit-workspace': 'examples/speckit-workspace',
  'openspec-workspace': 'examples/openspec-workspace',
  'trace-repo': 'test/fixtures/trace-repo',
};
// Read from the registry, so that a new format or command fails here until its golden files exist.
const COMMANDS = Object.keys(FORMATTERS) as ReportCommand[];

/** One run rendered as text: the command, its exit code, then stdout and stderr verbatim. */
function render(args: readonly string[]): string {
  // Cleared so that the github format never appends to the job summary of the CI run testing it.
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } });
  return `$ specthread ${args.join(' ')}\nexit ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

function expectGolden(name: string, args: readonly string[]): void {
  requireBuild();
  const file = path.join(GOLDEN, `${name}.txt`);
  const actual = render(args);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  // A missing golden file fails: a new format or command has to bring its pinned output with it.
  assert.ok(fs.existsSync(file), `no golden file ${path.relative(REPO, file)}: run with UPDATE_GOLDEN=1 and review it`);
  assert.strictEqual(actual, fs.readFileSync(file, 'utf8'), `${args.join(' ')} differs from ${path.relative(REPO, file)}`);
}

describe('specthread CLI output is byte-identical to its golden files', () => {
  for (const [name, folder] of Object.entries(TARGETS)) {
    for (const command of COMMANDS) {
      for (const format of formatNames(command)) {
        it(`${command} --format ${format} over ${folder}`, () => {
          expectGolden(`${command}.${format}.${name}`, [command, folder, '--format', format]);
        });
      }
    }
  }

  it('the default format is text', () => {
    expectGolden('check.default.kiro-workspace', ['check', 'examples/kiro-workspace']);
  });

  it('--help and each command’s help', () => {
    expectGolden('help', ['--help']);
    for (const command of [...COMMANDS, 'lsp']) expectGolden(`help.${command}`, [command, '--help']);
  });

  it('an unknown --format is a usage error naming the formats', () => {
    for (const command of COMMANDS) expectGolden(`usage.format.${command}`, [command, '--format', 'xml']);
  });
});
