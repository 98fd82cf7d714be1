// @spec specthread-core#18.1
import { z } from 'zod';

/**
 * The output schemas of the tools. They describe the fields agents rely on; objects stay open
 * (`looseObject`) so a field added to a core answer never breaks a running agent.
 */
const place = { path: z.string(), line: z.number().int() };
export const Place = z.looseObject(place);
export const TagPlace = z.looseObject({ ...place, ref: z.string() });
export const Task = z.looseObject({
  ...place,
  id: z.string().optional(),
  title: z.string(),
  status: z.enum(['open', 'done', 'in-progress', 'queued']),
  optional: z.boolean(),
});
export const State = z.enum(['specified', 'tasked', 'implemented', 'pending', 'verified']);
export const Summary = z.looseObject({
  criteria: z.number(),
  tasked: z.number(),
  implemented: z.number(),
  verified: z.number(),
  complete: z.number(),
  percent: z.number(),
});

export const ListSpecsOut = {
  specs: z.array(
    z.looseObject({
      spec: z.string(),
      format: z.string(),
      kind: z.string(),
      dir: z.string(),
      files: z.array(z.string()),
      requirements: z.number(),
      criteria: z.number(),
      tasks: z.record(z.string(), z.number()),
    }),
  ),
};

export const RequirementOut = {
  ref: z.string(),
  spec: z.string(),
  kind: z.enum(['requirement', 'criterion']),
  requirement: z.string(),
  title: z.string(),
  text: z.string().optional(),
  story: z.string().optional(),
  definition: Place,
  criteria: z.array(z.looseObject({ ref: z.string(), id: z.string(), text: z.string(), state: State, complete: z.boolean(), line: z.number() })),
  tasks: z.array(Task),
  code: z.array(TagPlace),
  tests: z.array(TagPlace),
};

export const TaskContextOut = {
  spec: z.string(),
  task: Task.extend({ text: z.string() }),
  subtasks: z.array(Task),
  criteria: z.array(z.looseObject({ ref: z.string(), requirement: z.string(), requirementTitle: z.string(), text: z.string(), state: State })),
  design: z.array(z.looseObject({ ...place, heading: z.string(), text: z.string(), truncated: z.boolean() })),
  files: z.array(z.looseObject({ mentioned: z.string(), path: z.string().optional() })),
  code: z.array(TagPlace),
  tests: z.array(TagPlace),
  steering: z.array(z.looseObject({ ...place, inclusion: z.string(), text: z.string(), truncated: z.boolean() })),
};

/** How many items a list answer holds at most unless the call asks for more: agents pay for every token. */
export const Limit = z.number().int().min(1).max(100000).optional();

export const ValidateOut = {
  counts: z.record(z.string(), z.number()),
  total: z.number(),
  findings: z.array(
    z.looseObject({
      path: z.string(),
      line: z.number(),
      column: z.number(),
      endLine: z.number(),
      endColumn: z.number(),
      severity: z.string(),
      code: z.string(),
      message: z.string(),
    }),
  ),
};

export const CoverageOut = {
  summary: Summary,
  totalGaps: z.number(),
  specs: z.array(z.looseObject({ spec: z.string(), traced: z.boolean(), summary: Summary })),
  gaps: z.array(z.looseObject({ ref: z.string(), text: z.string(), state: State, missing: z.array(z.enum(['implemented', 'verified'])) })),
};

export const ImpactOut = {
  files: z.array(z.looseObject({ path: z.string(), role: z.enum(['spec', 'source', 'test', 'other']), spec: z.string().optional() })),
  requirements: z.array(z.string()),
  criteria: z.array(z.string()),
  tasks: z.array(Task.extend({ spec: z.string() })),
  tests: z.array(TagPlace),
};

export const NextIdOut = { spec: z.string(), kind: z.enum(['requirement', 'criterion', 'task']), id: z.string(), ref: z.string().optional() };

export const RenameOut = { ref: z.string(), newRef: z.string(), files: z.array(z.string()), edits: z.number(), diff: z.string() };

export const ApplyRenameOut = { ...RenameOut, written: z.array(z.string()) };

export const TaskStateOut = {
  spec: z.string(),
  task: z.string(),
  from: z.string(),
  to: z.string(),
  path: z.string(),
  line: z.number(),
  written: z.boolean(),
};
