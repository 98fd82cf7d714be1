// @spec specthread-core#21.2
// Makes the trace scanner throw on a text that holds SCANNER-FAULT, wherever it runs (the test's
// thread or the code-reading thread): scanCodeFile first asks whether the text includes '@spec',
// and only this test's file makes that question throw. A fault of the scanner itself cannot be
// provoked by any text (it would be a bug to fix), so the tests of fault handling make one.
const includes = String.prototype.includes;

function install() {
  String.prototype.includes = function (search, position) {
    if (search === '@spec' && includes.call(this, 'SCANNER-FAULT')) throw new RangeError('the scanner broke on purpose');
    return includes.call(this, search, position);
  };
}

function uninstall() {
  String.prototype.includes = includes;
}

module.exports = { install, uninstall };
