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
