// @spec specthread-core#17.1
import { Finding, Severity } from '../../../core/findings';
import { position } from '../findingFacts';
import { relativePath } from '../paths';
import { CheckReport, Formatter } from '../types';

/** GitHub's annotation levels; it has no hint, and a notice is the quietest. */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub shows at most this many annotations of each level per step; the rest stay in the log only. */
export const GITHUB_ANNOTATIONS_PER_LEVEL = 10;

/** Annotations are read in a side panel: a longer message is cut (the full one is in the log and the other formats). */
const MAX_MESSAGE = 500;

/** A workflow command's message: `%`, CR and LF are escaped, everything else is literal. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as a message, plus `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(f: Finding, cwd: string): string {
  const p = position(f);
  const props = [`file=${escapeProperty(relativePath(f.path, cwd))}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`];
  // GitHub takes an end column only on a one-line annotation.
  if (p.endLine === p.line) props.push(`endColumn=${p.endColumn}`);
  props.push(`title=${escapeProperty(`SpecThread ${f.code}`)}`);
  const message = f.message.length > MAX_MESSAGE ? `${f.message.slice(0, MAX_MESSAGE - 1)}…` : f.message;
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(message)}`;
}

/**
 * GitHub Actions workflow commands: one annotation per finding, on the changed lines of a pull
 * request and in the run's summary. Every finding is printed; when a level has more than GitHub
 * shows per step, a closing line says so and points to the job summary.
 */
export const formatCheckGithub: Formatter<CheckReport> = ({ findings }, { cwd }) => {
  const out = findings.map((f) => annotation(f, cwd));
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[COMMAND[f.severity]]++;
  const over = Object.entries(counts).filter(([, n]) => n > GITHUB_ANNOTATIONS_PER_LEVEL);
  if (over.length) {
    const list = over.map(([level, n]) => `${n} ${level}s`).join(', ');
    out.push(
      `SpecThread: GitHub shows ${GITHUB_ANNOTATIONS_PER_LEVEL} annotations of each level per step; this run has ${list}. All are listed above and in the job summary.`,
    );
  }
  return out.join('\n');
};
