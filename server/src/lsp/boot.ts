// @spec specthread-core#21.4
import * as path from 'path';
import * as v8 from 'v8';
import { codeCacheDir, runCached } from '../host/v8CodeCache';

// After each full collection V8 lets the old generation grow to a multiple of what survived
// (about twice as much for this server) before it collects again. An edit of a large spec file
// leaves its previous parse behind in the old generation, so at L 200 edits of a 1,000-criterion
// requirements.md raised the server's RSS from ~400 MB to ~700 MB of garbage without one full
// collection. Growing by half of what survived bounds that at ~450-470 MB for about the same CPU
// time per edit (the bench's server measure, measured per run). The flag is read at every
// collection, so setting it here, before the server's bundle runs, takes effect.
v8.setFlagsFromString('--heap-growing-percent=50');

// dist/server.js, what every client starts (`node dist/server.js --stdio`, VS Code's module, the
// CLI's `lsp`): runs the language server's bundle, dist/serverMain.js, through V8's code cache
// (host/v8CodeCache.ts), so that loading it does not delay an opened file's first diagnostics.
runCached(path.join(__dirname, 'serverMain.js'), codeCacheDir(), 'server');
