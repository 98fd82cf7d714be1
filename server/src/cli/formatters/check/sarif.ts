// @spec specthread-core#17.1
import { RULE_REGISTRY } from '../../../core/checks/registry';
import { RuleMeta } from '../../../core/checks/rule';
import { Finding } from '../../../core/findings';
import { RULE_DOCS_URL, SARIF_LEVEL, fingerprintOf, position, ruleDocUrl } from '../findingFacts';
import { relativePath } from '../paths';
import { CheckReport, FormatContext, Formatter } from '../types';

/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers). Paths are relative to the
 * working directory under the `%SRCROOT%` base, which code scanning resolves against the
 * checkout; no absolute path, time or machine name is written, so the same input gives the same
 * bytes. `partialFingerprints` carry the baseline fingerprint, which survives lines moving, and
 * findings a suppression comment or the baseline accepted are listed with `suppressions`.
 */
export const formatCheckSarif: Formatter<CheckReport> = (report, context) => {
  const index = new Map(RULE_REGISTRY.map((r, i) => [r.meta.code, i]));
  const results = [...report.findings, ...(report.suppressed ?? [])].map((f) => result(f, report, context, index.get(f.code)));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'SpecThread', informationUri: RULE_DOCS_URL, rules: RULE_REGISTRY.map((r) => rule(r.meta)) } },
          columnKind: 'utf16CodeUnits',
          results,
        },
      ],
    },
    null,
    2,
  );
};

/** `link.unknown-ref` → `LinkUnknownRef`: SARIF's readable rule name. */
function ruleName(code: string): string {
  return code
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function rule(meta: RuleMeta) {
  const help = [meta.description, '', 'Flagged:', '', '```markdown', meta.bad, '```', '', 'Fine:', '', '```markdown', meta.good, '```'].join('\n');
  return {
    id: meta.code,
    name: ruleName(meta.code),
    shortDescription: { text: meta.summary },
    fullDescription: { text: meta.description },
    help: { text: meta.description, markdown: help },
    helpUri: ruleDocUrl(meta.code),
    defaultConfiguration: meta.defaultSeverity === 'off' ? { enabled: false, level: 'none' } : { level: SARIF_LEVEL[meta.defaultSeverity] },
  };
}

/** A path as a URI reference: each segment percent-encoded, relative ones under `%SRCROOT%`. */
function artifactLocation(file: string, cwd: string) {
  const rel = relativePath(file, cwd);
  const encoded = rel.split('/').map(encodeURIComponent).join('/');
  if (!rel.startsWith('/') && !/^[A-Za-z]:/.test(rel)) return { uri: encoded, uriBaseId: '%SRCROOT%' };
  return { uri: `file://${rel.startsWith('/') ? '' : '/'}${encoded.replace(/^([A-Za-z])%3A/, '$1:')}` };
}

function region(f: Finding) {
  const p = position(f);
  return { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
}

function result(f: Finding, report: CheckReport, { cwd }: FormatContext, ruleIndex: number | undefined) {
  return {
    ruleId: f.code,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.path, cwd), region: region(f) } }],
    partialFingerprints: { 'specthread/v1': fingerprintOf(report, f) },
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: { artifactLocation: artifactLocation(r.path, cwd), region: region({ ...f, range: r.range }) },
          })),
        }
      : {}),
    ...(f.accepted
      ? {
          suppressions: [
            f.accepted === 'suppression'
              ? { kind: 'inSource', justification: 'A specthread-disable comment in the file accepts this finding.' }
              : { kind: 'external', justification: 'The baseline file accepts this finding.' },
          ],
        }
      : {}),
  };
}
