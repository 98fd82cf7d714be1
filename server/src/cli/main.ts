// @spec specthread-core#5.3
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { runMcp } from '../mcp/server';
import { USAGE, UsageError, helpText, parseArgs } from './args';
import { runCheck } from './check';
import { runCoverage } from './coverage';
import { runDraft } from './draft';
import { runInit } from './init';
import { runInventory } from './inventory';
import { runTestStubs } from './testStubs';

declare const SPECTHREAD_VERSION: string;

/** The `specthread` command. Exit codes: 0 clean, 1 findings at or above --fail-on (or more warnings than --max-warnings), 2 usage error or tool failure. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`specthread: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  switch (args.command) {
    case 'help':
      process.stdout.write(helpText(args.topic) + '\n');
      return 0;
    case 'version':
      process.stdout.write(`${typeof SPECTHREAD_VERSION === 'string' ? SPECTHREAD_VERSION : 'dev'}\n`);
      return 0;
    case 'lsp':
      // The connection reads --stdio / --node-ipc / --socket from process.argv itself; without
      // one of them it would throw, and stdio is what every editor's configuration expects.
      if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a))) process.argv.push('--stdio');
      startServer(createConnection(ProposedFeatures.all));
      return -1;
    case 'mcp':
      try {
        await runMcp(args.path, args.allowWrites, process.cwd());
      } catch (err) {
        if (err instanceof UsageError) {
          process.stderr.write(`specthread: ${err.message}\n`);
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
            ? runCoverage(args, process.cwd())
            : args.command === 'init'
              ? runInit(args, process.cwd())
              : args.command === 'test-stubs'
                ? runTestStubs(args, process.cwd())
                : args.command === 'draft'
                  ? runDraft(args, process.cwd())
                  : runInventory(args, process.cwd());
      const result = await run.catch((err) => {
        if (err instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `specthread: ${err.message}` };
        throw err;
      });
      if (result.stdout) process.stdout.write(result.stdout + '\n');
      if (result.stderr) process.stderr.write(result.stderr + '\n');
      return result.exitCode;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`specthread: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
