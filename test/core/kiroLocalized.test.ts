// @spec specthread-core#1.1 @spec specthread-core#1.3 @spec specthread-core#2.1
import * as assert from 'assert';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { parseRequirements } from '../../server/src/core/formats/kiro/parse/requirements';
import { scanRefLines, tokenizeRefList } from '../../server/src/core/formats/kiro/parse/refLines';

/** Dialects of Kiro specs seen in real repositories, paraphrased; each must read to the ids its author cites. */
describe('Kiro reading: localized and cc-sdd dialects', () => {
  const criteriaOf = (text: string) => parseRequirements(parseMarkdown(text)).requirements.map((r) => `${r.id}:${r.criteria.map((c) => c.id).join(',')}`);

  it('reads Japanese, Chinese, Portuguese and Korean requirement headings and criteria labels', () => {
    const ja = '### 要件 1: アップロード\n\n#### 受け入れ基準\n\n1. A\n2. B\n';
    const zh = '### 需求 1: 登录\n\n#### 验收标准\n\n1. A\n';
    const pt = '### Requisito 2 — Lista\n\n#### Critérios de Aceitação\n\n1. A\n2. B\n';
    const ko = '### 요구사항 3\n\n**인수 기준**\n\n1. A\n';
    assert.deepStrictEqual(criteriaOf(ja), ['1:1.1,1.2']);
    assert.deepStrictEqual(criteriaOf(zh), ['1:1.1']);
    assert.deepStrictEqual(criteriaOf(pt), ['2:2.1,2.2']);
    assert.deepStrictEqual(criteriaOf(ko), ['3:3.1']);
  });

  it('reads bare numbered headings under a Requirements section, with explicit `- 1.2` ids', () => {
    const text = '## 要件\n### 1 検索方式\n**受け入れ条件**\n- 1.1 A\n- 1.3 B\n\n### 2. 出力\n1. C\n';
    assert.deepStrictEqual(criteriaOf(text), ['1:1.1,1.3', '2:2.1']);
  });

  it('does not take numbered headings elsewhere, or without criteria, for requirements', () => {
    assert.deepStrictEqual(criteriaOf('## Design\n### 1. Cache\n1. A\n'), []);
    assert.deepStrictEqual(criteriaOf('## Functional Requirements\n### 1. Blog Posts Section\n- Fetch posts\n'), []);
  });

  it('reads R- and RF-prefixed requirements with bold or bulleted prefixed criteria', () => {
    const rf = '## Requisitos funcionais\n\n### RF1 — Modelo\n\n**RF1.1** Quando A, o sistema **deve** B.\n\n**RF1.2** O sistema **deve** C.\n';
    const r = '## Requisito R2 — Lead time\n\n**EARS**\n\n- R2.1 — O sistema DEVE A.\n- R2.2 — QUANDO B, ENTÃO o sistema DEVE C.\n';
    assert.deepStrictEqual(criteriaOf(rf), ['1:1.1,1.2']);
    assert.deepStrictEqual(criteriaOf(r), ['2:2.1,2.2']);
  });

  it('keeps the numbers of criteria grouped under sub-headings of Acceptance Criteria', () => {
    const text = '### Requirement 1\n#### Acceptance Criteria\n##### Errors\n1. A\n##### Retries\n2. B\n3. C\n';
    assert.deepStrictEqual(criteriaOf(text), ['1:1.1,1.2,1.3']);
  });

  const refCases: [string, string[]][] = [
    ['R1.2, R1.3', ['1.2', '1.3']],
    ['1.1、1.2', ['1.1', '1.2']],
    ['Requirement 2, 3', ['2', '3']],
    ['要件 4.1', ['4.1']],
  ];
  for (const [input, ids] of refCases) {
    it(`tokenizes "${input}"`, () => {
      assert.deepStrictEqual(
        tokenizeRefList(input).map((t) => (t.target.kind === 'id' ? t.target.id : t.raw)),
        ids,
      );
    });
  }

  it('reads translated and short ref labels, and ignores cc-sdd annotations', () => {
    const lines = [
      '- [ ] 1. A',
      '  - _需求: 1.1_',
      '  - _要件: 1.2_',
      '  - _Requisitos: 1.3_',
      '  - _Reqs: 1.4_',
      '  - Requirements：R1、R2',
      '  - _Depends: 9.9_',
      '  - _Boundary: Engine_',
    ];
    const refs = scanRefLines(parseMarkdown(lines.join('\n') + '\n'));
    assert.deepStrictEqual(
      refs.map((r) => `${r.range.start.line}:${r.target.kind === 'id' ? r.target.id : r.raw}`),
      ['1:1.1', '2:1.2', '3:1.3', '4:1.4', '5:1', '5:2'],
    );
  });
});
