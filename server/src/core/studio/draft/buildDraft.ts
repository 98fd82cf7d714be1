// @spec specthread-core#19.2
import { ErrorPath, FileFacts, Route, TestCase } from '../facts';
import { baseName } from '../extract/nodes';
import { Draft, DraftCriterion, DraftModule, DraftRequirement } from './model';
import { moduleGraph } from './moduleGraph';

/** Text in backticks, safe for Markdown: backticks inside are dropped and the length bounded. */
export function code(text: string): string {
  const clean = text.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return `\`${clean.length > 160 ? `${clean.slice(0, 157)}...` : clean}\``;
}

/** `test_create_user_new_email` → `create user new email`; titles with spaces stay as written. */
export function humanize(title: string): string {
  const words = /\s/.test(title)
    ? title
    : title
        .replace(/^(test_?|Test)/, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/[_-]+/g, ' ');
  return words.replace(/\s+/g, ' ').trim().toLowerCase() || title;
}

export function slugOf(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'draft'
  );
}

/** Literal segments of a path (`{settings.API_V1_STR}/items/{id}` → `items`), the keys tests are found by. */
function literalSegments(path: string): string[] {
  return path
    .replace(/^[A-Z]+ /, '')
    .split('/')
    .filter((s) => s && !/[{}$:<>]/.test(s));
}

/**
 * Which tests call which route: a test's named path (`POST {API}/items/1`) calls a route when the
 * method agrees and the path ends in the route's pattern. Tests are indexed by the literal
 * segments of their paths, so each route tries only the tests that name its first segment, and
 * the work grows with the routes and tests, not their product.
 */
class RouteCallers {
  private readonly bySegment = new Map<string, TestCase[]>();
  private readonly unkeyed: TestCase[];

  constructor(tests: readonly TestCase[]) {
    for (const t of tests) {
      const keys = new Set(t.paths.flatMap(literalSegments));
      for (const k of keys) {
        const list = this.bySegment.get(k);
        if (list) list.push(t);
        else this.bySegment.set(k, [t]);
      }
    }
    this.unkeyed = [...tests];
  }

  of(route: Route): TestCase[] {
    const pattern = route.path.replace(/\/+$/, '');
    if (!pattern) return [];
    const re = new RegExp(
      `${pattern
        .split(/(\{[^}]*\}|:\w+|<[^>]*>)/)
        .map((part, i) => (i % 2 ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('')}/?$`,
    );
    const first = literalSegments(pattern)[0];
    const candidates = first === undefined ? this.unkeyed : (this.bySegment.get(first) ?? []);
    return candidates.filter((t) =>
      t.paths.some((named) => {
        const space = named.indexOf(' ');
        if (space > 0 && route.method !== 'ALL' && route.method !== 'ANY' && named.slice(0, space) !== route.method) return false;
        return re.test(named.slice(space + 1).replace(/\?.*$/, ''));
      }),
    );
  }
}

