// @spec specthread-core#16.2, specthread-core#16.3
import { ReadingLevel, SpecFileFacts } from '../model';
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
 * True when the file was read with confidence: a file whose role is rated must be `high`; a file
 * that is not rated (design, plan, checklist …) holds only citations, which are read line by line.
 */
export function understood(file: SpecFileFacts | undefined): boolean {
  return !!file && (!file.reading || file.reading.level === 'high');
}
