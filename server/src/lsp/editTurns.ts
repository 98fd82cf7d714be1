// @spec specthread-core#15.3, specthread-core#4.2
/**
 * When the writer applies pending edits. A turn runs once one turn of the event loop passes
 * without new activity: the JSON-RPC layer handles one queued message per turn, so a burst of
 * keystrokes already in the queue costs one parse. A request that waits for the edits counts as
 * activity too: editors send requests between keystrokes, and applying the edits early for one
 * of them would cut the burst into many turns, each parsing and publishing. Continuous typing
 * must not postpone feedback forever, so the wait is bounded.
 */
export class EditTurns {
  private scheduled = false;
  private activity = 0;
  private waiters: (() => void)[] = [];

  /** `run` applies the pending edits and publishes; it must not throw (the writer guards it). */
  constructor(private readonly run: () => void) {}

  /** Something arrived that the next turn should wait for; schedules a turn if none is. */
  poke(): void {
    this.activity++;
    if (this.scheduled) return;
    this.scheduled = true;
    this.hop(this.activity, 0);
  }

  /** Resolves once the next turn has run (scheduling one), for a request that needs the edits applied. */
  next(): Promise<void> {
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.poke();
    return done;
  }

  /** Runs the turn at once: after start-up indexing and after a document's spec folder was loaded. */
  runNow(): void {
    this.scheduled = false;
    const waiters = this.waiters;
    this.waiters = [];
    try {
      this.run();
    } finally {
      for (const resolve of waiters) resolve();
    }
  }

  private hop(seen: number, rounds: number): void {
    setImmediate(() => {
      if (!this.scheduled) return;
      // The first hop always waits one more turn, because the JSON-RPC layer may schedule the
      // next queued message after this callback.
      if ((rounds === 0 || this.activity !== seen) && rounds < MAX_HOPS) this.hop(this.activity, rounds + 1);
      else this.runNow();
    });
  }
}

/** At most this many turns of the event loop pass between an edit and its analysis. */
const MAX_HOPS = 20;
