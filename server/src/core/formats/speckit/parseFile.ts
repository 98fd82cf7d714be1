// @spec specthread-core#15.1
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecKitExtras } from './extras';
import { RefOccurrence, SpecFileFacts, SpecFileKind } from '../../model';
import { markdownBase } from '../../parse/fileBase';
import { collectHeadings } from '../../parse/markdown';
import { scanDocIds } from './parse/ids';
import { findClarifications, findPlaceholders } from './parse/markers';
import { parseSpeckitSpec } from './parse/spec';
import { parseSpeckitTasks } from './parse/tasks';

/** Parses one spec-kit file: spec, tasks, plan, checklists, the constitution and the plain documents. */
export function parseSpeckitFile(path: string, kind: SpecFileKind, text: string, token: CancellationToken): SpecFileFacts {
  throwIfCancelled(token);
  const { doc, base } = markdownBase(path, kind, text);
  const empty = { requirements: [], tasks: [], refs: [], glossary: [], notes: [] };
  switch (kind) {
    case 'spec':
      return { ...base, ...empty, ...parseSpeckitSpec(doc) };
    case 'tasks':
      return { ...base, ...empty, ...parseSpeckitTasks(doc) };
    case 'constitution':
      return { ...base, ...empty, headings: collectHeadings(doc), extras: speckitExtras({ placeholders: findPlaceholders(doc) }) };
    case 'plan':
      return { ...base, ...empty, headings: collectHeadings(doc), extras: speckitExtras({ clarifications: findClarifications(doc, true) }) };
    case 'checklist':
      // Checklists cite requirements (`[Spec §FR-001]`); those citations must resolve.
      return { ...base, ...empty, headings: collectHeadings(doc), refs: scanDocIds(doc, 'inline-id').filter((r) => !isTaskRef(r)) };
    default:
      return { ...base, ...empty, headings: collectHeadings(doc) };
  }
}

function isTaskRef(r: RefOccurrence): boolean {
  return r.target.kind === 'id' ? /^T\d/.test(r.target.id) : r.target.kind === 'range' && /^T\d/.test(r.target.from);
}

function speckitExtras(part: Partial<Omit<SpecKitExtras, 'type'>>): SpecKitExtras {
  return { type: 'speckit', clarifications: [], clarificationSessions: 0, clarificationAnswers: 0, placeholders: [], checkpoints: 0, ...part };
}
