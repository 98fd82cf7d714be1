// @spec specthread-core#7.4
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { Engine } from '../../server/src/core/engine';
import { FileEdit } from '../../server/src/core/findings';
import { CodeActionResult, codeActionsFor } from '../../server/src/core/fixes/codeActions';
import { Range } from '../../server/src/core/text/range';
import { engineFor } from '../helpers/fixtures';

/**
 * Every quick fix is tested the way an editor uses it: ask for the actions at a finding, apply
 * the chosen action's edits to the files, and compare the resulting text.
 */
const SPEC = '.kiro/specs/shop';
const P = (name: string) => `/ws/${SPEC}/${name}`;

function apply(texts: Record<string, string>, edits: readonly FileEdit[]): Record<string, string> {
  const out = { ...texts };
  const byPath = new Map<string, FileEdit[]>();
  for (const e of edits) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  for (const [path, list] of byPath) {
    const doc = TextDocument.create('file://' + path, 'markdown', 1, out[path]);
    out[path] = TextDocument.applyEdits(
      doc,
      list.map((e) => ({ range: e.range, newText: e.newText })),
    );
  }
  return out;
}

async function setup(files: Record<string, string>): Promise<{ engine: Engine; texts: Record<string, string> }> {
  const rel: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) rel[name.endsWith('.md') ? `${SPEC}/${name}` : name] = text;
  const engine = await engineFor(rel);
  const texts: Record<string, string> = {};
  for (const [name, text] of Object.entries(rel)) texts[`/ws/${name}`] = text;
  return { engine, texts };
}

function actionsAt(engine: Engine, path: string, range: Range): CodeActionResult[] {
  return codeActionsFor(
    {
      spec: engine.specOf(path)!,
      path,
      range,
      findings: engine.allFindings(NEVER_CANCELLED).filter((f) => f.path === path),
      textOf: (p) => engine.textOf(p),
    },
    NEVER_CANCELLED,
  );
}

function actionFor(engine: Engine, code: string, title: RegExp): { action: CodeActionResult; all: CodeActionResult[] } {
  const finding = engine.allFindings(NEVER_CANCELLED).find((f) => f.code === code);
  assert.ok(finding, `no ${code} finding`);
  const all = actionsAt(engine, finding.path, finding.range);
  const action = all.find((a) => title.test(a.title));
  assert.ok(action, `no action ${title} among ${all.map((a) => a.title).join(' | ')}`);
  return { action, all };
}

const REQS = `# Requirements Document

## Glossary

- **Order_Service**: stores orders

### Requirement 1: Orders

#### Acceptance Criteria

1. WHEN a buyer places an order THEN the order service SHALL store it
2. WHEN a buyer **pays**, the Order_Service should send a receipt
3. IF the card is declined, THEN THE Order_Service SHALL NOT accept the order
4. THE Order_Service SHALL keep order ids stable where possible.
`;

