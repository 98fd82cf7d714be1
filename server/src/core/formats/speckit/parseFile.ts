// @spec specthread-core#15.1
// @spec specthread-core#16.1
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecKitExtras } from './extras';
import { RefOccurrence, SpecFileFacts, SpecFileKind } from '../../model';
import { markdownBase } from '../../parse/fileBase';
import { collectHeadings } from '../../parse/markdown';
import { dropOwnItemRefs, ownItemIds } from './parse/checklistItems';
import { dropHistoryMentions } from './parse/history';
import { isTaskIdText, scanDocIds } from './parse/ids';
import { findClarifications, findPlaceholders } from './parse/markers';
import { parseSpeckitSpec } from './parse/spec';
import { parseSpeckitTasks } from './parse/tasks';

/** Parses one spec-kit file: spec, tasks, plan, checklists, the constitution and the plain documents. */
export function parseSpeckitFile(path: string, kind: SpecFileKind, text: string, token: CancellationToken): SpecFileFacts {
  throwIfCancelled(token);
  const { doc, base } = markdownBase(path, kind, text);
  const empty = { requirements: [], tasks: [], refs: [], glossary: [], notes: [] };
  const feature = featureFolder(path);
  switch (kind) {
    case 'spec':
      return { ...base, ...empty, ...parseSpeckitSpec(doc, feature) };
    case 'tasks':
      return { ...base, ...empty, ...parseSpeckitTasks(doc, feature) };
    case 'constitution':
      return { ...base, ...empty, headings: collectHeadings(doc), extras: speckitExtras({ placeholders: findPlaceholders(doc) }) };
    case 'plan':
      return { ...base, ...empty, headings: collectHeadings(doc), extras: speckitExtras({ clarifications: findClarifications(doc, true) }) };
    case 'checklist': {
      // Checklists cite requirements (`[Spec §FR-001]`); those citations must resolve, unless they record history.
      const headings = collectHeadings(doc);
      const refs = dropOwnItemRefs(
        scanDocIds(doc, 'inline-id').filter((r) => !isTaskRef(r)),
        ownItemIds(doc),
      );
      return { ...base, ...empty, headings, refs: dropHistoryMentions(doc, refs, headings, feature) };
    }
    default:
      return { ...base, ...empty, headings: collectHeadings(doc) };
  }
}

function isTaskRef(r: RefOccurrence): boolean {
  return r.target.kind === 'id' ? isTaskIdText(r.target.id) : r.target.kind === 'range' && isTaskIdText(r.target.from);
}

/** The feature folder a file belongs to: `specs/001-auth/spec.md` and `specs/001-auth/checklists/ux.md` → `001-auth`. */
function featureFolder(path: string): string | undefined {
  const parts = path.split('/');
  const dir = parts[parts.length - 2];
  return dir === 'checklists' ? parts[parts.length - 3] : dir;
}

function speckitExtras(part: Partial<Omit<SpecKitExtras, 'type'>>): SpecKitExtras {
  return { type: 'speckit', clarifications: [], clarificationSessions: 0, clarificationAnswers: 0, placeholders: [], checkpoints: 0, ...part };
}
