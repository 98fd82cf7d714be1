// @spec specthread-core#14.3
import * as assert from 'assert';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { joinPath } from '../../server/src/core/config/repoConfig';
import { SpecFileKind, SpecFormat } from '../../server/src/core/model';
import { normalizeName, slug } from '../../server/src/core/formats/openspec/parse/blocks';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { prefixOf } from '../../server/src/core/formats/speckit/parse/ids';
import { taskFileMentions } from '../../server/src/core/trace/taskFiles';
import { growthRatio } from '../helpers/growth';

/**
 * The audit of regexes applied to workspace text (issue 8, criterion 14.3), kept here so it stays
 * visible. Each risky regex got a rewrite and an adversarial case below, run on lines of 12.5k and
 * 100k characters: linear work grows ~8x, the old quadratic regexes grew ~64x (or hung).
 *
 * Rewritten (old → new):
 * - openspec/blocks.ts normalizeName and scenario names `[ \t]+#+[ \t]*$` → dropClosingHashes (string code)
 * - openspec/blocks.ts REQUIREMENT_HEADER `^###\s*Requirement:\s*(.+?)\s*$` → NamedLine (greedy rest, trimmed in code)
 * - openspec/blocks.ts HEADER `^(#{1,6})\s+(.+?)\s*$` → `^(#{1,6})\s+(.+)$` + trimEnd
 * - openspec/delta.ts REMOVED_BULLET, FROM, TO `\s*[-*+]?\s*…(.+?)`?\s*$` → `\s*(?:[-*+]\s*)?…` + NamedLine; `^##\s+(.+?)\s*$` → `(.+)$` + trimEnd
 * - queries/deltaTargets.ts `^(\s*[-*+]?\s*…` → `^(\s*(?:[-*+]\s*)?…`
 * - kiro/tasks.ts `\s*<!--[\s\S]*?-->` (per unclosed comment a rescan) → withoutComments (string code)
 * - trace/taskFiles.ts `[.:]+$`, trace/refSyntax.ts `[.\-/]+$`, repoConfig.ts / codeFiles.ts / traceAnalysis.ts `\/+$`,
 *   speckit/ids.ts and rules/speckit/unknownIds.ts `\d+[a-z]?(?:\.\d+)?$`, ears/unknownSystem.ts `\s+(component|module)$`,
 *   queries/completion.ts `[\d.]*$` → the same with a `(?<!x)` lookbehind, so a match starts only at the start of a run
 * - index/specModel.ts `^([A-Z]+-?[A-Z]*)(\d+)$` → `^([A-Z]+(?:-[A-Z]*)?)(\d+)$` (two letter runs split n ways)
 * - rules/quality/comparative.ts `^\W*(?:\S+\s+){0,4}?\S*\d` → `^(?=(\W*))\1…` (atomic prefix; also only ever sees 40 characters)
 * - speckit/spec.ts `\|.*$` → split('|')[0]; fixes/taskStub.ts `\s+$` → trimEnd()
 * - parse/reading.ts HEADING `^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$` → `(.*)$` + headingTitle (string code)
 *
 * Checked and left as they are (anchored with a single way to match, sticky, or bounded input):
 * trace/refSyntax.ts REF_SEPARATOR (sticky `y`, tried at one position), formats/speckit/parse/tasks.ts LABEL
 * (applied to a run of complete `[…]` labels), openspec/blocks.ts slug `^-+|-+$` (its input has no
 * dash runs: runs of non-letters were just replaced by one dash), Kiro TASK_LINE and spec-kit TASK
 * (anchored, ending in `(.*)$` which always matches). `test/bench/hostile.ts` and an empirical
 * scanner (every regex literal in core and shared against runs of 33 characters after 8 prefixes)
 * found no other regex in server/src/core or shared that grows faster than linearly.
 */

const N = 12500;
const FACTOR = 8;
const LIMIT = 24;

const parse = (path: string, kind: SpecFileKind, format: SpecFormat, text: string) => parseSpecFile(path, kind, text, NEVER_CANCELLED, format);

