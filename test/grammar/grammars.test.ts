// @spec specthread-core#1.3
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO } from '../helpers/fixtures';

/**
 * The TextMate grammars, tokenised by the same engine VS Code uses (vscode-textmate with the
 * Oniguruma regex library). VS Code's own Markdown and language grammars are not on this
 * machine, so small stand-in base grammars provide the scopes the injections attach to: a
 * `comment.line` for code and plain text plus fenced code for Markdown.
 */
const BASES: Record<string, object> = {
  'source.ts': {
    scopeName: 'source.ts',
    patterns: [
      { begin: '//', end: '$', name: 'comment.line.double-slash.ts' },
      { begin: "'", end: "'", name: 'string.quoted.single.ts' },
    ],
  },
  'text.html.markdown': {
    scopeName: 'text.html.markdown',
    patterns: [
      { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
      { begin: '<!--', end: '-->', name: 'comment.block.html' },
    ],
  },
};

const INJECTIONS: Record<string, string> = {
  'specthread.markdown.injection': 'syntaxes/specthread-markdown.injection.json',
  'specthread.tags.injection': 'syntaxes/specthread-tags.injection.json',
};

async function registry(): Promise<vsctm.Registry> {
  const wasm = fs.readFileSync(path.join(REPO, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  return new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      if (BASES[scope]) return vsctm.parseRawGrammar(JSON.stringify(BASES[scope]), `${scope}.json`);
      const file = INJECTIONS[scope];
      return file ? vsctm.parseRawGrammar(fs.readFileSync(path.join(REPO, file), 'utf8'), path.join(REPO, file)) : null;
    },
    // As package.json's `injectTo` does: both injections apply to these bases.
    getInjections: (scope) => (BASES[scope] ? Object.keys(INJECTIONS) : undefined),
  });
}

/** Each token's text with its most specific SpecThread scope, for the tokens that have one. */
async function scopesOf(base: string, lines: string[]): Promise<[string, string][]> {
  const grammar = (await (await registry()).loadGrammar(base))!;
  const out: [string, string][] = [];
  let state = vsctm.INITIAL;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const scope = [...t.scopes].reverse().find((s) => s.endsWith('.specthread'));
      if (scope) out.push([line.slice(t.startIndex, t.endIndex), scope]);
    }
    state = r.ruleStack;
  }
  return out;
}

describe('TextMate grammars', () => {
  it('highlight every ref on a _Requirements:_ line, including the last before the closing underscore', async () => {
    const tokens = await scopesOf('text.html.markdown', ['  - _Requirements: 1.1, 2.3-2.5_']);
    assert.deepStrictEqual(
      tokens.filter(([, s]) => s.startsWith('constant.other.reference')).map(([t]) => t),
      ['1.1', '2.3-2.5'],
    );
  });

  it('highlight EARS keywords in criteria but not in fenced code', async () => {
    const tokens = await scopesOf('text.html.markdown', ['1. WHEN a user signs in, THE Auth SHALL create a session', '```', 'WHEN in code', '```']);
    assert.deepStrictEqual(
      tokens.map(([t]) => t),
      ['WHEN', 'SHALL'],
    );
  });

  it('highlight @spec tags in code comments, with spec, id and pin, but not in strings', async () => {
    const tokens = await scopesOf('source.ts', ['// @spec user-auth#1.2@3f9a0c, 001-export#FR-003', "const s = '@spec user-auth#1.2';"]);
    assert.deepStrictEqual(tokens, [
      ['@spec', 'keyword.other.spec-tag.specthread'],
      ['user-auth', 'entity.name.namespace.spec.specthread'],
      ['#', 'punctuation.separator.ref.specthread'],
      ['1.2', 'constant.other.reference.requirement.specthread'],
      ['@3f9a0c', 'constant.numeric.pin.specthread'],
      [',', 'punctuation.separator.comma.specthread'],
      ['001-export', 'entity.name.namespace.spec.specthread'],
      ['#', 'punctuation.separator.ref.specthread'],
      ['FR-003', 'constant.other.reference.requirement.specthread'],
    ]);
  });
});
