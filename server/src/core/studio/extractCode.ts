// @spec specthread-core#19.1, specthread-core#19.2
import { CancellationToken, throwIfCancelled, yieldToEventLoop } from '../cancellation';
import { Workspace } from '../workspace';
import { CodeLanguage, CodeParser, SyntaxNode } from './codeParser';
import { FactsBuilder, FileFacts, newFactsBuilder } from './facts';
import { extractGo } from './extract/go';
import { extractJava } from './extract/java';
import { extractPython } from './extract/python';
import { extractTypeScript } from './extract/typescript';

const LANGUAGES: Record<string, CodeLanguage> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  py: 'python',
  go: 'go',
  java: 'java',
};

/** Folders that hold someone else's code or build output, never the project's own. */
const SKIPPED_DIR = /(^|\/)(node_modules|vendor|dist|build|out|target|coverage|__pycache__|\.venv|venv|\.git|\.kiro|specs|openspec|alembic)(\/|$)/;
/** Files larger than this are generated or bundled; reading them would not help a reviewer. */
const MAX_BYTES = 1_000_000;

export function languageOf(path: string): CodeLanguage | undefined {
  if (/\.d\.[mc]?ts$|\.min\.js$/.test(path)) return undefined;
  const ext = path.slice(path.lastIndexOf('.') + 1);
  return LANGUAGES[ext];
}

/** Whether a file holds tests, by the conventions of its language's runners. */
export function isTestFile(rel: string, language: CodeLanguage): boolean {
  const file = rel.slice(rel.lastIndexOf('/') + 1);
  switch (language) {
    case 'go':
      return file.endsWith('_test.go');
    case 'python':
      return /^test_.*\.py$|_test\.py$|^conftest\.py$/.test(file);
    case 'java':
      return /(^|\/)src\/test\//.test(rel) || /Tests?\.java$/.test(file);
    default:
      return /\.(test|spec)\.[mc]?[jt]sx?$/.test(file) || /(^|\/)(test|tests|__tests__|spec)\//.test(rel);
  }
}

function moduleOf(rel: string, language: CodeLanguage, text: string): string {
  const noExt = rel.replace(/\.[^./]+$/, '');
  if (language === 'python') return noExt.replace(/\/__init__$/, '').replace(/\//g, '.');
  if (language === 'go') {
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    const pkg = /^package\s+(\w+)/m.exec(text)?.[1] ?? 'main';
    // A package is known by its folder; the name is added only when it differs from the folder's.
    return !dir ? pkg : dir.endsWith(pkg) && (dir === pkg || dir.endsWith(`/${pkg}`)) ? dir : `${dir} (${pkg})`;
  }
  if (language === 'java') {
    const pkg = /^package\s+([\w.]+)/m.exec(text)?.[1];
    const cls = noExt.slice(noExt.lastIndexOf('/') + 1);
    return pkg ? `${pkg}.${cls}` : cls;
  }
  return noExt;
}

function extract(language: CodeLanguage, root: SyntaxNode, rel: string, isTest: boolean, out: FactsBuilder): void {
  if (language === 'python') extractPython(root, rel, isTest, out);
  else if (language === 'go') extractGo(root, rel, isTest, out);
  else if (language === 'java') extractJava(root, rel, isTest, out);
  else extractTypeScript(root, rel, isTest, out);
}

/** The code files below `folder` a draft reads, relative, sorted so that the same code gives the same draft. */
export async function listCodeFiles(workspace: Workspace, folder: string, token: CancellationToken): Promise<string[]> {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  const files = await workspace.listFiles(token);
  return files
    .filter((f) => f.startsWith(base))
    .map((f) => f.slice(base.length))
    .filter((rel) => !SKIPPED_DIR.test(rel) && languageOf(rel) !== undefined)
    .sort();
}

/**
 * Reads and parses every code file below `folder`, one at a time, and keeps only its facts: the
 * tree is freed before the next file is parsed, so memory grows with the facts, not the code.
 */
export async function extractCode(workspace: Workspace, parser: CodeParser, folder: string, token: CancellationToken): Promise<FileFacts[]> {
  const facts: FileFacts[] = [];
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  for (const rel of await listCodeFiles(workspace, folder, token)) {
    throwIfCancelled(token);
    const language = languageOf(rel) as CodeLanguage;
    const size = workspace.stat ? (await workspace.stat(base + rel, token))?.size : undefined;
    if (size !== undefined && size > MAX_BYTES) continue;
    const text = await workspace.readFile(base + rel, token);
    if (text === undefined) continue;
    const isTest = isTestFile(rel, language);
    const out = newFactsBuilder();
    const parsed = await parser.parse(
      language,
      text,
      (root) => {
        extract(language, root, rel, isTest, out);
        return true;
      },
      token,
    );
    if (!parsed) continue;
    facts.push({
      path: rel,
      language,
      module: moduleOf(rel, language, text),
      isTest,
      imports: [...new Set(out.imports)],
      // Exports of test helpers are not the project's API.
      symbols: isTest ? [] : out.symbols,
      // Servers and parsers a test sets up are fixtures, not the project's routes or commands.
      routes: isTest ? [] : out.routes,
      commands: isTest ? [] : out.commands,
      config: isTest ? [] : out.config,
      errors: isTest ? [] : out.errors,
      tests: out.tests,
    });
    if (facts.length % 200 === 0) await yieldToEventLoop();
  }
  return facts;
}
