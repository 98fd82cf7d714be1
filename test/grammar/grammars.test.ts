// @spec specthread-core#1.3 @spec specthread-core#20.4
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

/** VS Code's default themes (test/fixtures/themes, copied from VS Code's theme-defaults, MIT), parents first. */
function themeRules(file: string): { settings: vsctm.IRawTheme['settings']; foreground: string } {
  const theme = JSON.parse(fs.readFileSync(path.join(THEMES, file), 'utf8')) as {
    include?: string;
    colors?: Record<string, string>;
    tokenColors?: vsctm.IRawTheme['settings'];
  };
  const parent = theme.include ? themeRules(path.basename(theme.include)) : { settings: [], foreground: '' };
  return { settings: [...parent.settings, ...(theme.tokenColors ?? [])], foreground: theme.colors?.['editor.foreground'] ?? parent.foreground };
}

const THEMES = path.join(REPO, 'test', 'fixtures', 'themes');

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

/**
 * Each token's text with the foreground the theme gives it, as VS Code resolves it (the same
 * engine, with the theme's rules). Foreground bits 15-23 of the token metadata index the colour map.
 */
async function coloursOf(themeFile: string, line: string): Promise<{ foreground: string; tokens: Map<string, string> }> {
  const theme = themeRules(themeFile);
  const reg = await registry();
  reg.setTheme({ settings: [{ settings: { foreground: theme.foreground } }, ...theme.settings] });
  const grammar = (await reg.loadGrammar('text.html.markdown'))!;
  const colours = reg.getColorMap();
  const r = grammar.tokenizeLine2(line, vsctm.INITIAL);
  const tokens = new Map<string, string>();
  for (let i = 0; i < r.tokens.length; i += 2) {
    const text = line.slice(r.tokens[i]!, r.tokens[i + 2] ?? line.length);
    if (text.trim()) tokens.set(text.trim(), colours[(r.tokens[i + 1]! >>> 15) & 0x1ff]!.toUpperCase());
  }
  return { foreground: colours[1]!.toUpperCase(), tokens };
}

/** A colour is "coloured" when it is not a grey: body text and keyword.operator are greys in every default theme. */
function isChromatic(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 40;
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
      tokens.filter(([, s]) => s.startsWith('variable.other.constant.reference')).map(([t]) => t),
      ['1.1', '2.3-2.5'],
    );
  });

  it('highlight EARS keywords in criteria but not in fenced code', async () => {
    const tokens = await scopesOf('text.html.markdown', ['1. WHEN a user signs in, THE Auth SHALL create a session', '```', 'WHEN in code', '```']);
    assert.deepStrictEqual(
      tokens.map(([t]) => t),
      ['WHEN', 'THE', 'SHALL'],
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

  describe("draw EARS modals, THE and refs in colour in VS Code's default themes, not like body text", () => {
    const THEME_FILES = ['dark_plus.json', 'light_plus.json', 'dark_modern.json', 'light_modern.json', '2026-dark.json', '2026-light.json'];
    for (const themeFile of THEME_FILES) {
      it(themeFile, async () => {
        const kiro = await coloursOf(themeFile, '1. WHEN a token expires, THE Auth_Service SHALL NOT accept it and SHALL log _Requirements: 1.2_');
        const speckit = await coloursOf(themeFile, '- **FR-001**: System MUST charge the card; see SC-002 and 001-checkout#FR-015a.');
        const expected = ['SHALL NOT', 'SHALL', 'THE', 'WHEN', '1.2', 'MUST', 'FR-001', 'SC-002', '001-checkout#FR-015a'];
        const colours = new Map([...kiro.tokens, ...speckit.tokens]);
        for (const word of expected) {
          const colour = colours.get(word);
          assert.ok(colour, `${word} is one token`);
          assert.ok(isChromatic(colour) && colour !== kiro.foreground, `${word} is drawn in ${colour}, like body text (${kiro.foreground})`);
        }
        // Prose stays body text: "a token expires" and "charge the card" are not coloured.
        assert.strictEqual(kiro.tokens.get('a token expires,'), kiro.foreground);
      });
    }
  });
});
