// @spec specthread-core#14.1, specthread-core#2.4
import { RuleMeta } from './rule';

/**
 * Reported by the engine itself, not by a rule, when a parser, a rule or another step of the
 * analysis throws. It replaces `parse.failed`, which covered parsers only and was an info.
 */
export const INTERNAL_ERROR: RuleMeta = {
  code: 'internal.error',
  defaultSeverity: 'error',
  summary: 'SpecThread failed inside one parser or rule; its results for this file or spec are missing.',
  description:
    'A bug in SpecThread, never a problem in the spec itself: one parser, rule or trace step threw on this input. ' +
    'Only that step is lost; every other file and rule is still checked and reported. The finding names the step and ' +
    'the error; the stack goes to the output channel (editor) or stderr (CLI), and `specthread check` exits 2 after ' +
    'the full report. It is always an error and cannot be turned off, suppressed or accepted into a baseline, because ' +
    'a missing result must never look like a clean one. Please report it with the file attached.',
  bad: '(a requirements.md on which a rule throws)',
  good: '(any spec SpecThread can check)',
};
