// @spec specthread-core#19.1
import { SyntaxNode } from '../codeParser';

/** Helpers the extractors of every language share to read tree-sitter nodes. */

export function kids(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((n): n is SyntaxNode => n !== null);
}

/** Visits every named node below `root` depth first; `enter` returning false skips a subtree. */
export function walk(root: SyntaxNode, enter: (node: SyntaxNode) => boolean | void): void {
  const stack: SyntaxNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as SyntaxNode;
    if (enter(node) === false) continue;
    const children = kids(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as SyntaxNode);
  }
}

/** The value of a string literal node in any of the grammars, or undefined for anything else. */
export function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  const t = node.type;
  if (t === 'string' || t === 'string_literal' || t === 'interpreted_string_literal' || t === 'raw_string_literal' || t === 'template_string') {
    const text = node.text;
    if (t === 'template_string' && text.includes('${')) return undefined;
    // Python prefixes (f, r, b) and triple quotes; the other grammars quote with one character.
    const m = /^([rRbBuUfF]{0,2})("""|'''|"|'|`)([\s\S]*)\2$/.exec(text);
    if (!m) return undefined;
    const body = m[3] as string;
    // Escaped quotes and backslashes read as the characters they stand for (not in raw strings).
    const raw = /[rR]/.test(m[1] ?? '') || t === 'raw_string_literal';
    return raw ? body : body.replace(/\\(["'`\\])/g, '$1');
  }
  return undefined;
}

/** The declaration's first line, cut before its body so that a signature stays one line. */
export function signatureOf(node: SyntaxNode, body: SyntaxNode | null): string {
  let text = node.text;
  if (body && body.startPosition.row === node.startPosition.row) {
    const cut = text.indexOf(body.text);
    if (cut > 0) text = text.slice(0, cut);
  }
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return first
    .replace(/\s+/g, ' ')
    .replace(/[\s{:]+$/, '')
    .trim();
}

/** The first sentence of a doc comment's text, without comment markers, on one line. */
export function firstSentence(comment: string): string | undefined {
  const body = comment
    .replace(/^\/\*\*?|\*\/$/g, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(\*|\/\/\/?|#)\s?/, '').trim())
    .filter((l) => l && !l.startsWith('@'))
    .join(' ')
    .replace(/^["']{3}|["']{3}$/g, '')
    .trim();
  if (!body) return undefined;
  const m = /^(.+?[.!?])(\s|$)/.exec(body);
  const sentence = (m ? m[1] : body) ?? body;
  return sentence.length > 200 ? `${sentence.slice(0, 197)}...` : sentence;
}

/** The doc comment right above a declaration (block or consecutive line comments), when there is one. */
export function docAbove(node: SyntaxNode, isDoc: (comment: string) => boolean): string | undefined {
  const lines: string[] = [];
  let prev = node.previousNamedSibling;
  let row = node.startPosition.row;
  while (prev && prev.type.includes('comment') && row - prev.endPosition.row <= 1) {
    lines.unshift(prev.text);
    row = prev.startPosition.row;
    prev = prev.previousNamedSibling;
  }
  const text = lines.join('\n');
  return text && isDoc(text) ? firstSentence(text) : undefined;
}

/** HTTP verbs as route registrations spell them, upper-cased for the draft. */
export const HTTP_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all']);

/** Status numbers a test names (`== 201`, `toBe(404)`, `StatusNotFound`), at most a few per test. */
export function statusesIn(text: string): number[] {
  const found = new Set<number>();
  for (const m of text.matchAll(/(?:status(?:_code|Code)?\W{1,12}|toBe\(|assert\w*\(\s*)([1-5]\d\d)\b/gi)) {
    found.add(Number(m[1]));
    if (found.size >= 8) break;
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * URL paths a test names in string literals (`"/api/v1/users/"`, f-strings included), at most a
 * few per test; `POST /users/` when the literal is the first argument of a client's `.post(`.
 */
export function pathsIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(
    /(?:\.(get|post|put|patch|delete|head|options)\(\s*f?)?["'`]((?:\{[^}"'`\n]*\}|\$\{[^}"'`\n]*\})?\/[A-Za-z0-9_\-./{}$:]*)["'`]/gi,
  )) {
    const p = m[2] as string;
    found.add(m[1] ? `${m[1].toUpperCase()} ${p}` : p);
    if (found.size >= 12) break;
  }
  return [...found];
}

/** The last segment of a path without extension, e.g. `app/api/routes/users.py` → `users`. */
export function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const dot = file.indexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}
