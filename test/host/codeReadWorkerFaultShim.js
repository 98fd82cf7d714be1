// @spec specthread-core#21.2
// The code-reading thread's entry for the fault tests: its scanner throws on texts that hold
// SCANNER-FAULT (see scannerFault.js), then the thread runs as codeReadWorkerShim.js runs it.
require('./scannerFault.js').install();
require('./codeReadWorkerShim.js');
