// @spec specthread-core#7.1 @spec specthread-core#7.2
import * as assert from 'assert';
import { analyzeEars } from '../../server/src/core/requirements/ears';
import { toPlainMap } from '../../server/src/core/requirements/plainMap';
import { findTerms } from '../../server/src/core/requirements/terms';

/** The EARS classifier and the text helpers the requirement rules stand on. */
describe('EARS classification', () => {
  const cases: [string, string, string | undefined][] = [
    ['THE Auth_Service SHALL hash passwords', 'ubiquitous', 'Auth_Service'],
    ['WHEN a user signs in, THE Auth_Service SHALL create a session', 'event', 'Auth_Service'],
    ['WHEN a user signs in THEN the auth service SHALL create a session', 'event', 'auth service'],
    ['When the user saves, the app shall store the draft', 'event', 'app'],
    ['WHILE offline, THE Player SHALL use cached files', 'state', 'Player'],
    ['IF the token expired, THEN THE Api SHALL answer 401', 'unwanted', 'Api'],
    ['WHERE dark mode is enabled, THE Ui SHALL use the dark palette', 'optional', 'Ui'],
    ['WHERE sync is on, WHILE online, WHEN a note changes, THE Sync SHALL upload it', 'complex', 'Sync'],
    ['WHEN a user logs in and the token, which expired, is refreshed, THE Api SHALL accept it', 'event', 'Api'],
    ['Users can export their data', 'unrecognised', undefined],
  ];
  for (const [text, pattern, system] of cases) {
    it(`${pattern}: ${text}`, () => {
      const shape = analyzeEars(text);
      assert.strictEqual(shape.pattern, pattern);
      assert.strictEqual(shape.system ? text.slice(shape.system.from, shape.system.to) : undefined, system);
    });
  }

  it('counts SHALLs and NOTs, and sees keywords after SHALL only in capitals', () => {
    const shape = analyzeEars('THE S SHALL NOT store it and SHALL log it when asked WHEN idle');
    assert.deepStrictEqual(
      shape.shalls.map((s) => !!s.not),
      [true, false],
    );
    assert.deepStrictEqual(
      shape.trailing.map((c) => c.keyword),
      ['WHEN'],
    );
  });

  it('maps readable text back to the raw Markdown', () => {
    const map = toPlainMap('**WHEN** a `x`\n   user saves, THE Auth_Service SHALL _store_ it <!-- specthread-disable-line -->');
    assert.strictEqual(map.text, 'WHEN a x user saves, THE Auth_Service SHALL store it');
    assert.strictEqual(map.offsets[0], 2);
    assert.deepStrictEqual(map.code, [{ from: 7, to: 8 }]);
  });

  it('matches terms as whole words, capital markers by case, longest first', () => {
    const found = findTerms('fast breakfast, fast-path, in a timely manner, the todo list, TODO', ['fast', 'timely', 'in a timely manner', 'TODO']);
    assert.deepStrictEqual(
      found.map((m) => m.text),
      ['fast', 'in a timely manner', 'TODO'],
    );
  });
});

/** Criteria in other languages, paraphrased from the corpus (issue 10): read with their own keywords, or not judged. */
describe('EARS in other languages', () => {
  const languageOf = (text: string) => analyzeEars(text).language.code;

  it('tells the language of a criterion from its script or its prose, not from English keywords', () => {
    assert.strictEqual(languageOf('WHEN a user signs in, THE Auth_Service SHALL create a session'), 'en');
    assert.strictEqual(languageOf('CUANDO el usuario inicie sesión ENTONCES el sistema DEBERÁ mostrar la página'), 'es');
    assert.strictEqual(languageOf('QUANDO o cliente for elegível, ENTÃO o sistema DEVE enviar o email'), 'pt');
    assert.strictEqual(languageOf('THE aplikasi SHALL menunggu minimal 10 mixer updates sebelum menampilkan model'), 'id');
    assert.strictEqual(languageOf('タスクが作成されたとき、システムはタスクに一意のIDを割り当てること'), 'ja');
    assert.strictEqual(languageOf('action path が single spec である場合、batch workflows は `brief.md` を生成する'), 'ja');
    assert.strictEqual(languageOf('WHEN 用户保存配置 THEN 系统 SHALL 加密存储密码'), 'zh');
    // Two Han characters in an English sentence (a quoted label) do not make it Chinese.
    assert.strictEqual(languageOf('THE Ui SHALL show the label "设置" in the menu'), 'en');
  });

  it('reads the EARS roles of Spanish and Portuguese keywords', () => {
    const es = analyzeEars('MIENTRAS la cita esté activa, CUANDO el cliente cancele, ENTONCES el sistema DEBERÁ liberar el horario');
    assert.strictEqual(es.pattern, 'complex');
    assert.deepStrictEqual(
      es.clauses.map((c) => c.keyword),
      ['WHILE', 'WHEN'],
    );
    assert.strictEqual(es.shalls.length, 1);
    const pt = analyzeEars('SE o envio falhar, ENTÃO o sistema NÃO DEVE marcar o lembrete e DEVE registrar o erro');
    assert.strictEqual(pt.pattern, 'unwanted');
    assert.strictEqual(pt.shalls.length, 2);
    assert.strictEqual(pt.thens.length, 1);
  });

  it('finds upper-case DEVE in a criterion too short to tell its language', () => {
    assert.strictEqual(analyzeEars('A auditoria DEVE estar acessível apenas a `ADMIN`.').shalls.length, 1);
  });

  it('does not take a WHEN that opens a new sentence for a condition after SHALL', () => {
    const shape = analyzeEars('WHEN x is positive, THE Engine SHALL raise it. WHEN x is negative, THE Engine SHALL lower it');
    assert.deepStrictEqual(shape.trailing, []);
    assert.strictEqual(analyzeEars('THE Engine SHALL lower it WHEN x is negative').trailing.length, 1);
  });
});
