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
  // What mocha.loadFiles() does for a file on disk, done for each module bundled in (esbuild
  // needs the require() calls spelled out).
  const files = { 'specthread.test.js': () => require('./specthread.test.js'), 'views.test.js': () => require('./views.test.js') };
  for (const [file, load] of Object.entries(files)) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', load(), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} in-editor test(s) failed`)) : resolve()));
  });
}

module.exports = { run };
