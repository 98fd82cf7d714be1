import { OpenSpecExtras } from '../extras';
import { Heading } from '../../../model';
import { MarkdownDoc, collectHeadings } from '../../../parse/markdown';
import { readSections } from './blocks';

/** A change's `proposal.md` (`## Why`, `## What Changes`, `## Impact`), or the legacy `project.md`. */
export function parseProposal(doc: MarkdownDoc): { headings: Heading[]; extras: OpenSpecExtras } {
  return { headings: collectHeadings(doc), extras: { type: 'openspec', sections: readSections(doc), requirementBlocks: [], misplaced: [] } };
}
