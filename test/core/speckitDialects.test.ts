// @spec specthread-core#16.1 @spec specthread-core#13.1
import * as assert from 'assert';
import { RefOccurrence } from '../../server/src/core/model';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { parseSpeckitSpec } from '../../server/src/core/formats/speckit/parse/spec';
import { parseSpeckitTasks } from '../../server/src/core/formats/speckit/parse/tasks';

/** Dialects of spec-kit files seen in real repositories, paraphrased; each must read to what its author meant. */
describe('spec-kit reading: real-world dialects', () => {
  const ids = (refs: readonly RefOccurrence[]) =>
    refs.map((r) => (r.target.kind === 'id' ? r.target.id : r.target.kind === 'range' ? `${r.target.from}..${r.target.to}` : '*'));
  const spec = (text: string, feature = '001-media') => parseSpeckitSpec(parseMarkdown(text), feature);
  const tasks = (text: string, feature = '001-media') => parseSpeckitTasks(parseMarkdown(text), feature);

  it('reads localized story headings with full-width priorities, and stories numbered within a phase', () => {
    const text =
      '### 用户故事 1 — 上传图片（优先级：P1）\n\n1. **Given** 已登录，**When** 拖入图片，**Then** 显示结果\n\n' +
      '### US-2.1 批量转换\n\n**验收**：\n- 按顺序转换\n- 每张都可下载\n\n### US-2.2 体积守护\n\n**Acceptance Criteria**:\n- Under 100 KB\n';
    const stories = spec(text).requirements.map((r) => `${r.id}/${r.priority ?? '-'}:${r.criteria.map((c) => c.id).join(',')}`);
    assert.deepStrictEqual(stories, ['US1/P1:US1.1', 'US2.1/-:US2.1.1,US2.1.2', 'US2.2/-:US2.2.1']);
  });

  it('reads requirement headings, dotted and suffixed ids as definitions, not citations', () => {
    const parsed = spec('## FR-001: Upload\n\nText.\n\n### FR-2: Limits\n\n- **FR-009.1**（file based）: MUST paste\n- **FR-015a**: MUST keep names\n');
    assert.deepStrictEqual(
      parsed.requirements.map((r) => r.id),
      ['FR-001', 'FR-2', 'FR-009.1', 'FR-015a'],
    );
    assert.deepStrictEqual(ids(parsed.refs), []);
  });

  it('does not read history or other features’ ids as citations, but keeps a plain stale citation', () => {
    const text = [
      '- **FR-001**: MUST upload.',
      '',
      'FR-009 was removed in the rewrite; limits live in FR-001.',
      '',
      '**（FR-120 series：已移除——Notification Adapter）**',
      '',
      '- Q: 移除了哪些 FR？ → A: FR-130~133（AI Skill Template 全系列）。',
      '',
      '> **Numbering note.** US1 and FR-008…FR-015 were',
      '> **descoped** into a future spec.',
      '',
      'Thumbnails follow feature 002’s FR-044. Upstream: `specs/011-sales/spec.md`, FR-050 through FR-054.',
      '',
      '#### Formatting — descoped, moved to a future spec',
      '',
      'FR-016 covered the formatting surface.',
      '',
      '## Limits',
      '',
      'Upload limits are described in FR-007.',
    ].join('\n');
    assert.deepStrictEqual(ids(spec(text).refs), ['FR-001', 'FR-007']);
  });

  it('keeps citations in sentences whose verbs merely describe the software', () => {
    const text = '- **FR-006**: MUST offer cleanup.\n\nDetects branches that are merged and deleted (FR-006).\n';
    assert.deepStrictEqual(ids(spec(text).refs), ['FR-006']);
  });

  it('reads bold, dotted and team-made task ids, and indented task blocks', () => {
    const text = [
      '## Phase 1',
      '',
      '- [X] **T001** [US1] Upload endpoint',
      '  - [ ] T001.1 Resize',
      '- [x] **T-35** [US2.1] Batch queue',
      '- [ ] TASK-003 Download buttons',
      '- [ ] T026-REMEDIAL Fix retry',
      '- [x] T08 Run verification',
      '',
      '### Tests',
      '    - [X] T010 [P] Integration test',
    ].join('\n');
    const parsed = tasks(text);
    assert.deepStrictEqual(
      parsed.tasks.map((t) => `${t.id}:${t.status}${t.story ? ':' + t.story : ''}`),
      ['T001:done:US1', 'T001.1:open', 'T-35:done:US2.1', 'TASK-003:open', 'T026-REMEDIAL:open', 'T08:done', 'T010:done'],
    );
  });

  it('does not define a task from a summary line or a pointer, and reads struck and DEFERRED tasks as not required', () => {
    const text = [
      '- [x] T030 Browser tools',
      '- [x] T030.2 Find tool',
      '- [x] T030.2~T030.6: Browser tools v2（見上方）',
      '- [x] T030.2: Find tool (see above)',
      '- [ ] T031.1 ~~Implement OS notification~~ — DEFERRED post-MVP',
      '- [ ] ~~T012~~ **Deleted** — shipped upstream',
    ].join('\n');
    const parsed = tasks(text);
    assert.deepStrictEqual(
      parsed.tasks.map((t) => `${t.id}:${t.optional}`),
      ['T030:false', 'T030.2:false', 'T031.1:true'],
    );
  });

  it('reads retired tasks, lettered parts and continued numbering as no citation, and a plain stale one as a citation', () => {
    const text = [
      '> 编号延续 002（T-35..T-54）。',
      '',
      '- [ ] ~~T012~~ 已移除',
      '- [x] T048 Extend the test with (a) a size check and (b) a rendered check',
      '- [x] T011 Repository',
      '',
      '## Dependencies',
      '',
      '- T010–T012 are sequential; the audit (T047–T048a) comes before the rendered check (T048b).',
      '- T011 waits for T099.',
    ].join('\n');
    assert.deepStrictEqual(ids(tasks(text).refs), ['T047..T048', 'T048', 'T011', 'T099']);
  });

  it('reads a task list without ids as unnumbered tasks, but not phase-status lines, and not beside id-ed tasks', () => {
    const plain = tasks('## Task Status\n\n- [x] Phase 2: Foundation (20/20 tasks complete)\n\n## Phase 1\n\n- [ ] Audit the app\n- [x] Add breakpoints\n');
    assert.deepStrictEqual(
      plain.tasks.map((t) => `${t.id ?? '-'}:${t.status}:${t.title}:${t.phase}`),
      ['-:open:Audit the app:Phase 1', '-:done:Add breakpoints:Phase 1'],
    );
    const mixed = tasks('- [ ] T001 Build it\n\n## Definition of done\n\n- [ ] All tests pass\n');
    assert.deepStrictEqual(
      mixed.tasks.map((t) => t.id),
      ['T001'],
    );
  });
});
