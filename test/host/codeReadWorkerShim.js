// The code-reading thread's entry for tests: the TypeScript source through tsx, since tests run
// without a build (dist/codeReadWorker.js is the bundled entry).
require('tsx/cjs');
require('../../server/src/host/codeReadWorker.ts');
