// @spec specthread-core#6.1, specthread-core#15.2
import { CancellationToken } from '../cancellation';
import type { RuleContext } from './ruleContext';
import { Fix, RelatedLocation, Severity } from '../findings';
import { SpecModel } from '../index/specModel';
import { SpecFormat } from '../model';
import { Range } from '../text/range';

/**
 * What the rule reference (docs/rules.md) and the settings say about a rule. Every rule has this
 * one shape, whichever scope it checks (a spec, the workspace, the thread into code, or the
 * engine's own notes), and is listed once in checks/registry.ts.
 */
export interface RuleMeta {
  /** Stable code in a family: `link.unknown-ref`. Never renamed once shipped; the family is the part before the dot. */
  readonly code: string;
  /** `off` for rules a team opts into. */
  readonly defaultSeverity: Severity | 'off';
  /** One line, shown in the rule reference's table. */
  readonly summary: string;
  /** One paragraph: what the rule finds and why it matters. */
  readonly description: string;
  /** A short example that the rule flags, and its corrected form. */
  readonly bad: string;
  readonly good: string;
  /** True when the rule's findings carry a quick fix of their own (beyond the suppression comment every finding gets). */
  readonly fixable?: boolean;
}

/** The family of a rule code (`link` for `link.unknown-ref`): settings may name either. */
export function ruleFamily(code: string): string {
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
}

export interface ReportedProblem {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
}

/**
 * A check over one spec folder. Rules only read the model and report; they never do I/O.
 * `context` carries the rule's configured term list and options.
 */
export interface SpecRule {
  readonly meta: RuleMeta;
  /** The formats the rule applies to; every format when absent. */
  readonly formats?: readonly SpecFormat[];
  /**
   * True for rules whose findings relate two files (a citation and what it cites, a requirement and
   * the tasks that should reach it). The runner runs them only when every rated file of the spec was
   * read with confidence (index/reading.ts): between a file read well and one half read, a finding
   * is more likely the reader's mistake than the author's.
   */
  readonly crossFile?: boolean;
  check(spec: SpecModel, report: (problem: ReportedProblem) => void, token: CancellationToken, context: RuleContext): void;
}
