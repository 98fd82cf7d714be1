// @spec specthread-core#19.1, specthread-core#19.2
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeCodeCorpus, filesBelow } from '../helpers/codeCorpus';
import { CLI, requireBuild } from '../helpers/lspClient';

function run(args: string[], cwd: string) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * What each repository holds, read with plain line patterns independent of the tree-sitter
 * extractors: the draft must name every one of them.
 */
function expectedNames(repo: string, dir: string): { names: string[]; routes: string[]; tests: string[] } {
  const names: string[] = [];
  const routes: string[] = [];
  const tests: string[] = [];
  const read = (rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
  const files = filesBelow(dir);
  if (repo === 'gorilla__mux') {
    for (const rel of files.filter((f) => f.endsWith('.go'))) {
      const text = read(rel);
      if (rel.endsWith('_test.go')) for (const m of text.matchAll(/^func (Test\w+)\(/gm)) tests.push(m[1]!);
      else {
        for (const m of text.matchAll(/^func (?:\(\w+ \*?([A-Z]\w*)\) )?([A-Z]\w*)/gm)) names.push(m[1] ? `${m[1]}.${m[2]}` : m[2]!);
        for (const m of text.matchAll(/^type ([A-Z]\w*)/gm)) names.push(m[1]!);
      }
    }
  } else if (repo === 'fastapi__full-stack-fastapi-template') {
    for (const rel of files.filter((f) => f.endsWith('.py') && !f.includes('/alembic/'))) {
      const text = read(rel);
      if (/(^|\/)test_[^/]*\.py$/.test(rel)) {
        for (const m of text.matchAll(/^def (test_\w+)/gm)) tests.push(m[1]!);
        continue;
      }
      const prefix = /APIRouter\([^)]*prefix="([^"]*)"/.exec(text)?.[1] ?? '';
      for (const m of text.matchAll(/^@router\.(get|post|put|patch|delete)\(\s*"([^"]*)"/gm)) routes.push(`${m[1]!.toUpperCase()} ${prefix}${m[2]}`);
      if (/(^|\/)tests\//.test(rel)) continue;
      for (const m of text.matchAll(/^(?:async )?def ([a-zA-Z]\w*)|^class ([A-Za-z]\w*)/gm)) names.push(m[1] ?? m[2]!);
    }
  } else {
    for (const rel of files.filter((f) => /^source\/.*\.ts$/.test(f))) {
      for (const m of read(rel).matchAll(
        /^export (?:declare )?(?:default )?(?:async )?(?:abstract )?(?:function\*?|class|const|let|interface|type|enum) (\w+)/gm,
      ))
        names.push(m[1]!);
    }
    for (const rel of files.filter((f) => /^test\/[^/]+\.ts$/.test(f))) {
      for (const m of read(rel).matchAll(/^test(?:\.\w+)?\(\s*'((?:[^'\\]|\\.)*)'/gm)) tests.push(m[1]!.replace(/\\'/g, "'"));
    }
  }
  return { names: [...new Set(names)], routes: [...new Set(routes)], tests: [...new Set(tests)] };
}

const REPOS = ['sindresorhus__ky', 'gorilla__mux', 'fastapi__full-stack-fastapi-template'];
const FORMATS = ['kiro', 'speckit', 'openspec'];

describeCodeCorpus('specthread draft on the code corpus (built CLI)', (corpus) => {
  let out: string;
  before(() => (out = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-draft-'))));
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  for (const repo of REPOS) {
    for (const format of FORMATS) {
      it(`${repo} (${format}): names every public name, route and test, and checks with zero errors`, function () {
        this.timeout(120_000);
        const target = path.join(out, `${repo}-${format}`);
        const r = run(['draft', path.join(corpus, repo), '--format', format, '--output', target], out);
        assert.strictEqual(r.code, 0, r.stderr);
        const text = filesBelow(target)
          .map((f) => fs.readFileSync(path.join(target, f), 'utf8'))
          .join('\n');
        const expected = expectedNames(repo, path.join(corpus, repo));
        assert.ok(expected.names.length + expected.tests.length > 20, `the patterns found too little in ${repo} to prove anything`);
        const missing = [
          ...expected.names.filter((n) => !text.includes(`\`${n}\``)).map((n) => `name ${n}`),
          ...expected.routes.filter((r) => !text.includes(`\`${r}\``)).map((r) => `route ${r}`),
          ...expected.tests.filter((t) => !text.includes(t.replace(/`/g, "'"))).map((t) => `test ${t}`),
        ];
        assert.deepStrictEqual(missing, []);
        const check = run(['check', '.', '--fail-on', 'error'], target);
        assert.strictEqual(check.code, 0, check.stdout + check.stderr);
        assert.match(check.stderr + check.stdout, /\b0 errors\b/);
      });
    }
  }

  it('drafts the same bytes from the same code (two runs of every repository)', function () {
    this.timeout(120_000);
    for (const repo of REPOS) {
      const texts = ['a', 'b'].map((run_) => {
        const target = path.join(out, `${repo}-same-${run_}`);
        const r = run(['draft', path.join(corpus, repo), '--output', target], out);
        assert.strictEqual(r.code, 0, r.stderr);
        return filesBelow(target).map((f) => `${f}\n${fs.readFileSync(path.join(target, f), 'utf8')}`);
      });
      assert.deepStrictEqual(texts[0], texts[1], repo);
    }
  });

  it('lists the tests each route criterion came from (FastAPI: POST /users/signup)', function () {
    this.timeout(60_000);
    const target = path.join(out, 'fastapi-kiro');
    run(['draft', path.join(corpus, 'fastapi__full-stack-fastapi-template'), '--output', target], out);
    const req = fs.readFileSync(path.join(target, '.kiro/specs/fastapi-full-stack-fastapi-template/requirements.md'), 'utf8');
    const lines = req.split('\n');
    const at = lines.findIndex((l) => l.includes('WHEN a client sends `POST /users/signup`'));
    assert.ok(at >= 0, 'no criterion for POST /users/signup');
    assert.match(lines[at + 1] ?? '', /Verified by: .*`backend\/tests\/api\/routes\/test_users\.py::test_register_user`/);
    assert.ok(
      lines.some((l) => /^\d+\. IF `POST \/users\/signup` fails with .*THEN THE API SHALL respond with status 400/.test(l)),
      'the HTTPException of register_user is an IF criterion',
    );
    const design = fs.readFileSync(path.join(target, '.kiro/specs/fastapi-full-stack-fastapi-template/design.md'), 'utf8');
    assert.match(design, /```mermaid\ngraph LR\n/);
    assert.match(design, / --> /, 'the import graph has edges');
    assert.match(
      fs.readFileSync(path.join(target, '.kiro/specs/fastapi-full-stack-fastapi-template/tasks.md'), 'utf8'),
      /- \[ \] 1\. Write tests for Requirement/,
    );
  });
});
