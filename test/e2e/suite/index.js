'use strict';
// extensionTestsPath entry: VS Code calls run() inside the extension host and exits with 0 when
// the promise resolves, 1 when it rejects. test/e2e/lib/bundle-suite.js bundles this file with
// mocha and the tests into one CommonJS file, because mocha 12 is ES modules and an extension
// host's Node may not be able to require() them.
const MochaModule = require('mocha');
const { log } = require('./log');

const Mocha = MochaModule.default || MochaModule;

function run() {
  // The spec reporter prints through Base.consoleLog; route it through the suite's prefix.
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false });
  load(mocha, 'specthread.test.js', () => require('./specthread.test.js'));
  // The views read the fixture's specs as they are; the palette tests then add and remove a spec.
  load(mocha, 'views.test.js', () => require('./views.test.js'));
  load(mocha, 'actions.test.js', () => require('./actions.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} in-editor test(s) failed`)) : resolve()));
  });
}

/** What mocha.loadFiles() does for a file on disk, done for a module bundled in (esbuild needs literal requires). */
function load(mocha, file, requireIt) {
  mocha.suite.emit('pre-require', globalThis, file, mocha);
  mocha.suite.emit('require', requireIt(), file, mocha);
  mocha.suite.emit('post-require', globalThis, file, mocha);
}

module.exports = { run };
