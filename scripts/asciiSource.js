// An esbuild plugin that keeps the bundles ASCII. esbuild escapes non-ASCII characters in strings
// and plain templates, but not in regular expression literals nor in String.raw templates, which
// our spec readers use for their multilingual keywords (现状, 要件, ：, …). A bundle holding a single
// such character is decoded as UTF-8 on every start into a two-byte string: the bin
// (server/src/host/v8CodeCache.ts) spent some 19M instructions decoding dist/cli.js's 800 KB, about
// an eighth of `check`'s fixed cost, and V8 then scanned and hashed that source as two-byte text.
// An ASCII bundle is read as Latin-1, a plain copy. The rewrite keeps every value:
// - in a regular expression literal, a non-ASCII character becomes its \uXXXX escape (\u{…} above
//   U+FFFF with the u or v flag; a surrogate pair of escapes without, the two code units the
//   literal held), which the pattern reads as the character itself, in a class or not;
// - in a String.raw template, whose text is kept as written, a run of non-ASCII characters becomes
//   a substitution of a string literal with those characters, `${"\u73B0"}`, which String.raw
//   inserts unchanged.
// Only files that hold a non-ASCII character are parsed (with TypeScript's own parser): ours, and
// markdown-it's bundle (its typographer's `…`); test/cli/bundleLoad.test.ts checks that the
// bundles came out ASCII.
const fs = require('fs');

const NON_ASCII = /[\u0080-\uffff]/;

function hex4(code) {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** `ch` (one code point) as an escape that means the same in a pattern with `unicodeMode` or without. */
function patternEscape(ch, unicodeMode) {
  const code = ch.codePointAt(0);
  if (code <= 0xffff) return `\\u${hex4(code)}`;
  if (unicodeMode) return `\\u{${code.toString(16).toUpperCase()}}`;
  return [...ch.split('')].map((unit) => `\\u${hex4(unit.charCodeAt(0))}`).join('');
}

/** A regular expression literal's text with every non-ASCII character escaped. */
function escapeRegExpLiteral(text) {
  const close = text.lastIndexOf('/');
  const flags = text.slice(close + 1);
  const unicodeMode = /[uv]/.test(flags);
  let out = '';
  for (let i = 1; i < close;) {
    const ch = String.fromCodePoint(text.codePointAt(i));
    if (ch === '\\') {
      const next = String.fromCodePoint(text.codePointAt(i + 1));
      // `\。` (an identity escape, allowed without the u flag) means the character itself.
      out += NON_ASCII.test(next) ? patternEscape(next, unicodeMode) : ch + next;
      i += 1 + next.length;
    } else {
      out += NON_ASCII.test(ch) ? patternEscape(ch, unicodeMode) : ch;
      i += ch.length;
    }
  }
  return `/${out}/${flags}`;
}

/** A string literal, in ASCII, whose value is `value`. */
function asciiStringLiteral(value) {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${hex4(c.charCodeAt(0))}`);
}

/**
 * The raw text of one String.raw template part (between its delimiters) with each run of
 * non-ASCII characters, and a backslash escaping one, moved into a `${"…"}` substitution.
 */
function escapeRawTemplateText(raw) {
  let out = '';
  for (let i = 0; i < raw.length;) {
    const escaped = raw[i] === '\\' && i + 1 < raw.length && NON_ASCII.test(raw[i + 1]);
    if (!escaped && !NON_ASCII.test(raw[i])) {
      // An ASCII backslash escape is copied whole, so `\${` stays an escaped dollar.
      const n = raw[i] === '\\' ? 2 : 1;
      out += raw.slice(i, i + n);
      i += n;
      continue;
    }
    let end = escaped ? i + 2 : i;
    while (end < raw.length && NON_ASCII.test(raw[end])) end++;
    out += '${' + asciiStringLiteral(raw.slice(i, end)) + '}';
    i = end;
  }
  return out;
}

let typescript;

/**
 * `source` (TypeScript or JavaScript, by `fileName`) with its regular expression literals and
 * String.raw templates ASCII; the same string when it holds no non-ASCII character.
 */
function asciiSource(source, fileName) {
  if (!NON_ASCII.test(source)) return source;
  const ts = (typescript ??= require('typescript'));
  const kind = /\.[cm]?ts$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const isStringRaw = (tag) =>
    ts.isPropertyAccessExpression(tag) && ts.isIdentifier(tag.expression) && tag.expression.text === 'String' && tag.name.text === 'raw';
  const templateParts = (template) =>
    ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((s) => s.literal)];
  const visit = (node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const text = node.getText(file);
      if (NON_ASCII.test(text)) edits.push({ start: node.getStart(file), end: node.getEnd(), text: escapeRegExpLiteral(text) });
    } else if (ts.isTaggedTemplateExpression(node) && isStringRaw(node.tag)) {
      for (const part of templateParts(node.template)) {
        const start = part.getStart(file);
        const text = source.slice(start, part.getEnd());
        if (!NON_ASCII.test(text)) continue;
        // A part's text is its delimiters (` or }) around the raw text (then `, or ${).
        const open = 1;
        const close = text.endsWith('${') ? 2 : 1;
        edits.push({ start: start + open, end: start + text.length - close, text: escapeRawTemplateText(text.slice(open, text.length - close)) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Our TypeScript sources through asciiSource; markdown-it's bundle goes through it in markdownItFields.js, whose load wins. */
const asciiBundle = {
  name: 'ascii-bundle',
  setup(build) {
    build.onLoad({ filter: /[\\/](server|shared)[\\/].*\.ts$/ }, (args) => {
      if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
      const source = fs.readFileSync(args.path, 'utf8');
      return NON_ASCII.test(source) ? { contents: asciiSource(source, args.path), loader: 'ts' } : undefined;
    });
  },
};

module.exports = { asciiBundle, asciiSource, escapeRegExpLiteral, escapeRawTemplateText };
