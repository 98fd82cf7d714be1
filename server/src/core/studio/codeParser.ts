// @spec specthread-core#19.1
import { CancellationToken } from '../cancellation';

/** The languages a draft reads with a real parser; each has one tree-sitter grammar. */
export type CodeLanguage = 'typescript' | 'tsx' | 'javascript' | 'python' | 'go' | 'java';

/**
 * The part of a tree-sitter node the extractors read. It is shaped after web-tree-sitter's `Node`
 * so that the host can hand its nodes over without copying them.
 */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startPosition: { readonly row: number; readonly column: number };
  readonly endPosition: { readonly row: number; readonly column: number };
  readonly namedChildren: readonly (SyntaxNode | null)[];
  readonly previousNamedSibling: SyntaxNode | null;
  readonly parent: SyntaxNode | null;
  childForFieldName(fieldName: string): SyntaxNode | null;
}

/**
 * The port the host implements: loading WASM grammars is I/O, so the core only asks for a tree.
 * The tree lives only while `visit` runs, so that a large code base never holds more than one
 * tree at a time; undefined means the host has no grammar for the language.
 */
export interface CodeParser {
  parse<T>(language: CodeLanguage, text: string, visit: (root: SyntaxNode) => T, token: CancellationToken): Promise<T | undefined>;
}
