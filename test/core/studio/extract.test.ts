// @spec specthread-core#19.1, specthread-core#19.2
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../../server/src/core/cancellation';
import { MemoryWorkspace } from '../../../server/src/core/memoryWorkspace';
import { draftSpec } from '../../../server/src/core/studio/draftSpec';
import { extractCode } from '../../../server/src/core/studio/extractCode';
import { FileFacts } from '../../../server/src/core/studio/facts';
import { TreeSitterParser } from '../../../server/src/host/treeSitterParser';

const ROOT = '/repo';
const parser = new TreeSitterParser();

async function facts(files: Record<string, string>): Promise<Map<string, FileFacts>> {
  const ws = new MemoryWorkspace([ROOT], Object.fromEntries(Object.entries(files).map(([k, v]) => [`${ROOT}/${k}`, v])));
  const out = await extractCode(ws, parser, ROOT, NEVER_CANCELLED);
  return new Map(out.map((f) => [f.path, f]));
}

const names = (f: FileFacts | undefined) => (f?.symbols ?? []).map((s) => s.name);
const routes = (f: FileFacts | undefined) => (f?.routes ?? []).map((r) => `${r.method} ${r.path}`);

describe('Spec Studio: extraction with tree-sitter', function () {
  this.timeout(30_000);

  it('TypeScript: exports with signatures and JSDoc, public methods only, Express routes, commander commands, env reads, thrown errors, nested test titles', async () => {
    const f = await facts({
      'src/api.ts': [
        "import { helper } from './util';",
        '/** Signs a payload. Extra words. */',
        'export function sign(payload: string, key: Key): string { return helper(payload); }',
        'export class Signer {',
        '  /** Verifies. */',
        '  verify(x: string): boolean { return true; }',
        '  private secret(): void {}',
        '  #hidden(): void {}',
        '}',
        'export const LIMIT = 3;',
        'export interface Key { id: string }',
        'export type Alg = "hs256";',
        'const port = process.env.PORT;',
        "app.post('/v1/auth/register', register);",
        "program.command('serve').option('-p, --port <n>');",
        "function register() { throw new AuthError('email taken'); }",
      ].join('\n'),
      'src/util.ts': 'export const helper = (s: string) => s;\n',
      'test/api.test.ts': "describe('Signer', () => { it('verifies a signature', () => { expect(post('/v1/auth/register').status).toBe(201); }); });\n",
    });
    const api = f.get('src/api.ts');
    assert.deepStrictEqual(names(api), ['sign', 'Signer', 'Signer.verify', 'LIMIT', 'Key', 'Alg']);
    assert.strictEqual(api?.symbols[0]?.signature, 'function sign(payload: string, key: Key): string');
    assert.strictEqual(api?.symbols[0]?.doc, 'Signs a payload.');
    assert.deepStrictEqual(routes(api), ['POST /v1/auth/register']);
    assert.deepStrictEqual(api?.commands, [{ name: 'serve', flags: ['-p'], line: 14 }]);
    assert.deepStrictEqual(
      api?.config.map((c) => c.name),
      ['PORT'],
    );
    assert.deepStrictEqual(
      api?.errors.map((e) => `${e.name} ${e.message} in ${e.within}`),
      ['AuthError email taken in register'],
    );
    const t = f.get('test/api.test.ts')?.tests[0];
    assert.strictEqual(t?.id, 'test/api.test.ts::Signer > verifies a signature');
    assert.deepStrictEqual(t?.statuses, [201]);
  });

  it('Python: public API with docstrings, FastAPI routes under the router prefix with status_code, HTTPException statuses, settings fields, click commands, pytest tests in classes', async () => {
    const f = await facts({
      'app/routes/users.py': [
        'from fastapi import APIRouter, HTTPException',
        'router = APIRouter(prefix="/users")',
        '@router.post("/signup", status_code=201)',
        'def register(body: UserIn) -> User:',
        '    """Registers a user. More."""',
        '    raise HTTPException(status_code=400, detail="exists")',
        'def _private(): pass',
      ].join('\n'),
      'app/config.py': ['import os', 'class Settings(BaseSettings):', '    DB_URL: str = ""', 'TOKEN = os.getenv("TOKEN")'].join('\n'),
      'app/cli.py': ['import click', '@click.command()', '@click.option("--dry-run")', 'def sync_all(): pass'].join('\n'),
      'tests/test_users.py': [
        'class TestUsers:',
        '    def test_signup(self, client):',
        '        r = client.post("/users/signup")',
        '        assert r.status_code == 201',
      ].join('\n'),
    });
    const users = f.get('app/routes/users.py');
    assert.deepStrictEqual(names(users), ['register']);
    assert.strictEqual(users?.symbols[0]?.doc, 'Registers a user.');
    assert.deepStrictEqual(users?.routes, [{ method: 'POST', path: '/users/signup', handler: 'register', statuses: [201], line: 3 }]);
    assert.deepStrictEqual(
      users?.errors.map((e) => [e.name, e.status, e.message, e.within]),
      [['HTTPException', 400, 'exists', 'register']],
    );
    assert.deepStrictEqual(
      f
        .get('app/config.py')
        ?.config.map((c) => `${c.source}:${c.name}`)
        .sort(),
      ['env:TOKEN', 'setting:DB_URL'],
    );
    assert.deepStrictEqual(
      f.get('app/cli.py')?.commands.map((c) => [c.name, c.flags]),
      [['sync-all', ['--dry-run']]],
    );
    const test = f.get('tests/test_users.py')?.tests[0];
    assert.strictEqual(test?.id, 'tests/test_users.py::TestUsers::test_signup');
    assert.deepStrictEqual(test?.paths, ['POST /users/signup']);
  });

  it('Go: exported functions, methods of exported types, types; gorilla/mux routes with .Methods, http.Error statuses, errors.New, os.Getenv, cobra commands and flags, func Test*', async () => {
    const f = await facts({
      'server.go': [
        'package server',
        'import ("errors"; "net/http"; "os")',
        '// Start runs the server.',
        'func Start() error { return errors.New("no port") }',
        'type Server struct{}',
        'func (s *Server) Serve(w http.ResponseWriter, r *http.Request) { http.Error(w, "nope", http.StatusNotFound) }',
        'type inner struct{}',
        'func (i inner) Hidden() {}',
        'func routes(r *mux.Router) { r.HandleFunc("/items/{id}", get).Methods("GET", "DELETE"); r.Handle("/health", h) }',
        'var port = os.Getenv("PORT")',
        'var root = &cobra.Command{Use: "serve [flags]"}',
        'func init() { root.Flags().StringVar(&port, "addr", "", "") }',
      ].join('\n'),
      'server_test.go': 'package server\nfunc Test301(t *testing.T) {}\nfunc TestServe(t *testing.T) {}\nfunc helper() {}\n',
    });
    const s = f.get('server.go');
    assert.strictEqual(s?.module, 'server');
    assert.deepStrictEqual(names(s), ['Start', 'Server', 'Server.Serve']);
    assert.strictEqual(s?.symbols[0]?.doc, 'Start runs the server.');
    assert.deepStrictEqual(routes(s), ['GET /items/{id}', 'DELETE /items/{id}', 'ANY /health']);
    assert.deepStrictEqual(
      s?.errors.map((e) => [e.name, e.status, e.message]),
      [
        ['errors.New', undefined, 'no port'],
        ['HTTP', 404, 'nope'],
      ],
    );
    assert.deepStrictEqual(
      s?.config.map((c) => c.name),
      ['PORT'],
    );
    assert.deepStrictEqual(
      s?.commands.map((c) => [c.name, c.flags]),
      [['serve', ['--addr']]],
    );
    assert.deepStrictEqual(
      f.get('server_test.go')?.tests.map((t) => t.id),
      ['server_test.go::Test301', 'server_test.go::TestServe'],
    );
  });

  it('Java: public classes and methods with Javadoc, Spring routes under the class mapping, thrown exceptions, System.getenv, JUnit @Test methods', async () => {
    const f = await facts({
      'src/main/java/com/acme/ItemController.java': [
        'package com.acme;',
        '@RestController',
        '@RequestMapping("/items")',
        'public class ItemController {',
        '  /** Lists items. */',
        '  @GetMapping("/{id}")',
        '  public Item get(@PathVariable String id) { throw new NotFoundException("no item"); }',
        '  @PostMapping',
        '  @ResponseStatus(HttpStatus.CREATED)',
        '  public Item create(Item item) { return item; }',
        '  private void hidden() { String k = System.getenv("KEY"); }',
        '}',
      ].join('\n'),
      'src/test/java/com/acme/ItemControllerTest.java': 'class ItemControllerTest {\n  @Test\n  void getsAnItem() {}\n  void notATest() {}\n}\n',
    });
    const c = f.get('src/main/java/com/acme/ItemController.java');
    assert.strictEqual(c?.module, 'com.acme.ItemController');
    assert.deepStrictEqual(names(c), ['ItemController', 'ItemController.get', 'ItemController.create']);
    assert.strictEqual(c?.symbols[1]?.doc, 'Lists items.');
    assert.deepStrictEqual(
      c?.routes.map((r) => [r.method, r.path, r.statuses]),
      [
        ['GET', '/items/{id}', []],
        ['POST', '/items', [201]],
      ],
    );
    assert.deepStrictEqual(
      c?.errors.map((e) => [e.name, e.message]),
      [['NotFoundException', 'no item']],
    );
    assert.deepStrictEqual(
      c?.config.map((k) => k.name),
      ['KEY'],
    );
    assert.deepStrictEqual(
      f.get('src/test/java/com/acme/ItemControllerTest.java')?.tests.map((t) => t.id),
      ['src/test/java/com/acme/ItemControllerTest.java::ItemControllerTest::getsAnItem'],
    );
  });

  it('skips dependencies and build output, and drafts a criterion per route, error and test with the tests it came from', async () => {
    const ws = new MemoryWorkspace([ROOT], {
      [`${ROOT}/node_modules/x/index.js`]: 'export function leaked() {}',
      [`${ROOT}/dist/app.js`]: 'export function built() {}',
      [`${ROOT}/app/routes.py`]:
        'router = APIRouter(prefix="/auth")\n@router.post("/register", status_code=201)\ndef register():\n    raise HTTPException(status_code=409, detail="taken")\n',
      [`${ROOT}/tests/test_routes.py`]: 'def test_register(client):\n    r = client.post("/auth/register")\n    assert r.status_code == 409\n',
    });
    const result = await draftSpec(ws, parser, { folder: ROOT, format: 'kiro', name: 'auth' }, NEVER_CANCELLED);
    assert.deepStrictEqual(
      result.facts.map((f) => f.path),
      ['app/routes.py', 'tests/test_routes.py'],
    );
    const req = result.files.find((f) => f.path === '.kiro/specs/auth/requirements.md')?.text ?? '';
    assert.match(
      req,
      /1\. WHEN a client sends `POST \/auth\/register`, THE API SHALL respond with status 201 through `register`\n {3}Verified by: `tests\/test_routes\.py::test_register`/,
    );
    assert.match(
      req,
      /2\. IF `POST \/auth\/register` fails with `taken`, THEN THE API SHALL respond with status 409\n {3}Verified by: `tests\/test_routes\.py::test_register`/,
    );
    assert.deepStrictEqual(
      result.files.map((f) => f.path),
      ['.kiro/specs/auth/requirements.md', '.kiro/specs/auth/design.md', '.kiro/specs/auth/tasks.md'],
    );
  });
});
