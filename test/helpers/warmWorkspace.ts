import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient, uriOf } from './lspClient';

/**
 * The small workspace the language server's warm-start tests restart over: three Kiro specs that
 * cite each other, a design with one dangling citation, and a code file with a good and a bad tag,
 * so that spec, cross-spec and trace findings all appear.
 */

/** Seeds the workspace through `write` (a path below the root, and the text). */
export function seedWarmWorkspace(write: (rel: string, text: string) => void): void {
  for (const name of ['alpha', 'beta', 'gamma']) {
    write(`.kiro/specs/${name}/requirements.md`, requirements(name, ['the user submits valid credentials', 'the user submits invalid credentials']));
    write(`.kiro/specs/${name}/tasks.md`, tasks(['1.1', '1.2', '1.4']));
  }
  write('.kiro/specs/alpha/design.md', '# Design\n\nAlpha builds on gamma#1.1 and beta#1.9.\n');
  write('src/login.ts', '// @spec gamma#1.1\nexport const login = 1;\n// @spec alpha#1.7\nexport const other = 2;\n');
}

/** A requirements.md with requirement 1 (one EARS criterion per trigger) and requirement 3. */
export function requirements(name: string, triggers: readonly string[]): string {
  const criteria = triggers.map((t, i) => `${i + 1}. WHEN ${t} THEN the system SHALL respond.`).join('\n');
  return `# Requirements Document\n\n## Introduction\n\nThe ${name} feature.\n\n## Requirements\n\n### Requirement 1\n\n**User Story:** As a user, I want ${name}, so that I can work.\n\n#### Acceptance Criteria\n\n${criteria}\n\n### Requirement 3\n\n**User Story:** As a user, I want more, so that I can rest.\n\n#### Acceptance Criteria\n\n1. The system SHALL log every request.\n`;
}

/** A tasks.md with one task per ref, the first done. */
export function tasks(refs: readonly string[]): string {
  return `# Implementation Plan\n\n${refs.map((r, i) => `- [${i === 0 ? 'x' : ' '}] ${i + 1}. Build part ${i + 1}\n  - _Requirements: ${r}_`).join('\n')}\n`;
}

/**
 * Mocha hooks for a warm-start suite: before each test a fresh root (with a node_modules folder,
 * where the caches go), handed to `start` to remember and seed; after it, the clients the test
 * left running are stopped and the root removed.
 */
export function warmRootHooks(prefix: string, clients: TestClient[], start: (root: string) => void): void {
  let root = '';
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    fs.mkdirSync(path.join(root, 'node_modules'));
    start(root);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });
}

/** The diagnostics an editor shows, by path below `root`, files without any left out, in path order. */
export function shownDiagnostics(root: string, diagnostics: Map<string, unknown[]>): [string, unknown[]][] {
  return [...diagnostics]
    .filter(([, list]) => list.length > 0)
    .map(([uri, list]): [string, unknown[]] => [path.relative(root, new URL(uri).pathname), list])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * What an editor asks about alpha's tasks.md, at its first requirement ref (hover, definition,
 * references, document and workspace symbols), as requests to send; none when the file is gone.
 */
export function editorRequests(client: TestClient, root: string): (() => Promise<unknown>)[] {
  const tasksFile = path.join(root, '.kiro/specs/alpha/tasks.md');
  if (!fs.existsSync(tasksFile)) return [];
  const lines = fs.readFileSync(tasksFile, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes('_Requirements:'));
  const at = { textDocument: { uri: uriOf(tasksFile) }, position: { line, character: lines[line]!.indexOf('1.1') + 1 } };
  return [
    () => client.connection.sendRequest('textDocument/hover', at),
    () => client.connection.sendRequest('textDocument/definition', at),
    () => client.connection.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } }),
    () => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(tasksFile) } }),
    () => client.connection.sendRequest('workspace/symbol', { query: '' }),
  ];
}

/** `value` as JSON with the root's path replaced by `<root>`, so that two roots' answers compare equal. */
export function rootless(root: string, value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).split(root).join('<root>')) as unknown;
}
