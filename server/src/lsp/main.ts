import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

/**
 * Entry point of the bundled server (`node dist/server.js --stdio`). The transport is chosen by
 * the command line (`--stdio`, `--node-ipc`, `--socket=N`), as every LSP client expects.
 */
startServer(createConnection(ProposedFeatures.all));
