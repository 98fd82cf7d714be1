// @spec specthread-core#16.2, specthread-core#16.3
import { ReadingExpectation, ReadingLevel, SpecFileFacts } from '../model';
import { SpecModel } from './specModel';

/**
 * Confidence questions over a spec's files, asked by the inventory and by the cross-file rules:
 * a finding that relates two files is only as certain as the less understood of them.
 */

const RANK: Record<ReadingLevel, number> = { none: 0, partial: 1, empty: 2, high: 3 };

/** The least understood rated file of the spec; an empty file does not lower it, and `n/a` means nothing was rated. */
export function specReading(spec: SpecModel): ReadingLevel | 'n/a' {
  let worst: ReadingLevel | undefined;
  for (const f of spec.fileList) {
    const level = f.reading?.level;
    if (!level || level === 'empty') continue;
    if (!worst || RANK[level] < RANK[worst]) worst = level;
  }
  return worst ?? 'n/a';
}

/**
 * True when every file of the spec whose role holds `what` (requirements, or tasks) was read with
 * confidence: only then does an id missing from them prove a citation wrong, or a requirement no
 * task reaches prove a gap. A file with nothing to read (a prose plan, a stub) proves nothing either.
 */
export function roleUnderstood(spec: SpecModel, what: ReadingExpectation): boolean {
  return spec.fileList.every((f) => f.reading?.expects !== what || f.reading.level === 'high');
}

/** True when the spec's ids were read with confidence, so a citation of an id it lacks is certainly broken. */
export function idsUnderstood(spec: SpecModel): boolean {
  return specReading(spec) === 'high';
}

/**
 * True when the file was read with confidence: a file whose role is rated must be `high` (or too
 * short to rate); a file that is not rated (design, plan, checklist …) holds only citations, which
 * are read line by line. A finding on no spec file at all is not this rule's business.
 */
export function fileUnderstood(file: SpecFileFacts | undefined): boolean {
  return !file?.reading || file.reading.level === 'high' || file.reading.level === 'empty';
}
