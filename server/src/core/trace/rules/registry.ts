import { criterionNotImplemented, criterionNotVerified } from './criterionCoverage';
import { suspectTag } from './suspectTag';
import { tagUnknownRef } from './tagUnknownRef';
import { taskDoneWithoutCode, taskMissingFile } from './taskFileRules';
import { TraceRule } from './traceRule';

/**
 * Rules over the thread into code and tests. `link.unknown-ref` shares the spec rule's metadata,
 * so the rule reference lists only the codes that are new here (see traceRuleMetas).
 */
export const TRACE_RULES: readonly TraceRule[] = [
  tagUnknownRef,
  suspectTag,
  criterionNotImplemented,
  criterionNotVerified,
  taskDoneWithoutCode,
  taskMissingFile,
];
