// @spec specthread-core#21.4
import * as path from 'path';
import { codeCacheDir, runCached } from '../host/v8CodeCache';

// V8 optimizes a function with TurboFan once it has run a budget of bytecode (67,584 bytes on
// Node 20). A CLI run is short: at the default budget a `check` of a few hundred spec files had
// hundreds of functions optimized that ran for a few milliseconds afterwards, and the compiles
// (on a second thread, but on this CPU) were about a third of the run's CPU time. Four times the
// budget leaves the hot loops optimized and most of the rest in baseline code: `check` of
// OpenSpec's own repository (600 files) went from ~260 to ~170 ms of CPU time (wall time from
// ~270 to ~170 ms on a busy 2-core machine), and the 2,001-spec bench tree at L from ~4.9 to
// ~4.7 s of CPU, its peak RSS slightly lower. Set before the bundle is compiled, so the code
// cache is written and read with the same flags (V8 rejects a cache made under other flags).
// Every command gets it, the long-running `lsp` and `mcp` too: their hot code is optimized a
// little later, and one set of flags keeps them from rejecting the cache `check` wrote.
// Only V8 11 (Node 20) has this flag: V8 12 and later (Node 22, 24) tier up by invocation counts
// and print "unrecognized flag" to stderr for it, and there the default already did as well (Node
// 24 on the same repository: 156 ms at the default, 160 ms at four times its TurboFan count).
const INTERRUPT_BUDGET_FLAG = Number(process.versions.v8.split('.')[0]) <= 11;

// The package's bin (dist/specthread.js): runs dist/cli.js, the whole CLI, through V8's code cache
// (host/v8CodeCache.ts says why and how).
runCached(path.join(__dirname, 'cli.js'), codeCacheDir(), 'cli', INTERRUPT_BUDGET_FLAG ? ['--interrupt-budget=270336'] : []);
