// @spec specthread-core#13.2
import { OpenSpecExtras } from '../extras';
import { CriterionNode, Heading, RequirementNode } from '../../../model';
import { MarkdownDoc, collectHeadings } from '../../../parse/markdown';
import { REQUIREMENT_HEADER, SECTION_HEADER, hashLines, lineRange, readRequirementBlocks, readSections, slug } from './blocks';
import { fallbackRequirements } from './fallback';

/**
 * An OpenSpec main spec (`openspec/specs/<capability>/spec.md`): `## Purpose`, `## Requirements`
 * with `### Requirement: <name>` blocks, each holding `#### Scenario: <name>` blocks. Ids are the
 * requirement name slugged and `<requirement>/<scenario>` for scenarios.
 */

const DELTA_HEADER = /^##\s+(ADDED|MODIFIED|REMOVED|RENAMED)\s+Requirements\s*$/i;
const REQUIREMENTS_SECTION = /^##\s+Requirements\s*$/i;

export interface OpenSpecSpecFacts {
  readonly requirements: RequirementNode[];
  readonly headings: Heading[];
  readonly extras: OpenSpecExtras;
}

export function parseOpenSpecSpec(doc: MarkdownDoc): OpenSpecSpecFacts {
  const hashes = hashLines(doc);
  const sections = readSections(doc, hashes);
  let start = -1;
  let end = doc.lines.lineCount;
  for (const line of hashes) {
    const text = doc.lines.lineText(line);
    if (start < 0 && REQUIREMENTS_SECTION.test(text)) start = line;
    else if (start >= 0 && SECTION_HEADER.test(text)) {
      end = line;
      break;
    }
  }
  const blocks = start >= 0 ? readRequirementBlocks(doc, start + 1, end, undefined, hashes) : [];
  const misplaced: OpenSpecExtras['misplaced'][number][] = [];
  for (const line of hashes) {
    const text = doc.lines.lineText(line);
    if (DELTA_HEADER.test(text)) misplaced.push({ what: 'delta-header', text: text.trim(), range: lineRange(doc, line) });
    else if (REQUIREMENT_HEADER.test(text) && !(start >= 0 && line > start && line < end))
      misplaced.push({ what: 'requirement', text: text.trim(), range: lineRange(doc, line) });
  }
  // Without `## Requirements` OpenSpec reads nothing; the model still gets what the authors wrote
  // (see fallback.ts), while the OpenSpec rules keep OpenSpec's view (no requirement blocks).
  if (start < 0)
    return {
      requirements: fallbackRequirements(doc),
      headings: collectHeadings(doc),
      extras: { type: 'openspec', sections, requirementBlocks: [], misplaced },
    };
  const requirements = blocks.map((b): RequirementNode => {
    const id = slug(b.name);
    const criteria = b.scenarios
      .filter((s) => s.hasBody)
      .map((s): CriterionNode => ({ id: `${id}/${slug(s.name)}`, requirementId: id, text: s.name, range: s.range, idRange: s.range }));
    return { id, kind: 'requirement', title: b.name, text: b.body, range: b.range, idRange: b.nameRange, sectionRange: b.blockRange, criteria };
  });
  return { requirements, headings: collectHeadings(doc), extras: { type: 'openspec', sections, requirementBlocks: blocks, misplaced } };
}
