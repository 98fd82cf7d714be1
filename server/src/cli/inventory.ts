// @spec specthread-core#13.6
import { NEVER_CANCELLED } from '../core/cancellation';
import { inventory } from '../core/inventory';
import { InventoryOptions } from './args';
import { CommandResult } from './commandResult';
import { formatterFor } from './formatters';
import { inventorySummaryLine } from './notes/summaries';
import { NO_SPECS, openWorkspace } from './openWorkspace';

/**
 * `specthread inventory`: one line (or JSON object) per spec with its format and counts, so
 * users and tests can see what was understood.
 */
export async function runInventory(options: InventoryOptions, cwd: string): Promise<CommandResult> {
  const { engine, under } = await openWorkspace(options.paths, [], cwd, false, {}, undefined, options.cache);
  const entries = inventory(
    engine.allSpecs().filter((s) => under(s.dir)),
    NEVER_CANCELLED,
  );
  const stdout = formatterFor('inventory', options.format)(entries, { cwd });
  return { exitCode: 0, stdout, stderr: entries.length ? inventorySummaryLine(entries) : NO_SPECS };
}
