// @spec specthread-core#15.1
import { CancellationToken, throwIfCancelled } from '../../cancellation';
import { SpecFileFacts, SpecFileKind } from '../../model';
import { FileBase, NO_STRUCTURE, lineCount, markdownBase } from '../../parse/fileBase';
import { MarkdownDoc } from '../../parse/markdown';
import { collectHeadings } from '../../parse/markdown';
import { parseTasks } from '../../parse/numberedTasks';
import { deltaCapability } from './layout';
import { parseDeltaSpec } from './parse/delta';
import { lineScannedDoc } from './parse/lineScan';
import { taskScannedDoc } from './parse/taskScan';
import { parseChangeMeta } from './parse/meta';
import { parseProposal } from './parse/proposal';
import { parseOpenSpecSpec } from './parse/spec';

/** Parses one OpenSpec file: main specs, delta specs, proposals, tasks and the `.openspec.yaml` metadata. */
export function parseOpenSpecFile(path: string, kind: SpecFileKind, text: string, token: CancellationToken): SpecFileFacts {
  throwIfCancelled(token);
  // YAML is not Markdown; it is checked for shape only.
  if (kind === 'change-meta') return { path, kind, lineCount: lineCount(text), ...NO_STRUCTURE, extras: parseChangeMeta(text) };
  const { doc, base } = documentOf(path, kind, text);
  const empty = { requirements: [], tasks: [], refs: [], glossary: [], notes: [] };
  switch (kind) {
    case 'spec':
      return { ...base, ...empty, ...parseOpenSpecSpec(doc) };
    case 'delta':
      return { ...base, ...empty, ...parseDeltaSpec(doc, deltaCapability(path)) };
    case 'tasks':
      // OpenSpec tasks are numbered like Kiro's (`- [ ] 1.1 …` under `## 1. Group`).
      return { ...base, ...empty, tasks: parseTasks(doc), headings: collectHeadings(doc) };
    case 'proposal':
    case 'project':
      return { ...base, ...empty, ...parseProposal(doc) };
    default:
      return { ...base, ...empty, headings: collectHeadings(doc) };
  }
}

/**
 * Tasks are read from the list structure, the other kinds line by line; a file the matching line
 * scan can vouch for needs no Markdown parser (see lineScan.ts and taskScan.ts).
 */
function documentOf(path: string, kind: SpecFileKind, text: string): { doc: MarkdownDoc; base: FileBase } {
  const scanned = kind === 'tasks' ? taskScannedDoc(text) : lineScannedDoc(text);
  return scanned ? { doc: scanned, base: { path, kind, lineCount: scanned.lines.lineCount } } : markdownBase(path, kind, text);
}
