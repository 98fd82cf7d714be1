import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { settleAfterStartup } from './afterStartup';
import { startServer } from './server';

/**
 * Entry point of the bundled server (`node dist/server.js --stdio`). The transport is chosen by
 * the command line (`--stdio`, `--node-ipc`, `--socket=N`), as every LSP client expects. The
 * process is the server's own, so it also tunes the process's heap once start-up is done.
 */
startServer(createConnection(ProposedFeatures.all), { afterStartup: settleAfterStartup });
