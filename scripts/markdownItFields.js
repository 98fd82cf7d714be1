// An esbuild plugin that bundles markdown-it with plain property assignments for its class fields.
// markdown-it's dist files are compiled with oxc's class-property helper: every field of every Token
// and StateBlock is set by `_defineProperty(this, "map", null)`, which converts the key, asks `in`
// and stores by a computed key, a store V8 cannot specialise per field. A CPU profile of `check` at
// L showed the helper as 0.27 s of 1.8 s of spec parsing. markdown-it's classes have no accessors
// and nothing writes their prototypes, so `this.map = null` makes the same own, enumerable, writable
// property. Each call whose arguments are read with certainty (an identifier, a string key that is an
// identifier, a value up to the balanced closing parenthesis, then `;`) is rewritten; any other call
// keeps the helper, which still works, so a markdown-it release built otherwise is bundled unchanged.
const fs = require('fs');
const { asciiSource } = require('./asciiSource.js');

const CALL = '_defineProperty(';

/** Skips white space and comments from `pos`. */
function skipBlank(src, pos) {
  for (;;) {
    while (pos < src.length && /\s/.test(src[pos])) pos++;
    if (src.startsWith('/*', pos)) {
      const end = src.indexOf('*/', pos + 2);
      if (end < 0) return -1;
      pos = end + 2;
    } else if (src.startsWith('//', pos)) {
      const end = src.indexOf('\n', pos);
      pos = end < 0 ? src.length : end + 1;
    } else return pos;
  }
}

/** The end of an expression starting at `pos` (the closing parenthesis of the call), or -1 when unsure. */
function expressionEnd(src, pos) {
  let depth = 0;
  for (; pos < src.length; pos++) {
    const ch = src[pos];
    if (ch === '"' || ch === "'") {
      const close = src.indexOf(ch, pos + 1);
      // Escapes or line breaks inside the string: leave the call alone.
      if (close < 0 || /[\\\n]/.test(src.slice(pos + 1, close))) return -1;
      pos = close;
    } else if (ch === '`' || ch === '/') return -1;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (depth === 0) return ch === ')' ? pos : -1;
      depth--;
    }
  }
  return -1;
}

/** One call at `at` as an assignment, or undefined to keep it. */
function rewriteCall(src, at) {
  let pos = skipBlank(src, at + CALL.length);
  const target = /^[A-Za-z_$][\w$]*/.exec(src.slice(pos, pos + 100));
  if (pos < 0 || !target) return undefined;
  pos = skipBlank(src, pos + target[0].length);
  if (pos < 0 || src[pos] !== ',') return undefined;
  pos = skipBlank(src, pos + 1);
  const key = /^"([A-Za-z_$][\w$]*)"/.exec(src.slice(pos, pos + 100));
  if (pos < 0 || !key) return undefined;
  pos = skipBlank(src, pos + key[0].length);
  if (pos < 0 || src[pos] !== ',') return undefined;
  const valueStart = skipBlank(src, pos + 1);
  const close = valueStart < 0 ? -1 : expressionEnd(src, valueStart);
  if (close < 0 || src[skipBlank(src, close + 1)] !== ';') return undefined;
  return { end: close + 1, text: `${target[0]}.${key[1]} = ${src.slice(valueStart, close).trimEnd()}` };
}

/** markdown-it's source with its `_defineProperty` calls as assignments, and how many were rewritten. */
function rewriteFields(src) {
  let out = '';
  let from = 0;
  let count = 0;
  for (let at = src.indexOf(CALL); at >= 0; at = src.indexOf(CALL, at + 1)) {
    if (at < from || /[\w$]/.test(src[at - 1] ?? '') || src.slice(Math.max(0, at - 9), at) === 'function ') continue;
    const call = rewriteCall(src, at);
    if (!call) continue;
    out += src.slice(from, at) + call.text;
    from = call.end;
    count++;
  }
  return { contents: out + src.slice(from), count };
}

const markdownItFields = {
  name: 'markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.(?:mjs|cjs\.js)$/ }, async (args) => {
      const { contents, count } = rewriteFields(await fs.promises.readFile(args.path, 'utf8'));
      if (count === 0) console.warn(`scripts/markdownItFields.js: no _defineProperty call rewritten in ${args.path}`);
      // This load wins over the ASCII plugin's, so the bundle's one non-ASCII literal is escaped here.
      return { contents: asciiSource(contents, args.path), loader: 'js' };
    });
  },
};

module.exports = { markdownItFields, rewriteFields };
