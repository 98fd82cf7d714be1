// @spec specthread-core#21.3
import type { SpecThreadSettings } from '../../../../shared/settings';
import { Baseline } from '../baseline/baseline';
import { FileNote } from '../fileNote';
import { Finding } from '../findings';
import { SpecLocation } from '../formats/location';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';

/**
 * The port of the warm cache's second half: a spec folder's own findings (its per-spec rules,
 * file notes and parse failures, suppressions and baseline applied) from an earlier run, which
 * the engine takes in place of running the per-spec rules again. At 2,000 specs those rules were
 * the largest part of a language server's warm start (about 3 s of 7.6 s of CPU), while the spec
 * models are built anyway for the cross-spec and trace analyses.
 *
 * Entries are keyed by content, not by stamps: `inputs` is everything the findings are computed
 * from (settings, baselines, and each file's path, place in the layout, read note and full text),
 * which the host hashes. So an entry can never be stale: a changed input is another key, and a
 * miss runs the rules as a cold engine would. Cross-spec and trace findings are not cached here;
 * they read other specs and code, and are computed afresh.
 */
export interface SpecResultCache {
  /** The own findings stored for this spec folder under these inputs, or undefined (run the rules). */
  ownFindings(specDir: string, inputs: string): readonly Finding[] | undefined;
  /** Records what the rules came to for this spec folder under these inputs. */
  putOwnFindings(specDir: string, inputs: string, findings: readonly Finding[]): void;
}

/** One read spec file, as its own findings see it. */
export interface SpecFileInput {
  readonly path: string;
  readonly location: SpecLocation;
  readonly text: string;
  readonly note: FileNote | undefined;
  /** The workspace declined the file (too large, binary): it is held empty, with its note. */
  readonly declined: boolean;
}

/**
 * What every spec's own findings share: the effective settings (rules, keywords, per-path
 * overrides; the repo config's rules are merged into them), the workspace folders the per-path
 * overrides are relative to, the formats, whether accepted findings are kept, and the baselines.
 */
export function sharedInputs(
  settings: SpecThreadSettings,
  roots: readonly string[],
  formats: readonly SpecFormatPlugin[],
  keepAccepted: boolean,
  baselines: readonly Baseline[],
): string {
  const accepted = baselines.map((b) => [b.root, [...b.counts]]);
  return JSON.stringify({ settings, roots, formats: formats.map((f) => f.id), keepAccepted, baselines: accepted });
}

/** The inputs of one spec folder's own findings: the shared part, then each file in order. */
export function specInputs(shared: string, specDir: string, files: readonly SpecFileInput[]): string {
  const parts = [shared, specDir];
  for (const f of files) parts.push(JSON.stringify([f.path, f.location, f.note ?? null, f.declined, f.text.length]), f.text);
  return parts.join('\u0000');
}
