// @spec specthread-core#21.4
import * as v8 from 'v8';
import * as vm from 'vm';

/**
 * Start-up leaves the heap full of garbage the server will not make again: the walk, the code
 * reads, the first publish of every file and the warm cache's JSON. It sits in the old generation
 * until V8's next full collection, which by its own schedule comes only when the heap has grown
 * by half again (boot.ts), so at L the server kept ~75-100 MB of it through the first hundreds of
 * edits. Once start-up is done, this collects it in one full collection and lets the old
 * generation grow by a fifth, not a half, from then on: what edits leave behind is then
 * collected by V8's incremental collections in small steps, and the resident size stays near
 * the indexed heap. The collection is a single pause of a few hundred milliseconds at L, taken
 * once, when indexing has just ended.
 */
export function settleAfterStartup(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT_AFTER_STARTUP}`);
  fullCollection()?.();
}

/** How much the old generation may grow over what survived a full collection, once start-up is done. */
const GROWING_PERCENT_AFTER_STARTUP = 20;

/**
 * V8's full collection, without starting node with --expose-gc: a context created while the
 * flag is set gets the `gc` function; the flag is cleared again so no later context has one.
 * Undefined when the runtime does not offer it (the server then just keeps V8's schedule).
 */
export function fullCollection(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : undefined;
  } catch {
    return undefined;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}
