// @spec specthread-core#13.2
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { normalizeName, slug } from '../../server/src/core/formats/openspec/parse/blocks';
import { describeCorpus } from '../helpers/corpus';
import { markdownFiles } from '../helpers/markdownCases';

/** slug as the regular expressions define it: the reading the one-pass ASCII form must equal. */
function bySpec(name: string): string {
  return (
    normalizeName(name)
      .toLowerCase()
      .replace(/[`*_]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'requirement'
  );
}

describe('OpenSpec slugs', () => {
  it('equal the regular-expression reading for generated names over every ASCII character', () => {
    let x = 3;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 20000; i++) {
      let name = '';
      const length = next() % 24;
      // Mostly letters, digits, blanks and the dropped marks, with any ASCII character (controls included) mixed in.
      for (let j = 0; j < length; j++) name += next() % 3 ? 'aZ9 -_*`#.:'[next() % 11] : String.fromCharCode(next() % 128);
      assert.strictEqual(slug(name), bySpec(name), JSON.stringify(name));
    }
  });

  it('equal it for names outside ASCII', () => {
    for (const name of ['Café Über', 'Gestión de usuarios', '用户 登录', 'Ünïcødé ### ', '___', '', '  ', '-a-', '**Bold** `code` name'])
      assert.strictEqual(slug(name), bySpec(name), name);
  });

  // @spec specthread-core#21.2
  it('equal it for every code unit outside ASCII, alone, between letters and among marks', () => {
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const name of [ch, `a${ch}b`, `Verb ${ch}${ch} Noun`, `_${ch}\`x${ch}*`, `İ${ch}Σ`])
        assert.strictEqual(slug(name), bySpec(name), `U+${c.toString(16)} in ${JSON.stringify(name)}`);
    }
  });

  // @spec specthread-core#21.2
  it('equal it for names mixing the characters names are written in', () => {
    for (const name of [
      'Verb–Noun CLI Command Structure',
      'No Pointer, No Root — Nothing Changed',
      '选课（自动）流程 ✅',
      'Ação – Configuração',
      '① Étape → ② Schritt',
      'ＡＢＣ１２３：テスト',
      '한국어 요구사항',
    ])
      assert.strictEqual(slug(name), bySpec(name), name);
  });
});

describeCorpus('OpenSpec slugs on the corpus', (corpus) => {
  it('equal the regular-expression reading for every requirement and scenario header of the OpenSpec corpus', () => {
    let seen = 0;
    for (const file of markdownFiles(path.join(corpus, 'openspec')))
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        const m = /^#{3,4}\s*(?:Requirement|Scenario):(.+)$/i.exec(line);
        if (m) {
          seen++;
          assert.strictEqual(slug(m[1]!), bySpec(m[1]!), `${file}: ${line}`);
        }
      }
    assert.ok(seen > 1000, `${seen} headers`);
  });
});
