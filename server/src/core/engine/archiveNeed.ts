// @spec specthread-core#21.4
import { formatById } from '../formats/registry';
import { SpecLocation } from '../formats/location';
import { SpecFormatPlugin } from '../formats/specFormatPlugin';
import { SpecModel } from '../index/specModel';
import { CodeFileFacts } from '../trace/model';
import { SpecDirectory } from '../trace/resolveRef';

/**
 * Whether the specs read so far reach into the archived specs that were not read. Archived
 * specs are never checked themselves; they change a finding only through a name: a cross-spec
 * ref or a code tag that names one (or that one's alias makes ambiguous), and a name that
 * resolves to nothing, whose "did you mean" lists every spec name. So the archives must be read
 * when some ref or tag names an archived spec, or names no spec that was read. A test title
 * naming no spec is not a ref either way, so it needs them only when it names an archived one.
 */
export function archivesNeeded(
  read: readonly SpecModel[],
  code: Iterable<CodeFileFacts>,
  deferred: ReadonlyMap<string, SpecLocation>,
  formats: readonly SpecFormatPlugin[],
): boolean {
  const archived = new Set<string>();
  for (const location of deferred.values()) {
    archived.add(location.specId);
    for (const alias of formatById(formats, location.format)?.aliases?.(location.specId) ?? []) archived.add(alias);
  }
  // The names that resolve to one spec read (an alias two specs share resolves to none).
  const known = new Set(new SpecDirectory(read).names());
  const reaches = (name: string) => archived.has(name) || !known.has(name);
  for (const spec of read) for (const ref of spec.refs) if (ref.external && ref.occurrence.spec && reaches(ref.occurrence.spec)) return true;
  for (const file of code) {
    for (const tag of file.tags) {
      if (tag.kind === 'title' ? archived.has(tag.spec) : reaches(tag.spec)) return true;
    }
  }
  return false;
}
