// @spec specthread-core#21.2
import { TraceRole } from '../trace/model';
import { IndexedRead } from './codeIndex';

/**
 * A listing sorted out in one pass: the spec files the engine tracks, and the code files it scans
 * with the role each is scanned as (undefined for the pin store). Each question is asked once per
 * path; a listing of 100,000 files asked them again for each list it was filtered into.
 */
export interface SortedListing {
  readonly tracked: readonly string[];
  readonly traceable: readonly string[];
  readonly roles: readonly (TraceRole | undefined)[];
}

/** Code files being read for an index run: the listing, the traceable paths in batches, and each batch's read (started at most once). */
export interface CodeReads {
  readonly listed: readonly string[];
  readonly batches: readonly (readonly string[])[];
  readonly read: (batch: number) => Promise<readonly IndexedRead[]>;
}

/** What ListingSlices needs of the indexer. */
export interface SliceReader {
  /** Sorts out some paths of the listing (sorting out a path depends on that path alone). */
  sort(paths: readonly string[]): SortedListing;
  /** Whether the host reads this many code files off the engine's thread (Workspace.readsCodeInBackground). */
  inBackground(count: number): boolean;
  /** Starts reading one batch; `total` is how many code files are read in all, as far as known. */
  read(paths: readonly string[], total: number, roles: readonly (TraceRole | undefined)[]): Promise<readonly IndexedRead[]>;
}

/**
 * A listing sorted out, and its code files asked for all at once when the host reads enough of
 * them on another thread (Workspace.readsCodeInBackground), a batch of `size` at a time, so that
 * the reads overlap the parse of the specs. A host that lists in slices (Workspace.listFiles) has
 * each slice sorted out as it comes, and the reads asked for as soon as the code files found so
 * far are enough, while the walk goes on (at 100,000 code files the other core idled through it).
 * The batches are cut exactly where the whole listing cuts them, so the reads, and what the engine
 * makes of them, are the same whether slices came or not; only the other core starts sooner.
 */
export class ListingSlices {
  private readonly tracked: string[] = [];
  private readonly traceable: string[] = [];
  private readonly roles: (TraceRole | undefined)[] = [];
  private given = 0;
  private readonly batches: string[][] = [];
  private readonly started: Promise<readonly IndexedRead[]>[] = [];
  private reading = false;

  constructor(
    private readonly reader: SliceReader,
    private readonly size: number,
  ) {}

  add(slice: readonly string[]): void {
    this.given += slice.length;
    this.append(this.reader.sort(slice));
    this.reading ||= this.reader.inBackground(this.given) && this.reader.inBackground(this.traceable.length);
    if (this.reading) this.startBatches(false);
  }

  /**
   * The whole listing sorted out (the slices and what came after them), and its code reads, all
   * asked for, when the host reads that many on another thread; undefined reads leave them to the
   * caller, to ask for a batch at a time.
   */
  finish(listed: readonly string[]): { readonly sorted: SortedListing; readonly reads?: CodeReads } {
    if (this.given < listed.length) this.add(listed.slice(this.given));
    const sorted: SortedListing = { tracked: this.tracked, traceable: this.traceable, roles: this.roles };
    if (!this.reading) return { sorted };
    this.startBatches(true);
    const started = this.started;
    return { sorted, reads: { listed, batches: this.batches, read: (b) => started[b]! } };
  }

  private append({ tracked, traceable, roles }: SortedListing): void {
    for (const path of tracked) this.tracked.push(path);
    for (let i = 0; i < traceable.length; i++) {
      this.traceable.push(traceable[i]!);
      this.roles.push(roles[i]);
    }
  }

  /** Asks for every whole batch not asked for yet, and with `last` for the rest too. */
  private startBatches(last: boolean): void {
    for (let from = this.batches.length * this.size; from < this.traceable.length; from += this.size) {
      const to = from + this.size;
      if (to > this.traceable.length && !last) return;
      const paths = this.traceable.slice(from, to);
      const reading = this.reader.read(paths, this.traceable.length, this.roles.slice(from, to));
      // Handled where it is awaited; marked here so that a cancellation in between is no unhandled rejection.
      reading.catch(() => undefined);
      this.batches.push(paths);
      this.started.push(reading);
    }
  }
}
