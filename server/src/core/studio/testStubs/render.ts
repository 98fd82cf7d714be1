// @spec specthread-core#19.4
import { FrameworkName } from './frameworks';
import { gwtLines } from './givenWhenThen';
import { Placement } from './layout';

/**
 * The text of pending tests, one renderer per framework. Every stub is titled with the ref and
 * the criterion's text (the title is what ties it to the criterion, as any test title does),
 * carries Given/When/Then comments from the EARS clauses, and is marked skip so that it runs as
 * pending and verifies nothing until someone writes it and removes the mark.
 */
export interface Stub {
  readonly ref: string;
  readonly text: string;
}

interface Renderer {
  /** Imports, package line and the opening of a class: what a new file starts with. */
  header(p: Placement, spec: string): string;
  stub(s: Stub, p: Placement): string;
  /** What a new file ends with (a class's closing brace). */
  footer(p: Placement): string;
}

const NOTE = (spec: string) => `Pending tests for the criteria of ${spec} that no test verifies yet, written by \`specthread test-stubs\`.`;
const HOW = 'Each is skipped, so it verifies nothing: write the test, then remove the skip mark.';
const REASON = 'pending: written by specthread test-stubs';

/** A one-line string literal in double or single quotes (JavaScript, Python, Go, Java all read these escapes). */
function quote(s: string, q: '"' | "'" = '"'): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return q + flat.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

const title = (s: Stub) => `${s.ref} ${s.text}`;
const comments = (s: Stub, indent: string, mark: string) => gwtLines(s.text).map((l) => `${indent}${mark} ${l.replace(/\s+/g, ' ')}`);

/** A Python docstring: the title SpecThread reads for the test it documents. */
const docstring = (s: string) => `"""${s.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"""`;

/** An identifier part from a ref, unique across the specs of a package: `user-auth#1.2` → `user_auth_1_2`. */
const idPart = (ref: string) => ref.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|(?<!_)_+$/g, '');

/** A JavaScript or TypeScript framework: `open` starts the skipped call up to its callback. */
function jsRenderer(open: (titleLiteral: string) => string, imports: (p: Placement) => string): Renderer {
  return {
    header: (p, spec) => `// ${NOTE(spec)}\n// ${HOW}\n${imports(p)}`,
    stub: (s) => `\n${open(quote(title(s), "'"))}, () => {\n${comments(s, '  ', '//').join('\n')}\n});\n`,
    footer: () => '',
  };
}

const esmOrCjs = (p: Placement, names: string, from: string) =>
  p.esm || p.typescript ? `import { ${names} } from '${from}';\n` : `const { ${names} } = require('${from}');\n`;

const RENDERERS: Readonly<Record<FrameworkName, Renderer>> = {
  mocha: jsRenderer(
    (t) => `it.skip(${t}`,
    () => '',
  ),
  jest: jsRenderer(
    (t) => `test.skip(${t}`,
    () => '',
  ),
  vitest: jsRenderer(
    (t) => `test.skip(${t}`,
    (p) => esmOrCjs(p, 'test', 'vitest'),
  ),
  'node:test': jsRenderer(
    (t) => `test(${t}, { skip: '${REASON}' }`,
    (p) => esmOrCjs(p, 'test', 'node:test'),
  ),
  pytest: {
    header: (_p, spec) => `# ${NOTE(spec)}\n# ${HOW}\nimport pytest\n`,
    stub: (s) =>
      `\n\n@pytest.mark.skip(reason=${quote(REASON)})\ndef test_${idPart(s.ref)}_pending():\n    ${docstring(title(s))}\n${comments(s, '    ', '#').join('\n')}\n`,
    footer: () => '',
  },
  unittest: {
    header: (p, spec) => `# ${NOTE(spec)}\n# ${HOW}\nimport unittest\n\n\nclass ${p.className}(unittest.TestCase):\n`,
    stub: (s) =>
      `\n    @unittest.skip(${quote(REASON)})\n    def test_${idPart(s.ref)}_pending(self):\n        ${docstring(title(s))}\n${comments(s, '        ', '#').join('\n')}\n`,
    footer: () => '',
  },
  go: {
    header: (p, spec) => `// ${NOTE(spec)}\n// ${HOW}\npackage ${p.packageName ?? 'main'}\n\nimport "testing"\n`,
    stub: (s) =>
      `\n// ${title(s).replace(/\s+/g, ' ')}\nfunc TestPending_${idPart(s.ref)}(t *testing.T) {\n\tt.Skip(${quote(REASON)})\n${comments(s, '\t', '//').join('\n')}\n}\n`,
    footer: () => '',
  },
  junit5: {
    header: (p, spec) =>
      `${p.packageName ? `package ${p.packageName};\n\n` : ''}import org.junit.jupiter.api.Disabled;\nimport org.junit.jupiter.api.DisplayName;\nimport org.junit.jupiter.api.Test;\n\n// ${NOTE(spec)}\n// ${HOW}\nclass ${p.className} {\n`,
    stub: (s) =>
      `\n    @Test\n    @Disabled(${quote(REASON)})\n    @DisplayName(${quote(title(s))})\n    void pending_${idPart(s.ref)}() {\n${comments(s, '        ', '//').join('\n')}\n    }\n`,
    footer: () => '}\n',
  },
};

/** A new stub file. */
export function renderFile(framework: FrameworkName, p: Placement, spec: string, stubs: readonly Stub[]): string {
  const r = RENDERERS[framework];
  return r.header(p, spec) + stubs.map((s) => r.stub(s, p)).join('') + r.footer(p);
}

/** Stubs to add to a stub file that exists, and the offset they go at: its end, or before a Java class's closing brace. */
export function renderAppend(framework: FrameworkName, p: Placement, existing: string, stubs: readonly Stub[]): { offset: number; text: string } {
  const text = stubs.map((s) => RENDERERS[framework].stub(s, p)).join('');
  if (framework === 'junit5') {
    const close = existing.lastIndexOf('}');
    if (close >= 0) return { offset: close, text };
  }
  return { offset: existing.length, text: existing.endsWith('\n') || !existing ? text : `\n${text}` };
}
