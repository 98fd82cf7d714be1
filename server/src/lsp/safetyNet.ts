// @spec specthread-core#14.1
import { Connection } from 'vscode-languageserver/node';
import { describe } from './guard';

/**
 * The last safety net under the guarded handlers: a timer or stream callback could still throw.
 * Node ends the process on an uncaught exception or rejection; for an editor that means every
 * diagnostic vanishes because of one input, so the failure is logged and the server goes on.
 * Installed by startServer, so both `dist/server.js` and `specthread lsp` have it.
 */
export function installSafetyNet(connection: Connection): void {
  const survive = (kind: string, err: unknown): void => {
    const message = `SpecThread: ${kind} (the server keeps running): ${describe(err)}`;
    try {
      connection.console.error(message);
    } catch {
      // The connection itself may be what failed; stderr still reaches the client's log.
      process.stderr.write(message + '\n');
    }
  };
  process.on('uncaughtException', (err) => survive('uncaught exception', err));
  process.on('unhandledRejection', (reason) => survive('unhandled rejection', reason));
}
