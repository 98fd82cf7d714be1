// @spec specthread-core#8.1 @spec specthread-core#8.2 @spec specthread-core#8.3
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { syntaxFor } from '../../server/src/core/trace/languages';
import { TraceRole } from '../../server/src/core/trace/model';
import { pinOf } from '../../server/src/core/trace/pin';
import { scanCodeFile } from '../../server/src/core/trace/scanCodeFile';

/** `kind spec#id[@pin] line:col` for every tag found, one-based positions. */
function scan(path: string, text: string, role: TraceRole = 'source'): string[] {
  const facts = scanCodeFile(path, text, syntaxFor(path)!, role, NEVER_CANCELLED);
  return facts.tags.map((t) => `${t.kind} ${t.spec}#${t.id}${t.pin ? `@${t.pin}` : ''} ${t.range.start.line + 1}:${t.range.start.character + 1}`);
}

describe('trace tag scanning (comment lexer per language)', () => {
  it('finds tags in line and block comments of C-like languages, never in strings', () => {
    const ts = [
      '// @spec auth#1.2',
      'const s = "// @spec auth#9.9";',
      "const t = '/* @spec auth#9.8 */';",
      'const u = `multi',
      '  // @spec auth#9.7`;',
      '/* first line',
      ' * @spec auth#2.1, auth#2.2@3F9A0C and more */',
      'x(); // trailing @spec: auth#3',
    ].join('\n');
    assert.deepStrictEqual(scan('/ws/src/a.ts', ts), ['tag auth#1.2 1:10', 'tag auth#2.1 7:10', 'tag auth#2.2@3f9a0c 7:20', 'tag auth#3 8:25']);
  });

  it('covers Python, Go, Rust, Java, C#, Ruby, shell, SQL, YAML, Lua, HTML and Markdown comments', () => {
    assert.deepStrictEqual(scan('/ws/a.py', '# @spec s#1.1\nx = "# @spec s#9"\n"""@spec s#1.2"""\n'), ['tag s#1.1 1:9', 'tag s#1.2 3:10']);
    assert.deepStrictEqual(scan('/ws/a.go', '// @spec s#1.1\nvar r = `// @spec s#9`\n'), ['tag s#1.1 1:10']);
    assert.deepStrictEqual(scan('/ws/a.rs', "fn f<'a>(x: &'a str) -> char { '\"' } // @spec s#1.1\n"), ['tag s#1.1 1:47']);
    assert.deepStrictEqual(scan('/ws/A.java', '/** @spec s#1.1 */ class A { String s = "@spec s#9"; }'), ['tag s#1.1 1:11']);
    assert.deepStrictEqual(scan('/ws/A.cs', '// @spec s#2\n'), ['tag s#2 1:10']);
    assert.deepStrictEqual(scan('/ws/a.rb', "# @spec s#1.1\n=begin\n@spec s#1.2\n=end\nputs '# @spec s#9'\n"), ['tag s#1.1 1:9', 'tag s#1.2 3:7']);
    assert.deepStrictEqual(scan('/ws/a.sh', 'echo ${#x} "# @spec s#9" # @spec s#1.1\n'), ['tag s#1.1 1:34']);
    assert.deepStrictEqual(scan('/ws/a.sql', "-- @spec s#1.1\nSELECT '-- @spec s#9'; /* @spec s#1.2 */\n"), ['tag s#1.1 1:10', 'tag s#1.2 2:33']);
    assert.deepStrictEqual(scan('/ws/a.yaml', 'key: "# @spec s#9" # @spec s#1.1\nurl: a#b\n'), ['tag s#1.1 1:28']);
    assert.deepStrictEqual(scan('/ws/a.lua', '--[[ @spec s#1.1 ]]\n-- @spec s#1.2\n'), ['tag s#1.1 1:12', 'tag s#1.2 2:10']);
    assert.deepStrictEqual(scan('/ws/a.html', '<!-- @spec s#1.1 --><p>@spec s#9</p>'), ['tag s#1.1 1:12']);
  });

  it('ignores fenced examples and code spans in Markdown', () => {
    const md = [
      '<!-- @spec s#1.1 -->',
      '```html',
      '<!-- @spec s#9.1 -->',
      '```',
      'Write `<!-- @spec s#9.2 -->` in HTML.',
      '<!-- @spec s#1.2 -->',
      '~~~',
      '<!-- @spec s#9.3 -->',
      '~~~',
      'a ~ b <!-- @spec s#1.3 -->',
    ].join('\n');
    assert.deepStrictEqual(scan('/ws/docs/a.md', md), ['tag s#1.1 1:12', 'tag s#1.2 6:12', 'tag s#1.3 10:18']);
  });

  it('reads refs in test titles, docstrings and comments above tests, only in test files', () => {
    const js = [
      "describe('auth', () => {",
      "  it('auth#1.2 rejects expired tokens', () => {",
      "    expect(f('auth#9.9')).toBe(1);",
      '  });',
      '  test.only(',
      "    'auth#1.3 locks', () => {});",
      '});',
    ].join('\n');
    assert.deepStrictEqual(scan('/ws/a.test.ts', js, 'test'), ['title auth#1.2 2:7', 'title auth#1.3 6:6']);
    assert.deepStrictEqual(scan('/ws/a.ts', js, 'source'), []);
    const py = ['def test_expiry():', '    """auth#1.2: expired tokens are rejected"""', '    assert "auth#9.9"', ''].join('\n');
    assert.deepStrictEqual(scan('/ws/test_auth.py', py, 'test'), ['title auth#1.2 2:8']);
    const go = [
      '// TestExpiry checks auth#1.2.',
      '// More words.',
      'func TestExpiry(t *testing.T) {',
      '\tt.Run("auth#1.3 locks", func(t *testing.T) {})',
      '}',
    ].join('\n');
    assert.deepStrictEqual(scan('/ws/auth_test.go', go, 'test'), ['title auth#1.2 1:22', 'title auth#1.3 4:9']);
    const rs = ['// @spec auth#2', '#[test]', '/// auth#1.2 rejects', 'fn expiry() {}'].join('\n');
    assert.deepStrictEqual(scan('/ws/tests/auth.rs', rs, 'test'), ['tag auth#2 1:10']);
  });

  it('trims sentence punctuation and reads OpenSpec and spec-kit shaped refs', () => {
    assert.deepStrictEqual(scan('/ws/a.ts', '// see @spec auth#1.2. Also @spec 001-user-auth#FR-003 and @spec billing/export#user-can-export/happy-path'), [
      'tag auth#1.2 1:14',
      'tag 001-user-auth#FR-003 1:35',
      'tag billing/export#user-can-export/happy-path 1:66',
    ]);
  });

  it('pins hash the normalised text, stable across whitespace, case and emphasis', () => {
    assert.match(pinOf('THE system SHALL do it'), /^[0-9a-f]{6}$/);
    assert.strictEqual(pinOf('THE  **system** SHALL\n do it'), pinOf('the system shall do it'));
    assert.notStrictEqual(pinOf('the system shall do it'), pinOf('the system shall do that'));
    assert.strictEqual(pinOf('é ✓ 😀'), pinOf('É ✓ 😀'));
  });
});
