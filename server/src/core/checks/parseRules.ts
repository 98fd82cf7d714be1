// @spec specthread-core#2.4
import { RuleMeta } from './rule';

/** Reported by the engine itself, not by a spec rule, when a file cannot be parsed at all. */
export const PARSE_FAILED: RuleMeta = {
  code: 'parse.failed',
  defaultSeverity: 'info',
  summary: 'A spec file could not be read; it is skipped.',
  description:
    'SpecThread is tolerant of drift from the templates, so this only appears on a parser bug or a file that is ' +
    'not text. The rest of the workspace is still analysed. Please report the file.',
  bad: '(a requirements.md that makes the parser fail)',
  good: '(any Markdown file)',
};
