// @spec specthread-core#16.5
import { createHash } from 'crypto';
import { CorpusFinding } from './run';

/** Changing the seed draws a new sample; labels of the old one stay valid, they just stop being the sample. */
export const SAMPLE_SEED = 'specthread-warnings-1';
export const SAMPLE_PER_REPO = 20;

/**
 * A deterministic sample of up to `size` warnings of one repository: ordered by a hash of the
 * seed and the finding's identity (repository, file, line, code), the first ones taken. The
 * identity does not depend on other findings, so a finding stays in the sample while readers
 * change elsewhere, unless a finding with a smaller hash appears.
 */
export function sampleWarnings(findings: readonly CorpusFinding[], size = SAMPLE_PER_REPO, seed = SAMPLE_SEED): CorpusFinding[] {
  const hash = (f: CorpusFinding) => createHash('sha256').update(`${seed}\t${f.repo}\t${f.file}\t${f.line}\t${f.code}`).digest('hex');
  return findings
    .filter((f) => f.severity === 'warning')
    .map((f) => ({ f, h: hash(f) }))
    .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
    .slice(0, size)
    .map((x) => x.f);
}
