// @spec specthread-core#21.4
import { parentPort } from 'worker_threads';
import { precheckStatements } from '../core/checks/statementPrecheck';
import { RuleContext, compileRuleSettings } from '../core/config/ruleSettings';
import { StatementBatchDone, ToStatementThread, filesOf } from './statementProtocol';

/**
 * The statement thread (its own bundle, dist/statementWorker.js): checks each batch of
 * requirement statements with the statement rules, by the core's own code
 * (checks/statementPrecheck.ts), with a rule context compiled from the settings of the engine's
 * run, and sends back what each rule found. One run at a time: a batch of an earlier run is
 * answered with nothing, as the engine no longer wants it.
 */
function serve(): void {
  let run = -1;
  let codes: readonly string[] = [];
  let context: RuleContext | undefined;
  parentPort?.on('message', (message: ToStatementThread) => {
    if (message.type === 'begin') {
      run = message.run;
      codes = message.settings.codes;
      context = compileRuleSettings(message.settings.settings, message.settings.roots).context;
      return;
    }
    const results = message.run === run && context ? precheckStatements(filesOf(message.batch), codes, context) : [];
    parentPort!.postMessage({ run: message.run, id: message.id, results } satisfies StatementBatchDone);
  });
}

serve();
