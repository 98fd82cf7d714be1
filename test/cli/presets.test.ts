// @spec specthread-core#16.4
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, REPO } from '../helpers/fixtures';
import { CLI, copyToTemp, requireBuild } from '../helpers/lspClient';

/**
 * One Kiro spec with a vague word (style), a Kiro v1 WHEN … THEN (opt-in), a system missing from
 * the glossary (opt-in) and a requirement no task cites (a coverage gap the tool cannot prove),
 * checked through the CLI under each preset.
 */
const FIXTURE = path.join(FIXTURES, 'presets');

function severities(args: string[], cwd = REPO): Record<string, string> {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, 'check', ...args, '--format', 'json', '--fail-on', 'none'], { cwd, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  const findings = JSON.parse(r.stdout).findings as { code: string; severity: string }[];
  return Object.fromEntries(findings.map((f) => [f.code, f.severity]));
}

describe('severity presets (CLI)', () => {
  it('recommended, the default, reports style as a hint and leaves opt-in rules off', () => {
    const expected = { 'quality.vague-term': 'hint', 'coverage.requirement-without-task': 'info' };
    assert.deepStrictEqual(severities([FIXTURE]), expected);
    assert.deepStrictEqual(severities([FIXTURE, '--preset', 'recommended']), expected);
  });

  it('strict turns every rule on, style and opt-in rules as warnings', () => {
    assert.deepStrictEqual(severities([FIXTURE, '--preset', 'strict']), {
      'quality.vague-term': 'warning',
      'ears.then-after-when': 'warning',
      'ears.unknown-system': 'warning',
      'coverage.requirement-without-task': 'warning',
    });
  });

  it('ears raises the EARS and wording rules only', () => {
    assert.deepStrictEqual(severities([FIXTURE, '--preset=ears']), {
      'quality.vague-term': 'warning',
      'ears.then-after-when': 'warning',
      'ears.unknown-system': 'warning',
      'coverage.requirement-without-task': 'info',
    });
  });

  it('specthread.json picks the preset; rules, then per-path overrides, apply on top; --preset replaces only the preset', () => {
    const dir = copyToTemp(FIXTURE);
    try {
      const config = {
        preset: 'strict',
        rules: { 'ears.then-after-when': 'off', quality: 'info' },
        overrides: [{ files: ['.kiro/specs/notes/requirements.md'], rules: { 'ears.unknown-system': 'hint' } }],
      };
      fs.writeFileSync(path.join(dir, 'specthread.json'), JSON.stringify(config));
      assert.deepStrictEqual(severities(['.'], dir), {
        'quality.vague-term': 'info',
        'ears.unknown-system': 'hint',
        'coverage.requirement-without-task': 'warning',
      });
      assert.deepStrictEqual(severities(['.', '--preset', 'recommended'], dir), {
        'quality.vague-term': 'info',
        'ears.unknown-system': 'hint',
        'coverage.requirement-without-task': 'info',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown preset is a usage error naming the presets', () => {
    requireBuild();
    const r = spawnSync(process.execPath, [CLI, 'check', FIXTURE, '--preset', 'loose'], { cwd: REPO, encoding: 'utf8' });
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--preset must be recommended, strict or ears, not 'loose'/);
  });

  it('an invalid preset in specthread.json is reported as config.invalid', () => {
    const dir = copyToTemp(FIXTURE);
    try {
      fs.writeFileSync(path.join(dir, 'specthread.json'), '{ "preset": "loose" }');
      const all = severities(['.'], dir);
      assert.strictEqual(all['config.invalid'], 'error');
      assert.strictEqual(all['quality.vague-term'], 'hint');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
