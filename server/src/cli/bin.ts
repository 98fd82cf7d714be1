// @spec specthread-core#21.4
import * as path from 'path';
import { codeCacheDir, runCached } from '../host/v8CodeCache';

// The package's bin (dist/specthread.js): runs dist/cli.js, the whole CLI, through V8's code cache
// (host/v8CodeCache.ts says why and how).
runCached(path.join(__dirname, 'cli.js'), codeCacheDir(), 'cli');
