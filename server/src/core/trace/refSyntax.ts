// @spec specthread-core#8.1, specthread-core#15.4
/**
 * The textual shape of a ref, `<spec>#<local-id>`, with an optional pin `@<6 hex>` in tags. Spec
 * names may contain `/` (OpenSpec capability paths) and ids letters, digits, `.`, `-`, `_` and `/`
 * (`1.2`, `FR-003`, `US1.2`, `req-slug/scenario-slug`), so every format's ids parse here.
 *
 * The global and sticky patterns below are templates: `exec` moves a regex's `lastIndex`, so a
 * module-level regex run directly would be state shared by every caller. Each call runs its own
 * copy (`new RegExp(template)`, which reuses the compiled pattern).
 */

const NAME = String.raw`[A-Za-z0-9_][\w.-]*(?:\/[\w.-]+)*`;
const ID = String.raw`[A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)*`;

/** A ref at the current position: spec, id and an optional pin. */
const REF_AT = new RegExp(String.raw`(${NAME})#(${ID})(?:@([0-9a-fA-F]{6})(?![0-9a-zA-Z]))?`, 'y');

/** A bare ref anywhere (test titles): not glued to a preceding word, path or tag. */
const BARE_REF = new RegExp(String.raw`(?<![\w.\/#@-])(${NAME})#(${ID})`, 'g');

/** The tag keyword, followed by optional `:` and blanks. */
const TAG_KEYWORD = /@spec\b[ \t]*:?[ \t]*/g;

/** Between refs of one tag: a comma, or blanks before another ref. */
const REF_SEPARATOR = /[ \t]*,[ \t]*|[ \t]+(?=[A-Za-z0-9_][\w./-]*#)/y;

export interface RefMatch {
  readonly spec: string;
  readonly id: string;
  readonly pin?: string;
  /** Offsets within the scanned text. */
  readonly start: number;
  readonly specEnd: number;
  readonly idStart: number;
  readonly idEnd: number;
  readonly pinStart?: number;
  readonly end: number;
}

/** Trailing `.`, `-` or `/` belong to the sentence, not the id (`see a#1.2.`). */
function trimId(id: string): string {
  // `(?<!x)x+$` starts only at the start of a run: a bare `x+$` retries inside a long run, quadratic.
  return id.replace(/(?<![.\-/])[.\-/]+$/, '');
}

export function matchRefAt(text: string, at: number): RefMatch | undefined {
  return matchRefWith(new RegExp(REF_AT), text, at);
}

/** matchRefAt with the caller's copy of REF_AT, so a loop over many refs copies it once. */
function matchRefWith(refAt: RegExp, text: string, at: number): RefMatch | undefined {
  refAt.lastIndex = at;
  const m = refAt.exec(text);
  if (!m) return undefined;
  const spec = m[1]!;
  const id = trimId(m[2]!);
  if (!id) return undefined;
  const idStart = at + spec.length + 1;
  const idEnd = idStart + id.length;
  const pin = m[3];
  const pinned = pin !== undefined && id === m[2];
  return {
    spec,
    id,
    pin: pinned ? pin.toLowerCase() : undefined,
    start: at,
    specEnd: at + spec.length,
    idStart,
    idEnd,
    pinStart: pinned ? idEnd : undefined,
    end: pinned ? idEnd + 7 : idEnd,
  };
}

/** Every ref of every `@spec` tag in `text[from, to)`. */
export function findTags(text: string, from: number, to: number): RefMatch[] {
  const out: RefMatch[] = [];
  const slice = text.slice(from, to);
  const keyword = new RegExp(TAG_KEYWORD);
  const separator = new RegExp(REF_SEPARATOR);
  const refAt = new RegExp(REF_AT);
  for (let k = keyword.exec(slice); k; k = keyword.exec(slice)) {
    let at = k.index + k[0].length;
    for (;;) {
      const ref = matchRefWith(refAt, slice, at);
      if (!ref) break;
      out.push(shift(ref, from));
      separator.lastIndex = ref.end;
      if (!separator.exec(slice)) break;
      at = separator.lastIndex;
    }
    keyword.lastIndex = Math.max(keyword.lastIndex, at);
  }
  return out;
}

/** Bare refs in `text[from, to)` that are not part of an `@spec` tag. */
export function findBareRefs(text: string, from: number, to: number): RefMatch[] {
  const out: RefMatch[] = [];
  const slice = text.slice(from, to);
  const bare = new RegExp(BARE_REF);
  const refAt = new RegExp(REF_AT);
  for (let m = bare.exec(slice); m; m = bare.exec(slice)) {
    if (/@spec\b[\s:,\w./#@-]*$/.test(slice.slice(Math.max(0, m.index - 200), m.index))) continue;
    const ref = matchRefWith(refAt, slice, m.index);
    if (ref) out.push(shift({ ...ref, pin: undefined, pinStart: undefined, end: ref.idEnd }, from));
  }
  return out;
}

function shift(r: RefMatch, by: number): RefMatch {
  return {
    ...r,
    start: r.start + by,
    specEnd: r.specEnd + by,
    idStart: r.idStart + by,
    idEnd: r.idEnd + by,
    pinStart: r.pinStart === undefined ? undefined : r.pinStart + by,
    end: r.end + by,
  };
}

/** Formats a ref as written in tags. */
export function formatRef(spec: string, id: string, pin?: string): string {
  return `${spec}#${id}${pin ? `@${pin}` : ''}`;
}
