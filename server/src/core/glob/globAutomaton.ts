// @spec specthread-core#14.3
import { CharTest, GlobNode, passes } from './globSyntax';

/**
 * Matches glob trees with a Thompson automaton: the set of states that can be reached is carried
 * along the path one character at a time, so a match costs O(path length × states) whatever the
 * pattern (`*a*a*a…x` and `*(@(a|a))x` included), where picomatch's backtracking regex took
 * exponential time. Sets already seen are remembered with their transitions (a lazily built DFA),
 * so matching thousands of similar paths costs little more than reading them.
 */

type State = { readonly kind: 'char'; readonly test: CharTest; out: number } | { readonly kind: 'split'; outs: number[] } | { readonly kind: 'match' };

/** More states than this and a pattern is refused as too complex (nested `+(…)` copies its body). */
export const MAX_STATES = 20000;
/** Remembered state sets per matcher; past this the memory is dropped and rebuilt as paths come. */
const MAX_CACHED_SETS = 4000;

export class TooComplexError extends Error {}

export class GlobAutomaton {
  private readonly states: State[] = [];
  private readonly start: number;
  private readonly matchState: number;
  /** Remembered sets, keyed by their sorted state ids, with their transitions by character code. */
  private cache = new Map<string, CachedSet>();
  private startSet: CachedSet | undefined;

  constructor(root: GlobNode) {
    this.matchState = this.add({ kind: 'match' });
    this.start = this.build(root, this.matchState);
  }

  test(path: string): boolean {
    return this.run(this.begin(), path).accepts;
  }

  /**
   * Where the automaton stands after reading `prefix`: a folder's path and its `/`, read once for
   * every file of the folder (see GlobMatcher.inFolder). `testFrom` goes on from there.
   */
  after(prefix: string): GlobState {
    return this.run(this.begin(), prefix);
  }

  /** Does the text read so far (see `after`) followed by `rest` match? */
  testFrom(state: GlobState, rest: string): boolean {
    return this.run(state as CachedSet, rest).accepts;
  }

  /** The start set, after dropping the remembered sets when they grew too many. */
  private begin(): CachedSet {
    if (this.cache.size > MAX_CACHED_SETS) {
      this.cache = new Map();
      this.startSet = undefined;
    }
    return (this.startSet ??= this.remember(this.closure([this.start])));
  }

  /**
   * Reads `text` from the set `from`. A set dropped from the memory stays valid: its states and
   * transitions are facts of the automaton, only no longer shared with sets remembered later.
   */
  private run(from: CachedSet, text: string): CachedSet {
    let current = from;
    for (let i = 0; i < text.length; i++) {
      if (current.dead) return current;
      const code = text.charCodeAt(i);
      let next = current.next.get(code);
      if (!next) {
        next = this.step(current, code);
        current.next.set(code, next);
      }
      current = next;
    }
    return current;
  }

  private add(state: State): number {
    if (this.states.length >= MAX_STATES) throw new TooComplexError(`it needs more than ${MAX_STATES} automaton states`);
    this.states.push(state);
    return this.states.length - 1;
  }

  /** Builds `node` so that a match continues at state `next`; returns the entry state. */
  private build(node: GlobNode, next: number): number {
    switch (node.t) {
      case 'char':
        return this.add({ kind: 'char', test: node.test, out: next });
      case 'seq': {
        let entry = next;
        for (let k = node.items.length - 1; k >= 0; k--) entry = this.build(node.items[k]!, entry);
        return entry;
      }
      case 'alt':
        return this.add({ kind: 'split', outs: node.options.map((o) => this.build(o, next)) });
      case 'rep': {
        if (!node.many) return this.add({ kind: 'split', outs: [this.build(node.node, next), next] });
        // A loop: the split either enters the body (which comes back to the split) or leaves.
        const loop = this.add({ kind: 'split', outs: [] });
        const body = this.build(node.node, loop);
        (this.states[loop] as { outs: number[] }).outs = [body, next];
        return node.min === 1 ? this.build(node.node, loop) : loop;
      }
    }
  }

  /** Every state reachable from `seeds` without reading a character. */
  private closure(seeds: readonly number[]): number[] {
    const seen = new Set<number>();
    const stack = [...seeds];
    const out: number[] = [];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      // State ids come from add(), so they index `states`.
      const state = this.states[s]!;
      if (state.kind === 'split') stack.push(...state.outs);
      else out.push(s);
    }
    return out.sort((a, b) => a - b);
  }

  private step(from: CachedSet, code: number): CachedSet {
    const targets: number[] = [];
    for (const s of from.states) {
      const state = this.states[s]!;
      if (state.kind === 'char' && passes(state.test, code)) targets.push(state.out);
    }
    return this.remember(this.closure(targets));
  }

  private remember(states: number[]): CachedSet {
    const key = states.join(',');
    let set = this.cache.get(key);
    if (!set) {
      set = { states, accepts: states.includes(this.matchState), dead: states.length === 0, next: new Map() };
      this.cache.set(key, set);
    }
    return set;
  }
}

/** A place in an automaton's reading (see GlobAutomaton.after); opaque to callers. */
export interface GlobState {
  readonly dead: boolean;
}

interface CachedSet extends GlobState {
  readonly states: readonly number[];
  readonly accepts: boolean;
  readonly next: Map<number, CachedSet>;
}
