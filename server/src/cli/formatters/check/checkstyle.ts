// @spec specthread-core#17.1
import { Severity } from '../../../core/findings';
import { XML_DECLARATION, escapeMarkup as x } from '../markup';
import { position } from '../findingFacts';
import { groupByFile } from '../paths';
import { CheckReport, Formatter } from '../types';

/** Checkstyle has no hint level; hints are reported as info. */
const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

/**
 * Checkstyle XML, which reviewdog, Jenkins' warnings plugin and many review bots read: one
 * `<file>` per file, one `<error>` per finding, the rule code as `source`.
 */
export const formatCheckCheckstyle: Formatter<CheckReport> = (report, { cwd }) => {
  const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const [file, findings] of groupByFile(report.findings, cwd)) {
    out.push(`  <file name="${x(file)}">`);
    for (const f of findings) {
      const { line, column } = position(f);
      out.push(
        `    <error line="${line}" column="${column}" severity="${CHECKSTYLE_SEVERITY[f.severity]}" message="${x(f.message)}" source="${x(`specthread.${f.code}`)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n');
};
