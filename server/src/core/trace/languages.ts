// @spec specthread-core#8.1
/**
 * The comment and string syntax of each language SpecThread scans for trace tags, chosen by file
 * name. Only what is needed to tell comments from strings from code: no language is parsed.
 */

export interface CommentSyntax {
  readonly id: string;
  /** Line comment openers, e.g. `//`, `#`, `--`. */
  readonly line: readonly string[];
  /** Block comment delimiters, e.g. `/*` … `*\/`. */
  readonly block: readonly (readonly [string, string])[];
  /** String quotes whose strings end at the line end when unterminated. */
  readonly quotes: string;
  /** Delimiters of strings that may span lines: `` ` `` (JS, Go), `"""` and `'''` (Python, Kotlin …). */
  readonly multiline: readonly string[];
  /** `#` opens a comment only at a word start (shell `${#x}`, YAML `a#b`). */
  readonly hashAtWordStart?: boolean;
  /** Python: a triple-quoted string that starts a statement is documentation, like a comment. */
  readonly docStrings?: boolean;
  /** Rust: `'` starts a char literal only when one closes it; otherwise it is a lifetime. */
  readonly charLiterals?: boolean;
  /** Markdown: only HTML comments count, and never inside fenced blocks or code spans. */
  readonly markdown?: boolean;
}

const C_BLOCK = [['/*', '*/']] as const;

const syntax = (id: string, s: Omit<CommentSyntax, 'id'>): CommentSyntax => ({ id, ...s });

const C_LIKE = syntax('c', { line: ['//'], block: C_BLOCK, quotes: `"'`, multiline: [] });
const JS = syntax('js', { line: ['//'], block: C_BLOCK, quotes: `"'`, multiline: ['`'] });
const GO = syntax('go', { line: ['//'], block: C_BLOCK, quotes: `"'`, multiline: ['`'] });
const RUST = syntax('rust', { line: ['//'], block: C_BLOCK, quotes: '"', multiline: [], charLiterals: true });
const JVM = syntax('jvm', { line: ['//'], block: C_BLOCK, quotes: `"'`, multiline: ['"""'] });
const PHP = syntax('php', { line: ['//', '#'], block: C_BLOCK, quotes: `"'`, multiline: [] });
const CSS = syntax('css', { line: [], block: C_BLOCK, quotes: `"'`, multiline: [] });
const SCSS = syntax('scss', { line: ['//'], block: C_BLOCK, quotes: `"'`, multiline: [] });
const PYTHON = syntax('python', { line: ['#'], block: [], quotes: `"'`, multiline: ['"""', "'''"], docStrings: true });
const RUBY = syntax('ruby', { line: ['#'], block: [['=begin', '=end']], quotes: `"'`, multiline: [] });
const SHELL = syntax('shell', { line: ['#'], block: [], quotes: `"'`, multiline: [], hashAtWordStart: true });
const YAML = syntax('yaml', { line: ['#'], block: [], quotes: `"'`, multiline: [], hashAtWordStart: true });
const HASH = syntax('hash', { line: ['#'], block: [], quotes: `"'`, multiline: [] });
const SQL = syntax('sql', { line: ['--'], block: C_BLOCK, quotes: `"'`, multiline: [] });
const LUA = syntax('lua', { line: ['--'], block: [['--[[', ']]']], quotes: `"'`, multiline: [] });
const HASKELL = syntax('haskell', { line: ['--'], block: [['{-', '-}']], quotes: '"', multiline: [] });
const PERCENT = syntax('percent', { line: ['%'], block: [], quotes: '"', multiline: [] });
const LISP = syntax('lisp', { line: [';'], block: [], quotes: '"', multiline: [] });
const INI = syntax('ini', { line: [';', '#'], block: [], quotes: '"', multiline: [], hashAtWordStart: true });
const POWERSHELL = syntax('powershell', { line: ['#'], block: [['<#', '#>']], quotes: `"'`, multiline: [], hashAtWordStart: true });
const MARKUP = syntax('markup', { line: [], block: [['<!--', '-->']], quotes: '', multiline: [] });
const COMPONENT = syntax('component', {
  line: ['//'],
  block: [
    ['<!--', '-->'],
    ['/*', '*/'],
  ],
  quotes: '',
  multiline: [],
});
const MARKDOWN = syntax('markdown', { line: [], block: [['<!--', '-->']], quotes: '', multiline: [], markdown: true });

const BY_EXTENSION: Record<string, CommentSyntax> = {};
const add = (s: CommentSyntax, exts: string) => exts.split(' ').forEach((e) => (BY_EXTENSION[e] = s));
add(JS, 'js jsx mjs cjs ts tsx mts cts');
add(GO, 'go');
add(RUST, 'rs');
add(JVM, 'java kt kts scala groovy gradle swift');
add(C_LIKE, 'c h cc cpp cxx hpp hh hxx cs dart proto zig m mm fs fsx');
add(PHP, 'php');
add(CSS, 'css');
add(SCSS, 'scss less');
add(PYTHON, 'py pyi');
add(RUBY, 'rb rake gemspec');
add(SHELL, 'sh bash zsh fish ksh');
add(YAML, 'yaml yml toml');
add(HASH, 'pl pm r tf hcl ex exs nim cmake conf properties env dockerfile mk cr jl');
add(SQL, 'sql');
add(LUA, 'lua');
add(HASKELL, 'hs elm');
add(PERCENT, 'erl hrl tex');
add(LISP, 'clj cljs cljc el lisp scm');
add(INI, 'ini cfg');
add(POWERSHELL, 'ps1 psm1');
add(MARKUP, 'html htm xml xhtml svg');
add(COMPONENT, 'vue svelte astro');
add(MARKDOWN, 'md markdown mdx');

const BY_NAME: Record<string, CommentSyntax> = {
  Dockerfile: HASH,
  Makefile: HASH,
  makefile: HASH,
  GNUmakefile: HASH,
  Rakefile: RUBY,
  Gemfile: RUBY,
  Jenkinsfile: JVM,
  'CMakeLists.txt': HASH,
};

/** Every syntax of the tables above, once each. */
export function allSyntaxes(): readonly CommentSyntax[] {
  return [...new Set([...Object.values(BY_EXTENSION), ...Object.values(BY_NAME)])];
}

/**
 * The tables as maps for lookup: `syntaxFor` runs for every listed file, and a plain object keyed by
 * arbitrary file names is a slow dictionary lookup (and answers `constructor` from its prototype).
 */
const NAMES: ReadonlyMap<string, CommentSyntax> = new Map(Object.entries(BY_NAME));
const EXTENSIONS: ReadonlyMap<string, CommentSyntax> = new Map(Object.entries(BY_EXTENSION));
const LONGEST_NAME = Math.max(...Object.keys(BY_NAME).map((name) => name.length));

/** The syntax to scan `path` with, or undefined for files that are not scanned (data, binaries). */
export function syntaxFor(path: string): CommentSyntax | undefined {
  return syntaxForName(path.slice(path.lastIndexOf('/') + 1));
}

/** `syntaxFor` of a file name (no `/`), for a caller that has cut the name already. */
export function syntaxForName(name: string): CommentSyntax | undefined {
  // Longer names are not looked up: a lookup hashes the name, most of the cost for a listed file.
  const byName = name.length <= LONGEST_NAME ? NAMES.get(name) : undefined;
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return undefined;
  // The table's extensions are lower case: one found as it is written needs no lower-casing,
  // a builtin call that cost as much as the lookup for every listed file.
  const extension = name.slice(dot + 1);
  return EXTENSIONS.get(extension) ?? EXTENSIONS.get(extension.toLowerCase());
}