function routeCriterion(route: Route, path: string, errors: readonly ErrorPath[], routeCallers: RouteCallers): DraftCriterion[] {
  const callers = routeCallers.of(route);
  const ok = new Set([...route.statuses, ...callers.flatMap((t) => t.statuses).filter((s) => s < 300)]);
  const status = ok.size ? ` with status ${[...ok].sort().join(' or ')}` : '';
  const handler = route.handler ? ` through ${code(route.handler)}` : '';
  const verifiedBy = callers.map((t) => t.id);
  const sources = [path, ...new Set(callers.map((t) => t.id.slice(0, t.id.indexOf('::'))))];
  const out: DraftCriterion[] = [
    { text: `WHEN a client sends ${code(`${route.method} ${route.path}`)}, THE API SHALL respond${status}${handler}`, verifiedBy, sources },
  ];
  const seen = new Set<string>();
  for (const e of errors.filter((e) => e.within !== undefined && e.within === route.handler && e.status !== undefined)) {
    const key = `${e.status} ${e.message ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const expecting = callers.filter((t) => t.statuses.includes(e.status as number)).map((t) => t.id);
    out.push({
      text: `IF ${code(`${route.method} ${route.path}`)} fails${e.message ? ` with ${code(e.message)}` : ''}, THEN THE API SHALL respond with status ${e.status}`,
      verifiedBy: expecting,
      sources: [path],
    });
  }
  return out;
}

function testCriterion(subject: string, t: TestCase): DraftCriterion {
  return {
    text: `THE ${subject} SHALL behave as the test ${code(t.title)} describes: ${humanize(t.title)}`,
    verifiedBy: [t.id],
    sources: [t.id.slice(0, t.id.indexOf('::'))],
  };
}

/** The base name a test file tests: `test_users.py`, `users_test.go`, `users.test.ts` → `users`. */
function testedName(path: string): string {
  return baseName(path)
    .replace(/^test_|_test$|Tests?$/g, '')
    .toLowerCase();
}

/**
 * Builds the draft deterministically from the facts: one requirement per route file, module
 * with a public API, the command line, and configuration; tests attach to the routes they call or the module they are named
 * after, and the rest form one requirement per test file. Every public name, route, command and
 * test ends up in a criterion by name.
 */
export function buildDraft(name: string, facts: readonly FileFacts[]): Draft {
  const files = [...facts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const tests = files.flatMap((f) => f.tests);
  const callers = new RouteCallers(tests);
  const placed = new Set<string>();
  const requirements: DraftRequirement[] = [];
  const testsByName = new Map<string, TestCase[]>();
  for (const f of files.filter((f) => f.isTest && f.tests.length)) {
    const key = testedName(f.path);
    testsByName.set(key, [...(testsByName.get(key) ?? []), ...f.tests]);
  }

  for (const f of files.filter((f) => f.routes.length)) {
    const criteria = f.routes.flatMap((r) => routeCriterion(r, f.path, f.errors, callers));
    for (const c of criteria) for (const id of c.verifiedBy) placed.add(id);
    requirements.push({
      title: `HTTP routes in ${f.path}`,
      slug: `routes-${slugOf(f.module)}`,
      story: {
        role: 'client of the API',
        want: `the ${f.routes.length} routes of ${code(f.module)}`,
        benefit: 'I can call them with the documented methods, paths and statuses',
      },
      criteria,
    });
  }

  const perModule = new Map<string, number>();
  for (const f of files.filter((f) => f.symbols.length)) perModule.set(f.module, (perModule.get(f.module) ?? 0) + 1);
  for (const f of files.filter((f) => f.symbols.length)) {
    // Go packages span files: the file tells their requirements apart.
    const label = (perModule.get(f.module) ?? 0) > 1 ? `${f.module} (${f.path})` : f.module;
    const subject = `${f.module.replace(/[`]/g, '')} module`;
    const criteria: DraftCriterion[] = f.symbols.map((s) => ({
      text: `THE ${subject} SHALL provide the ${s.kind} ${code(s.name)} as ${code(s.signature || s.name)}${s.doc ? `: ${s.doc.replace(/`/g, "'")}` : ''}`,
      verifiedBy: [],
      sources: [f.path],
    }));
    const seen = new Set<string>();
    for (const e of f.errors.filter((e) => e.status === undefined || !f.routes.some((r) => r.handler === e.within))) {
      const key = `${e.name} ${e.message ?? ''} ${e.within ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const where = e.within ? `${code(e.within)} cannot complete` : 'an operation cannot complete';
      const raise =
        e.name === 'HTTP'
          ? `respond with status ${e.status}`
          : /^(errors\.New|fmt\.Errorf)$/.test(e.name)
            ? `return an error from ${code(e.name)}`
            : `raise ${code(e.name)}`;
      criteria.push({
        text: `IF ${where}, THEN THE ${subject} SHALL ${raise}${e.message ? ` with the message ${code(e.message)}` : ''}`,
        verifiedBy: [],
        sources: [f.path],
      });
    }
    for (const t of testsByName.get(baseName(f.path).toLowerCase()) ?? []) {
      if (placed.has(t.id)) continue;
      placed.add(t.id);
      criteria.push(testCriterion(subject, t));
    }
    requirements.push({
      title: `Module ${label}`,
      slug: `module-${slugOf(label)}`,
      story: { role: 'developer using this code', want: `the public API of ${code(f.module)}`, benefit: 'I can rely on its names, signatures and errors' },
      criteria,
    });
  }

  const commands = files.flatMap((f) => f.commands.map((c) => ({ c, path: f.path })));
  if (commands.length) {
    requirements.push({
      title: 'Command line',
      slug: 'command-line',
      story: { role: 'user of the command line', want: 'its commands and flags', benefit: 'I can script them' },
      criteria: commands.map(({ c, path }) => ({
        text: `WHEN a user runs the command ${code(c.name)}, THE CLI SHALL accept ${c.flags.length ? c.flags.map(code).join(', ') : 'no flags'}`,
        verifiedBy: [],
        sources: [path],
      })),
    });
  }

  const config = new Map<string, { source: string; path: string }>();
  for (const f of files) for (const k of f.config) if (!config.has(k.name)) config.set(k.name, { source: k.source, path: f.path });
  if (config.size) {
    requirements.push({
      title: 'Configuration',
      slug: 'configuration',
      story: { role: 'person deploying it', want: 'every setting the code reads', benefit: 'I can configure each deployment' },
      criteria: [...config].map(([key, v]) => ({
        text: `THE system SHALL read ${code(key)} ${v.source === 'env' ? 'from the environment' : 'as a setting'} (${code(v.path)})`,
        verifiedBy: [],
        sources: [v.path],
      })),
    });
  }

  for (const f of files.filter((f) => f.isTest && f.tests.length)) {
    const rest = f.tests.filter((t) => !placed.has(t.id));
    if (!rest.length) continue;
    const subject = 'system';
    requirements.push({
      title: `Behaviour tested in ${f.path}`,
      slug: `tests-${slugOf(f.path.replace(/\.[^.]+$/, ''))}`,
      criteria: rest.map((t) => testCriterion(subject, t)),
    });
    for (const t of rest) placed.add(t.id);
  }

  const modules: DraftModule[] = moduleGraph(files.filter((f) => !f.isTest));
  return {
    name,
    title: name.replace(/-/g, ' '),
    requirements,
    modules,
    counts: {
      files: files.length,
      publicNames: files.reduce((n, f) => n + f.symbols.length, 0),
      routes: files.reduce((n, f) => n + f.routes.length, 0),
      commands: commands.length,
      tests: tests.length,
    },
  };
}