describe('quick fixes (apply the edit, compare the text)', () => {
  it('rewrites a Kiro v1 criterion as canonical EARS, using the glossary spelling', async () => {
    const { engine, texts } = await setup({ 'specthread.json': '{ "rules": { "ears.then-after-when": "warning" } }', 'requirements.md': REQS });
    const { action } = actionFor(engine, 'ears.then-after-when', /canonical EARS/);
    assert.strictEqual(action.preferred, true);
    const after = apply(texts, action.edits)[P('requirements.md')];
    assert.ok(after.includes('1. WHEN a buyer places an order, THE Order_Service SHALL store it\n'), after);
  });

  it('offers the canonical rewrite as a refactoring while ears.then-after-when is off (the default)', async () => {
    const { engine, texts } = await setup({ 'requirements.md': REQS });
    const line = REQS.split('\n').findIndex((l) => l.startsWith('1. WHEN'));
    const actions = actionsAt(engine, P('requirements.md'), { start: { line, character: 5 }, end: { line, character: 5 } });
    const rewrite = actions.find((a) => a.kind === 'refactor.rewrite');
    assert.ok(rewrite, actions.map((a) => a.title).join(' | '));
    assert.strictEqual(rewrite.title, 'Rewrite criterion 1.1 as canonical EARS');
    assert.ok(apply(texts, rewrite.edits)[P('requirements.md')].includes('1. WHEN a buyer places an order, THE Order_Service SHALL store it\n'));
  });

  it('replaces a weak modal with SHALL, keeping the emphasis around other words', async () => {
    const { engine, texts } = await setup({ 'requirements.md': REQS });
    const { action } = actionFor(engine, 'quality.weak-modal', /SHALL/);
    assert.ok(apply(texts, action.edits)[P('requirements.md')].includes('2. WHEN a buyer **pays**, the Order_Service SHALL send a receipt\n'));
  });

  it('says SHALL NOT accept positively, and removes an escape clause', async () => {
    const { engine, texts } = await setup({ 'requirements.md': REQS });
    const negative = actionFor(engine, 'ears.negative-shall', /SHALL reject/).action;
    assert.ok(apply(texts, negative.edits)[P('requirements.md')].includes('THEN THE Order_Service SHALL reject the order\n'));
    const escape = actionFor(engine, 'quality.escape-clause', /Remove 'where possible'/).action;
    assert.ok(apply(texts, escape.edits)[P('requirements.md')].includes('4. THE Order_Service SHALL keep order ids stable.\n'));
  });

  it('replaces an unknown ref with the suggested one', async () => {
    const { engine, texts } = await setup({ 'requirements.md': REQS, 'tasks.md': '# Tasks\n\n- [ ] 1. Store orders\n  - _Requirements: 1.1, 1.7_\n' });
    const { action } = actionFor(engine, 'link.unknown-ref', /^Replace 1\.7/);
    assert.strictEqual(apply(texts, action.edits)[P('tasks.md')], '# Tasks\n\n- [ ] 1. Store orders\n  - _Requirements: 1.1, 1.4_\n');
  });

  it('renumbers requirements, criteria and tasks and their citations in one workspace edit', async () => {
    const reqs = `# Requirements\n\n### Requirement 1: A\n\n#### Acceptance Criteria\n\n1. THE S SHALL a\n3. THE S SHALL b\n\n### Requirement 3: B\n\n#### Acceptance Criteria\n\n1. THE S SHALL c\n2. THE S SHALL d\n`;
    const tasks = `# Tasks\n\n- [ ] 1. First\n  - _Requirements: 1.1, 1.3_\n- [ ] 3. Second\n  - [ ] 3.1 Sub\n    - _Requirements: 3.1-3.2_\n  - [ ] 3.3 Sub\n    - _Requirements: 3_\n`;
    const design = `# Design\n\n## Property 1\n\n**Validates: Requirements 1.3, 3.2**\n`;
    const { engine, texts } = await setup({ 'requirements.md': reqs, 'tasks.md': tasks, 'design.md': design });
    const { action } = actionFor(engine, 'structure.numbering-gap', /^Renumber/);
    assert.strictEqual(action.title, "Renumber requirements, criteria and tasks of 'shop' (10 changes in 3 files)");
    const after = apply(texts, action.edits);
    assert.strictEqual(after[P('requirements.md')], reqs.replace('3. THE S SHALL b', '2. THE S SHALL b').replace('Requirement 3: B', 'Requirement 2: B'));
    assert.strictEqual(
      after[P('tasks.md')],
      `# Tasks\n\n- [ ] 1. First\n  - _Requirements: 1.1, 1.2_\n- [ ] 2. Second\n  - [ ] 2.1 Sub\n    - _Requirements: 2.1-2.2_\n  - [ ] 2.2 Sub\n    - _Requirements: 2_\n`,
    );
    assert.strictEqual(after[P('design.md')], `# Design\n\n## Property 1\n\n**Validates: Requirements 1.2, 2.2**\n`);
    const again = await setup({ 'requirements.md': after[P('requirements.md')], 'tasks.md': after[P('tasks.md')], 'design.md': after[P('design.md')] });
    assert.deepStrictEqual(
      again.engine.allFindings(NEVER_CANCELLED).filter((f) => f.code.startsWith('structure') || f.code.startsWith('link')),
      [],
    );
  });

  it('adds a task stub citing every criterion of an uncovered requirement', async () => {
    const reqs = `# Requirements\n\n### Requirement 1: A\n\n#### Acceptance Criteria\n\n1. THE S SHALL a\n\n### Requirement 2: Audit log\n\n#### Acceptance Criteria\n\n1. THE S SHALL b\n2. THE S SHALL c\n`;
    const tasks = `# Tasks\n\n- [ ] 1. First\n  - _Requirements: 1.1_\n`;
    const { engine, texts } = await setup({ 'requirements.md': reqs, 'tasks.md': tasks });
    const { action } = actionFor(engine, 'coverage.requirement-without-task', /^Add task/);
    assert.strictEqual(action.title, 'Add task 2 for requirement 2 to tasks.md');
    assert.strictEqual(apply(texts, action.edits)[P('tasks.md')], tasks + '\n- [ ] 2. Audit log\n  - _Requirements: 2.1, 2.2_\n');
  });

  it('inserts suppression comments for the line and the file, which then hide the finding', async () => {
    const { engine, texts } = await setup({ 'requirements.md': REQS });
    const { action: line, all } = actionFor(engine, 'quality.escape-clause', /for this line/);
    const file = all.find((a) => a.title === 'Disable quality.escape-clause for this file')!;
    const lineText = apply(texts, line.edits)[P('requirements.md')];
    assert.ok(lineText.includes('stable where possible. <!-- specthread-disable-line quality.escape-clause -->\n'), lineText);
    const fileText = apply(texts, file.edits)[P('requirements.md')];
    assert.ok(fileText.startsWith('<!-- specthread-disable-file quality.escape-clause -->\n# Requirements Document'));
    for (const text of [lineText, fileText]) {
      const again = await setup({ 'requirements.md': text });
      const codes = again.engine.allFindings(NEVER_CANCELLED).map((f) => f.code);
      assert.ok(!codes.includes('quality.escape-clause') && codes.includes('quality.weak-modal'), codes.join());
    }
    // A second rule on the same line joins the existing comment.
    const withComment = await setup({ 'requirements.md': lineText.replace('stable where possible.', 'stable where possible, etc.') });
    const joined = actionFor(withComment.engine, 'quality.open-ended', /for this line/).action;
    assert.ok(
      apply(withComment.texts, joined.edits)[P('requirements.md')].includes('<!-- specthread-disable-line quality.escape-clause, quality.open-ended -->'),
    );
  });
});
