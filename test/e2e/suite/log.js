'use strict';
// Output of the in-editor suite. In code-server, the extension host's console reaches the harness
// mixed with the workbench's own chatter; the prefix lets the harness pick out the suite's lines.
const util = require('util');

const PREFIX = '[e2e] ';

function log(...args) {
  console.log(
    util
      .format(...args)
      .split('\n')
      .map((line) => PREFIX + line)
      .join('\n'),
  );
}

module.exports = { PREFIX, log };
