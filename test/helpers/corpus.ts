// @spec specthread-core#14.8
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from './fixtures';

/**
 * Access to the shared corpus of real spec repositories (`../shared/corpus` beside the checkout)
 * and to the checked-in list of its known gaps.
 *
 * The corpus is not part of this repository: CI provides it beside the clone. Without it the
 * corpus suites cannot run; they then say so (`SKIPPED: <reason>`) instead of passing silently,
 * and fail when `SPECTHREAD_CORPUS_REQUIRED=1` (set by `.ci/run`), so that CI never loses them.
 */
export const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');
const KNOWN_GAPS_FILE = path.join(REPO, 'test', 'corpus', 'known-gaps.json');

/** True when the corpus suites must run; a missing corpus is then a failure, not a skip. */
export function corpusRequired(): boolean {
  return process.env.SPECTHREAD_CORPUS_REQUIRED === '1';
}

/**
 * Registers `body` as a mocha suite when the corpus exists. Otherwise prints why the suite did
 * not run and registers one test that fails when the corpus is required, or is pending (and
 * visible as such in mocha's output) when it is not.
 */
export function describeCorpus(title: string, body: (corpus: string) => void): void {
  describe(title, function () {
    if (fs.existsSync(CORPUS)) {
      body(CORPUS);
      return;
    }
    const reason = `the shared corpus is missing at ${CORPUS} (CI places ../shared beside the checkout)`;
    if (corpusRequired()) {
      it('the shared corpus is present (SPECTHREAD_CORPUS_REQUIRED=1)', () => assert.fail(reason));
    } else {
      console.log(`      SKIPPED: ${title}: ${reason}`);
      it.skip(`SKIPPED: ${reason}`);
    }
  });
}

/**
 * What the readers do not handle yet, per corpus repository (`<format>/<owner__repo>`) and per
 * kind of gap. The corpus tests compare what they find with this list both ways: an unlisted gap
 * fails (a regression, or a new repository), and a listed gap that closed fails too, so the list
 * only ever shrinks with the work that closes it.
 */
/**
 * Per repository: the folders of each gap kind, and `reasons` (folder → why nothing could read it).
 * Every listed folder needs a reason: a gap is a stated limit, never a silent one.
 */
export type KnownGaps = Record<string, Record<string, readonly string[]> & { reasons?: Record<string, string> }>;

export function knownGaps(): KnownGaps {
  return JSON.parse(fs.readFileSync(KNOWN_GAPS_FILE, 'utf8')) as KnownGaps;
}

/**
 * Asserts that the gaps found for one repository and kind are exactly the listed ones. With
 * `SPECTHREAD_UPDATE_KNOWN_GAPS=1` it rewrites the list instead (review the diff before committing).
 */
export function assertKnownGaps(gaps: KnownGaps, repo: string, kind: string, found: readonly string[]): void {
  const listed = [...(gaps[repo]?.[kind] ?? [])].sort();
  const actual = [...new Set(found)].sort();
  if (process.env.SPECTHREAD_UPDATE_KNOWN_GAPS === '1') {
    const onDisk = knownGaps();
    const entry = { ...(onDisk[repo] ?? {}) };
    if (actual.length) entry[kind] = actual;
    else delete entry[kind];
    if (Object.keys(entry).length) onDisk[repo] = entry;
    else delete onDisk[repo];
    const sorted = Object.fromEntries(
      Object.keys(onDisk)
        .sort()
        .map((k) => [k, onDisk[k]]),
    );
    fs.writeFileSync(KNOWN_GAPS_FILE, JSON.stringify(sorted, null, 2) + '\n');
    return;
  }
  const reasons = gaps[repo]?.reasons ?? {};
  const unexplained = listed.filter((g) => !reasons[g]?.trim());
  assert.deepStrictEqual(unexplained, [], `${repo}: known ${kind} gaps need a reason in test/corpus/known-gaps.json ("reasons": { folder: why })`);
  const closed = listed.filter((g) => !actual.includes(g));
  const unlisted = actual.filter((g) => !listed.includes(g));
  const advice: string[] = [];
  if (unlisted.length) advice.push(`new ${kind} gaps (fix the reader, or list them in test/corpus/known-gaps.json): ${JSON.stringify(unlisted, null, 2)}`);
  if (closed.length) advice.push(`${kind} gaps that closed (remove them from test/corpus/known-gaps.json): ${JSON.stringify(closed, null, 2)}`);
  assert.ok(advice.length === 0, `${repo}: ${advice.join('\n')}`);
}
