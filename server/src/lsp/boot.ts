// @spec specthread-core#21.4
import * as path from 'path';
import { codeCacheDir, runCached } from '../host/v8CodeCache';

// dist/server.js, what every client starts (`node dist/server.js --stdio`, VS Code's module, the
// CLI's `lsp`): runs the language server's bundle, dist/serverMain.js, through V8's code cache
// (host/v8CodeCache.ts), so that loading it does not delay an opened file's first diagnostics.
runCached(path.join(__dirname, 'serverMain.js'), codeCacheDir(), 'server');
