// The statement thread's entry for tests: the TypeScript source through tsx, since tests run
// without a build (dist/statementWorker.js is the bundled entry).
require('tsx/cjs');
require('../../server/src/host/statementWorker.ts');