const cases: { name: string; work: (n: number) => unknown }[] = [
  { name: 'normalizeName: a requirement name padded with spaces', work: (n) => normalizeName(`Export${' '.repeat(n)}data`) },
  { name: 'normalizeName: spaces, hashes, spaces, text', work: (n) => normalizeName(`Export${' '.repeat(n)}#${' '.repeat(n)}x`) },
  { name: 'slug: a name of dashes', work: (n) => slug(`a${'-'.repeat(n)}b`) },
  {
    name: 'reading confidence: headings padded with spaces and hashes, items after long digit runs',
    work: (n) =>
      parse(
        '/ws/.kiro/specs/s/requirements.md',
        'requirements',
        'kiro',
        `# R\n\n## Goals${' '.repeat(n)}#${' '.repeat(n)}x\n## ${'# '.repeat(n / 2)}y\n- a\n${'1.'.repeat(n / 2)}1${' '.repeat(n)}\n`,
      ),
  },
  {
    name: 'OpenSpec spec: requirement and scenario headers padded with spaces',
    work: (n) =>
      parse(
        '/ws/openspec/specs/x/spec.md',
        'spec',
        'openspec',
        `# X\n\n## Purpose\nP\n\n## Requirements\n\n### Requirement: Export${' '.repeat(n)}data\nThe system SHALL export.\n\n#### Scenario: Ok${' \t'.repeat(n / 2)}x\n- **WHEN** a\n## Title${' '.repeat(n)}x\n`,
      ),
  },
  {
    name: 'OpenSpec delta: FROM / TO / REMOVED lines with long indents and padded names',
    work: (n) =>
      parse(
        '/ws/openspec/changes/c/specs/x/spec.md',
        'delta',
        'openspec',
        `## RENAMED Requirements\n${' '.repeat(n)}x\n- FROM: \`### Requirement: Old${' '.repeat(n)}y\`\n- TO: \`### Requirement: New${' '.repeat(n)}\`x\n## REMOVED Requirements\n- \`### Requirement: Gone${' '.repeat(n)}z\n`,
      ),
  },
  {
    name: 'Kiro tasks: a title with thousands of unclosed comments',
    work: (n) => parse('/ws/.kiro/specs/s/tasks.md', 'tasks', 'kiro', `- [ ] 1. Title ${'<!-- '.repeat(n / 5)}\n`),
  },
  {
    name: 'Kiro tasks: file mentions ending in long runs of dots and colons',
    work: (n) => {
      const text = `- [ ] 1. Touch \`a${'.:'.repeat(n / 2)}b\` and src/a${'.'.repeat(n)}x\n`;
      return taskFileMentions(parse('/ws/.kiro/specs/s/tasks.md', 'tasks', 'kiro', text), text);
    },
  },
  {
    name: 'spec-kit spec: a requirement line full of pipes',
    work: (n) => parse('/ws/specs/001-x/spec.md', 'spec', 'speckit', `## Requirements\n\n- **FR-001**: System MUST ${'|'.repeat(n)}\r\n`),
  },
  { name: 'spec-kit ids: prefixOf a long run of digits', work: (n) => prefixOf(`FR-${'1'.repeat(n)}!`) },
  { name: 'config paths: joinPath of a run of slashes', work: (n) => joinPath('/ws', `/a${'/'.repeat(n)}b`) },
];

describe('regex audit: hostile 100k-character lines stay linear', () => {
  for (const c of cases) {
    it(c.name, () => {
      const ratio = growthRatio(c.work, N, FACTOR);
      assert.ok(ratio < LIMIT, `${FACTOR}x longer input took ${ratio.toFixed(1)}x the time (linear ~${FACTOR}, quadratic ~${FACTOR * FACTOR})`);
    });
  }

  it('the rewrites read names as before', () => {
    assert.strictEqual(normalizeName('Export data ###'), 'Export data');
    assert.strictEqual(normalizeName('Export data\t## '), 'Export data');
    assert.strictEqual(normalizeName('C# support'), 'C# support');
    assert.strictEqual(normalizeName('Issue #'), 'Issue');
    assert.strictEqual(normalizeName('###'), '###');
    const delta = parse(
      '/ws/openspec/changes/c/specs/x/spec.md',
      'delta',
      'openspec',
      '## RENAMED Requirements\n- FROM: `### Requirement: Old name`  \n- TO: `### Requirement: New name`\n',
    );
    assert.match(JSON.stringify(delta.extras), /"from":"Old name".*"to":"New name"/);
    const tasks = parse('/ws/.kiro/specs/s/tasks.md', 'tasks', 'kiro', '- [ ] 1. Build <!-- note --> it <!-- two -->\n- [ ] 2. Open <!-- never closed\n');
    assert.deepStrictEqual(
      tasks.tasks.map((t) => t.title),
      ['Build it', 'Open <!-- never closed'],
    );
  });
});
