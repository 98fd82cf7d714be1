// @spec specthread-core#17.1
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { COMMAND_HELP } from '../../server/src/cli/args';
import { REPO } from '../helpers/fixtures';
import { copyToTemp, requireBuild } from '../helpers/lspClient';

interface ActionStep {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}
interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
}

const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;
const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

function flagsOf(text: string): string[] {
  return [...new Set(text.match(/--[a-z][a-z-]+/g) ?? [])];
}

/** The action's check step run as GitHub would: inputs as INPUT_* from their defaults and `inputs`, the action at the repository root. */
function runActionStep(cwd: string, inputs: Record<string, string>) {
  const step = action.runs.steps.find((s) => s.id === 'check')!;
  const env: Record<string, string> = {};
  for (const [name, expr] of Object.entries(step.env ?? {})) {
    const input = /\$\{\{ inputs\.([\w-]+) \}\}/.exec(expr)![1]!;
    env[name] = inputs[input] ?? action.inputs[input]!.default ?? '';
  }
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-action-')), 'output');
  fs.writeFileSync(output, '');
  const r = spawnSync('bash', ['-c', step.run!], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, GITHUB_ACTION_PATH: REPO, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: fs.readFileSync(output, 'utf8') };
}

describe('the GitHub Action (action.yml) and the pre-commit hooks', function () {
  this.timeout(120000);

  it('action.yml is a composite action with the inputs of issue 12 and a SARIF upload when asked', () => {
    assert.strictEqual(action.runs.using, 'composite');
    for (const input of ['paths', 'format', 'fail-on', 'changed-since', 'test-results', 'upload-sarif']) assert.ok(action.inputs[input], input);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'an upload-sarif step');
    assert.match(upload.if!, /inputs\.upload-sarif == 'true'/);
    assert.strictEqual(upload.with!.sarif_file, '${{ inputs.sarif-file }}');
    assert.match(
      action.runs.steps[action.runs.steps.length - 1]!.run!,
      /exit "\$\{\{ steps\.check\.outputs\.exit-code \}\}"/,
      'the last step passes the exit code on',
    );
  });

  it('every flag the action and the hooks pass is one `specthread check` or `coverage` accepts', () => {
    const help = `${COMMAND_HELP.check}\n${COMMAND_HELP.coverage}`;
    const step = action.runs.steps.find((s) => s.id === 'check')!;
    // The flags specthread gets are those added to `args`; others (npx --yes) are not its.
    const argLines = step.run!.split('\n').filter((l) => /\bargs\+?=\(/.test(l));
    const used = flagsOf(argLines.join('\n')).concat(hooks.flatMap((h) => flagsOf(h.entry)));
    assert.ok(used.includes('--fail-on') && used.includes('--output') && used.includes('--changed-since') && used.includes('--test-results'), used.join());
    for (const flag of used) {
      assert.ok(help.includes(flag), `${flag} is not a flag of specthread check or coverage`);
    }
  });

  it('the action’s check step runs the CLI, writes SARIF when asked and reports the exit code', () => {
    requireBuild();
    const root = copyToTemp(path.join(REPO, 'examples', 'kiro-workspace'));
    const r = runActionStep(root, { 'upload-sarif': 'true', 'max-warnings': '10' });
    assert.strictEqual(r.status, 0, `the step defers failing to the last step: ${r.stderr}`);
    assert.strictEqual(r.output, 'exit-code=1\n');
    assert.strictEqual(r.stdout.split('\n').filter((l) => l.startsWith('::error ')).length, 2, 'github annotations in the log');
    const sarif = JSON.parse(fs.readFileSync(path.join(root, 'specthread.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    assert.strictEqual(sarif.runs[0]!.results.length, 5);
    assert.strictEqual(runActionStep(root, { 'fail-on': 'none' }).output, 'exit-code=0\n');
  });

  it('.pre-commit-hooks.yaml runs specthread commands that exist, over the whole workspace', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.ok(hooks.length >= 1);
    for (const hook of hooks) {
      assert.ok(hook.id && hook.name, JSON.stringify(hook));
      assert.strictEqual(hook.language, 'node');
      // A change in one file can break a reference in another: never only the staged files.
      assert.strictEqual(hook.pass_filenames, false, hook.id);
      const [bin, command] = hook.entry.split(/\s+/);
      assert.ok(pkg.bin[bin!], `${bin} is a bin of the package`);
      assert.ok(Object.keys(COMMAND_HELP).includes(command!), `${command} is a specthread command`);
    }
    // pre-commit installs the hook repository with npm, which packs it: packing must build dist/cli.js.
    assert.match(pkg.scripts.prepack ?? '', /esbuild/);
  });
});
