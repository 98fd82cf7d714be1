// @spec specthread-core#5.3, specthread-core#21.4
import { USAGE, UsageError, helpText, parseArgs } from './args';
import { runCheck } from './check';
import { writeStdio } from './stdio';

// Every command but `check` is loaded when it runs, so `check` (the one CI runs on every push)
// neither parses nor starts up the language server, the MCP SDK, tree-sitter or Spec Studio. The
// language server and the MCP server are bundles of their own (dist/server.js, dist/mcp.js; see
// esbuild.js), the other commands are evaluated on first use.

declare const SPECTHREAD_VERSION: string;

/** The `specthread` command. Exit codes: 0 clean, 1 findings at or above --fail-on (or more warnings than --max-warnings), 2 usage error or tool failure. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      writeStdio(2, `specthread: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  switch (args.command) {
    case 'help':
      writeStdio(1, helpText(args.topic) + '\n');
      return 0;
    case 'version':
      writeStdio(1, `${typeof SPECTHREAD_VERSION === 'string' ? SPECTHREAD_VERSION : 'dev'}\n`);
      return 0;
    case 'lsp':
      // The connection reads --stdio / --node-ipc / --socket from process.argv itself; without
      // one of them it would throw, and stdio is what every editor's configuration expects.
      if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a))) process.argv.push('--stdio');
      // The server's entry point starts it on load, as `node dist/server.js --stdio` does.
      await import('../lsp/main.js');
      return -1;
    case 'mcp':
      try {
        const { runMcp } = await import('../mcp/server.js');
        await runMcp(args.path, args.allowWrites, process.cwd());
      } catch (err) {
        if (err instanceof UsageError) {
          writeStdio(2, `specthread: ${err.message}\n`);
          return 2;
        }
        throw err;
      }
      // The transport keeps the process alive until stdin closes.
      return -1;
    case 'check':
    case 'coverage':
    case 'inventory':
    case 'test-stubs':
    case 'draft':
    case 'init': {
      const run =
        args.command === 'check'
          ? runCheck(args, process.cwd())
          : args.command === 'coverage'
            ? import('./coverage.js').then((m) => m.runCoverage(args, process.cwd()))
            : args.command === 'init'
              ? import('./init.js').then((m) => m.runInit(args, process.cwd()))
              : args.command === 'test-stubs'
                ? import('./testStubs.js').then((m) => m.runTestStubs(args, process.cwd()))
                : args.command === 'draft'
                  ? import('./draft.js').then((m) => m.runDraft(args, process.cwd()))
                  : import('./inventory.js').then((m) => m.runInventory(args, process.cwd()));
      const result = await run.catch((err) => {
        if (err instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `specthread: ${err.message}` };
        throw err;
      });
      if (result.stdout) writeStdio(1, result.stdout + '\n');
      if (result.stderr) writeStdio(2, result.stderr + '\n');
      return result.exitCode;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err) => {
    writeStdio(2, `specthread: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
