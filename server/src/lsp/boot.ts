// @spec specthread-core#21.4
import * as path from 'path';
import { codeCacheDir, runCached } from '../host/v8CodeCache';

// After each full collection V8 lets the old generation grow to a multiple of what survived
// (about twice as much for this server) before it collects again. An edit of a large spec file
// leaves its previous parse behind in the old generation, so at L 200 edits of a 1,000-criterion
// requirements.md raised the server's RSS from ~400 MB to ~700 MB of garbage without one full
// collection. Growing by half of what survived bounds that at ~450-470 MB for about the same CPU
// time per edit (the bench's server measure, measured per run). The flag is read at every
// collection, so setting it before the server's bundle runs (runCached, below) takes effect. This holds for
// start-up indexing; once start-up is done, afterStartup.ts collects and tightens it further.
const HEAP_GROWING_PERCENT = '--heap-growing-percent=50';

// During start-up indexing nearly every object a parser allocates survives, so V8 learns to
// allocate the objects of those allocation sites (criteria, spec models) directly in the old
// generation ("pretenuring"). After indexing the same sites build each edit's parse of the edited
// file, which lives for one edit only: pretenured, every edit left ~1.4 MB of dead parse in the
// old generation (1,000-criterion requirements.md at L, allocation sampling of what survives the
// young generation); without pretenuring ~0.35 MB. The decision is taken per site during
// collections and never revised, so it must be turned off before the bundle allocates anything;
// start-up indexing showed no measurable CPU cost (the young generation collects its garbage).
const NO_PRETENURING = '--no-allocation-site-pretenuring';

// dist/server.js, what every client starts (`node dist/server.js --stdio`, VS Code's module, the
// CLI's `lsp`): runs the language server's bundle, dist/serverMain.js, through V8's code cache
// (host/v8CodeCache.ts), so that loading it does not delay an opened file's first diagnostics. The
// flags are set before it is compiled, and again before its code is cached at exit.
runCached(path.join(__dirname, 'serverMain.js'), codeCacheDir(), 'server', [HEAP_GROWING_PERCENT, NO_PRETENURING]);
