// @spec specthread-core#14.4, specthread-core#15.2
import { CancellationToken } from '../cancellation';
import type { RuleSettings } from '../config/ruleSettings';
import { FileNote, describeFileNote, isDeclined } from '../fileNote';
import { Finding } from '../findings';
import { ReportedProblem, RuleMeta } from './rule';
import { runRules } from './runRules';

/** Reported by the engine, not by a spec rule, on a spec file the host did not read. */
export const FILE_SKIPPED: RuleMeta = {
  code: 'file.skipped',
  defaultSeverity: 'info',
  summary: 'A spec file was not read: too large, binary, unreadable, or a symlink outside the workspace or in a loop.',
  description:
    'Nothing is dropped without a word: a spec file that SpecThread does not read keeps its place in the spec with this ' +
    'one finding, which names the reason (the size and the limit, the NUL byte that makes it binary, the error the file ' +
    "system gave, or where the symlink leads). The rest of the spec is still checked, without this file's content. " +
    'Symlinks are followed when they stay inside the workspace folders. `specthread check` lists every skipped file on stderr.',
  bad: '(a tasks.md saved as UTF-16 without a byte order mark, or a requirements.md symlinked to /etc/…)',
  good: '(a UTF-8 Markdown file inside the workspace)',
};

/** Reported on a spec file that is not UTF-8 and was read with a fallback encoding. */
export const FILE_ENCODING: RuleMeta = {
  code: 'file.encoding',
  defaultSeverity: 'info',
  summary: 'A spec file is not UTF-8; it was read as Windows-1252 (Latin-1) or UTF-16, so characters may be wrong.',
  description:
    'Spec files are expected in UTF-8. A file in an older single-byte encoding is read as Windows-1252, which maps every ' +
    'byte to a character, so no text is lost, but accented letters may show wrongly in findings and hovers. UTF-16 files ' +
    'with a byte order mark are read as UTF-16. Save the file as UTF-8 to remove this note.',
  bad: '(requirements.md saved as ISO-8859-1: "Der Benutzer m\\xF6chte …")',
  good: '(requirements.md saved as UTF-8: "Der Benutzer möchte …")',
};

/** A rule over the notes of some files: the engine's own findings go through the one runner like any rule's. */
interface NoteRule {
  readonly meta: RuleMeta;
  readonly applies: (note: FileNote) => boolean;
}

const NOTE_RULES: readonly NoteRule[] = [
  { meta: FILE_SKIPPED, applies: isDeclined },
  { meta: FILE_ENCODING, applies: (note) => !isDeclined(note) },
];

/** The one problem a note becomes on its file, at the start of the file where every editor can show it. */
function noteProblem(note: FileNote): ReportedProblem {
  return { path: note.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: describeFileNote(note) };
}

/**
 * The file.* findings of some files' notes, with the severity the policy gives each file (so a
 * per-path override that turns `file` off for a folder reaches them like any other rule).
 */
export function fileNoteFindings(notes: readonly FileNote[], policy: RuleSettings, token: CancellationToken): Finding[] {
  if (notes.length === 0) return [];
  const anchor = notes[0]!.path;
  return runRules(
    { step: 'file note', rules: NOTE_RULES, anchor: () => anchor, check: (rule, report) => notes.filter(rule.applies).forEach((n) => report(noteProblem(n))) },
    policy,
    token,
  );
}
