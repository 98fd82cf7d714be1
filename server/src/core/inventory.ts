// @spec specthread-core#13.6
import { CancellationToken, throwIfCancelled } from './cancellation';
import { SpecModel } from './index/specModel';
import { FileReading, ReadingLevel, SpecFormat, TaskStatus } from './model';
import { specReading } from './index/reading';

/**
 * What the engine understood of each spec: its format and counts of what it found. Used by
 * `specthread inventory`, by tests, and by users checking that their specs were read at all.
 */
export interface InventoryEntry {
  readonly spec: string;
  readonly dir: string;
  readonly format: SpecFormat;
  /** `feature`, `change`, `capability`, `steering`, … : what kind of folder this is. */
  readonly kind: string;
  readonly archived: boolean;
  readonly files: number;
  /** Requirements other than stories: Kiro requirements, spec-kit FR/SC/NFR, OpenSpec requirements (a change: ADDED + MODIFIED). */
  readonly requirements: number;
  /** Acceptance criteria / scenarios. */
  readonly criteria: number;
  readonly stories: number;
  readonly tasks: Readonly<Record<TaskStatus, number>>;
  readonly refs: number;
  /** OpenSpec changes: delta operations by kind. */
  readonly deltas?: Readonly<Record<'ADDED' | 'MODIFIED' | 'REMOVED' | 'RENAMED', number>>;
  /** The least understood of the spec's rated files (`n/a` when none is rated): how far its findings can be trusted. */
  readonly confidence: ReadingLevel | 'n/a';
  /** Each rated file (requirements, bugfix, spec, tasks) with what was read from it. */
  readonly reading: readonly InventoryFileReading[];
}

export interface InventoryFileReading extends Omit<FileReading, 'headings'> {
  readonly path: string;
  readonly kind: string;
}

export function inventory(specs: readonly SpecModel[], token: CancellationToken): InventoryEntry[] {
  return specs.map((spec) => {
    throwIfCancelled(token);
    const tasks: Record<TaskStatus, number> = { open: 0, done: 0, 'in-progress': 0, queued: 0 };
    for (const t of spec.taskList) tasks[t.node.status]++;
    const stories = spec.requirementList.filter((r) => r.node.kind === 'story');
    let requirements = spec.requirementList.length - stories.length;
    let criteria = spec.criterionList.length;
    let deltas: InventoryEntry['deltas'];
    if (spec.format === 'openspec' && spec.id.startsWith('changes/')) {
      const counts = { ADDED: 0, MODIFIED: 0, REMOVED: 0, RENAMED: 0 };
      for (const f of spec.fileList) {
        const delta = f.extras?.type === 'openspec' ? f.extras.delta : undefined;
        if (!delta) continue;
        for (const e of delta.entries) {
          counts[e.op]++;
          if (e.op !== 'REMOVED') {
            requirements++;
            criteria += e.block.scenarios.filter((s) => s.hasBody).length;
          }
        }
        counts.RENAMED += delta.renamed.length;
      }
      deltas = counts;
    }
    return {
      spec: spec.id,
      dir: spec.dir,
      format: spec.format,
      kind: kindOf(spec),
      archived: !!spec.archived,
      files: spec.fileList.length,
      requirements,
      criteria,
      stories: stories.length,
      tasks,
      refs: spec.refs.length,
      ...(deltas ? { deltas } : {}),
      confidence: specReading(spec),
      reading: spec.fileList.flatMap((f) => (f.reading ? [{ path: f.path, kind: f.kind, ...withoutHeadings(f.reading) }] : [])),
    };
  });
}

function kindOf(spec: SpecModel): string {
  if (spec.format === 'kiro') return spec.id === 'steering' || spec.id === 'hooks' ? spec.id : spec.files.bugfix ? 'bugfix' : 'feature';
  if (spec.format === 'speckit') return spec.files.constitution ? 'constitution' : 'feature';
  if (spec.files.project) return 'project';
  return spec.id.startsWith('changes/') ? 'change' : 'capability';
}

function withoutHeadings(reading: FileReading): Omit<FileReading, 'headings'> {
  const { headings: _headings, ...rest } = reading;
  return rest;
}
