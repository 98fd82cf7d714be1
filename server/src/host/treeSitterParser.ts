// @spec specthread-core#19.1
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import type { Parser } from '@vscode/tree-sitter-wasm';
import { CancellationToken, throwIfCancelled } from '../core/cancellation';
import { CodeLanguage, CodeParser, SyntaxNode } from '../core/studio/codeParser';

/**
 * The web-tree-sitter runtime, loaded on the first parse. Only drafting specs from code reads code
 * with it, and the language server's bundle loads at every start: imported at the top, the
 * runtime (168 KB of JavaScript of its own, dist/wasm/tree-sitter.js, which V8's code cache for
 * the bundle does not cover) was compiled and run before the first diagnostics of every start.
 */
function runtime(): typeof import('@vscode/tree-sitter-wasm') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require in a function body is what loads a module on first use.
  return require('@vscode/tree-sitter-wasm') as typeof import('@vscode/tree-sitter-wasm');
}

/** The grammar file of each language in @vscode/tree-sitter-wasm's `wasm/` folder. */
const GRAMMARS: Record<CodeLanguage, string> = {
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  python: 'tree-sitter-python.wasm',
  go: 'tree-sitter-go.wasm',
  java: 'tree-sitter-java.wasm',
};

/**
 * Where the WASM files are: next to the bundle (esbuild copies them to dist/wasm) or, when running
 * from source, in the package itself.
 */
export function wasmFolder(): string {
  const bundled = path.join(__dirname, 'wasm');
  if (existsSync(path.join(bundled, 'tree-sitter.wasm'))) return bundled;
  // From source (tests run server/src through tsx): the package in the repository's node_modules. Not
  // require.resolve, which would make esbuild want the package external.
  return path.join(__dirname, '..', '..', '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
}

/**
 * The `CodeParser` port over web-tree-sitter: one runtime and one parser per language, grammars
 * loaded on first use. Each tree is deleted as soon as the visitor returns, since WASM memory is
 * not collected.
 */
export class TreeSitterParser implements CodeParser {
  private init: Promise<void> | undefined;
  private readonly parsers = new Map<CodeLanguage, Promise<Parser>>();

  constructor(private readonly folder: string = wasmFolder()) {}

  private parserFor(language: CodeLanguage): Promise<Parser> {
    let parser = this.parsers.get(language);
    if (!parser) {
      const { Language, Parser } = runtime();
      this.init ??= Parser.init({ locateFile: (file: string) => path.join(this.folder, file) });
      parser = this.init.then(async () => {
        const bytes = await fs.readFile(path.join(this.folder, GRAMMARS[language]));
        const p = new Parser();
        p.setLanguage(await Language.load(new Uint8Array(bytes)));
        return p;
      });
      this.parsers.set(language, parser);
    }
    return parser;
  }

  async parse<T>(language: CodeLanguage, text: string, visit: (root: SyntaxNode) => T, token: CancellationToken): Promise<T | undefined> {
    throwIfCancelled(token);
    const parser = await this.parserFor(language);
    const tree = parser.parse(text);
    if (!tree) return undefined;
    try {
      return visit(tree.rootNode as unknown as SyntaxNode);
    } finally {
      tree.delete();
    }
  }
}
