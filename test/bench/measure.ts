/**
 * The server measurements. Each function drives a real server process and returns
 * plain numbers (milliseconds unless the name says otherwise); bench.ts prints them.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { EditTarget, GeneratedWorkspace, Rng } from './generate';
import { ClientProfile, DiagnosticsEvent, LspClient, toUri } from './lspClient';

// ---------------------------------------------------------------------------------------------
// Statistics

export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly median: number;
  readonly mean: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentile: the smallest sample with at least p% of samples at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function median(samples: readonly number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    min: s[0] ?? NaN,
    median: median(s),
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
    p90: percentile(s, 90),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Server start-up

export interface StartupResult {
  readonly profile: ClientProfile;
  /** Sending `initialize` (right after spawn, so process boot counts) → its response. */
  readonly initializeMs: number;
  /** Sending `initialize` → the first publishDiagnostics for the tasks.md opened after `initialized`. */
  readonly firstDiagnosticsMs: number;
  /** … → the first publish for that file whose diagnostics equal the ones it has once indexing is done. */
  readonly firstCompleteDiagnosticsMs: number;
  /** How many publishes the file got before a complete one (0 when the first was complete). */
  readonly incompletePublishes: number;
  readonly firstDiagnosticsCount: number;
  readonly finalDiagnosticsCount: number;
  readonly expectedDiagnosticsCount: number;
  /** Sending `initialize` → `specthread/indexed`. */
  readonly indexedMs: number;
  /** `millis` as the server reports it in `specthread/indexed` (from the start of indexing). */
  readonly serverIndexMillis: number;
  readonly indexedSpecs: number;
  readonly indexedFiles: number;
  readonly indexedFindings: number;
  /** publishDiagnostics messages received up to `specthread/indexed`. */
  readonly publishes: number;
  /** Server CPU time (user + system) from spawn to `specthread/indexed`, boot included. */
  readonly serverCpuMs: number | undefined;
  /**
   * Server memory once its models exist: after the requests sent at indexed are answered (on a
   * warm start indexed comes from the stored state, before the specs are read again, so memory
   * at indexed would be lower for a wrong reason).
   */
  readonly memoryKiB: { rss: number; peak: number } | undefined;
  /** Sending `initialize` → the answers to the requests sent as soon as indexed arrived. */
  readonly answeredMs: number;
  /** Server CPU time from spawn to those answers. */
  readonly answeredCpuMs: number | undefined;
  /** Those answers (workspace symbols, a hover and a definition in the probe's tasks.md), to compare warm with cold. */
  readonly answers: string;
}

/**
 * What an editor asks right after indexed: workspace symbols of the probe spec, and a hover and a
 * definition on the first requirement reference of its tasks.md. Returned as one JSON string.
 */
async function askAfterIndexed(client: LspClient, ws: GeneratedWorkspace, probeText: string): Promise<string> {
  const uri = toUri(ws.probe.tasksPath);
  const lines = probeText.split('\n');
  const line = lines.findIndex((l) => l.includes('_Requirements:'));
  const at = { textDocument: { uri }, position: { line: Math.max(0, line), character: line < 0 ? 0 : lines[line].indexOf(':') + 3 } };
  const answers = await Promise.all([
    client.connection.sendRequest('workspace/symbol', { query: ws.probe.id }),
    client.connection.sendRequest('textDocument/hover', at),
    client.connection.sendRequest('textDocument/definition', at),
  ]);
  return JSON.stringify(answers);
}

function diagnosticsKey(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => [d.range, d.code, d.severity, d.message]));
}

/**
 * Spawns the server and goes through the start-up a user sees: initialize, initialized, and at
 * once didOpen of one tasks.md deep in the workspace. Returns the running client for the
 * measurements that follow.
 */
export async function measureStartup(
  serverJs: string,
  ws: GeneratedWorkspace,
  profile: ClientProfile,
  timeoutMs: number,
  nodeArgs: readonly string[] = [],
  settings: Record<string, unknown> = {},
): Promise<{ client: LspClient; result: StartupResult }> {
  const probeUri = toUri(ws.probe.tasksPath);
  const probeText = fs.readFileSync(ws.probe.tasksPath, 'utf8');

  const client = LspClient.spawn(serverJs, timeoutMs, nodeArgs, settings);
  client.record(probeUri);
  const t0 = performance.now();
  const init = client.initialize(ws.root, profile);
  const indexed = client.whenIndexed();
  await init;
  const tInit = performance.now();
  await client.initialized();
  await client.open(probeUri, probeText);
  const done = await indexed;
  const cpuAtIndexed = client.cpuMs();
  const answers = await askAfterIndexed(client, ws, probeText);
  const answeredAt = performance.now();

  const events = client.recorded.get(probeUri)!.filter((e) => e.at <= done.at);
  if (events.length === 0) throw new Error(`no diagnostics were published for ${ws.probe.tasksPath} before ${'specthread/indexed'}`);
  const finalKey = diagnosticsKey(events[events.length - 1].diagnostics);
  const completeAt = events.findIndex((e) => diagnosticsKey(e.diagnostics) === finalKey);
  return {
    client,
    result: {
      profile,
      initializeMs: tInit - t0,
      firstDiagnosticsMs: events[0].at - t0,
      firstCompleteDiagnosticsMs: events[completeAt].at - t0,
      incompletePublishes: completeAt,
      firstDiagnosticsCount: events[0].diagnostics.length,
      finalDiagnosticsCount: events[events.length - 1].diagnostics.length,
      expectedDiagnosticsCount: ws.probe.tasksFindings,
      indexedMs: done.at - t0,
      serverIndexMillis: done.params.millis,
      indexedSpecs: done.params.specs,
      indexedFiles: done.params.files,
      indexedFindings: done.params.findings,
      publishes: client.publishCount,
      serverCpuMs: cpuAtIndexed,
      memoryKiB: client.memoryKiB(),
      answeredMs: answeredAt - t0,
      answeredCpuMs: client.cpuMs(),
      answers,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Edit latency in the large requirements.md

export type SyncMode = 'incremental' | 'full';

/** The client's copy of the open large requirements.md. */
export class OpenDocument {
  readonly lines: string[];
  version = 1;

  constructor(
    readonly uri: string,
    text: string,
  ) {
    this.lines = text.split('\n');
  }

  /** Replaces one line and returns the change event to send for it. */
  replaceLine(line: number, text: string, sync: SyncMode): TextDocumentContentChangeEvent {
    const old = this.lines[line];
    this.lines[line] = text;
    this.version++;
    if (sync === 'full') return { text: this.lines.join('\n') };
    return { range: { start: { line, character: 0 }, end: { line, character: old.length } }, text };
  }
}

/**
 * Opens the large requirements.md. Its text equals the disk text the server already indexed, so
 * the server has nothing new to publish; nothing is awaited but the write.
 */
export async function openLarge(client: LspClient, ws: GeneratedWorkspace): Promise<OpenDocument> {
  const doc = new OpenDocument(toUri(ws.large.requirementsPath), fs.readFileSync(ws.large.requirementsPath, 'utf8'));
  client.record(doc.uri);
  await client.open(doc.uri, doc.lines.join('\n'));
  return doc;
}

/**
 * Edits come in pairs on one criterion line: the first rewrites its text and renumbers it to a
 * number past the end (`2.` → `15.`), which adds a numbering-gap warning; the second restores
 * the number with new text, which removes it. So every edit changes the file's diagnostics, and
 * the publish that reflects an edit can be recognised, not just assumed to be the next one.
 */
function editFor(
  ws: GeneratedWorkspace,
  target: EditTarget,
  revision: number,
  gap: boolean,
): { text: string; reflects: (d: readonly Diagnostic[]) => boolean } {
  const bogus = ws.large.criteriaPerRequirement + 5;
  const id = new RegExp(String.raw`(?<![\d.])${target.requirementId}\.${bogus}(?![\d])`);
  const hasGap = (d: readonly Diagnostic[]) =>
    d.some((x) => x.code === 'structure.numbering-gap' && id.test(typeof x.message === 'string' ? x.message : x.message.value));
  return gap
    ? { text: `${bogus}. ${target.text} (revision ${revision})`, reflects: hasGap }
    : { text: `${target.marker} ${target.text} (revision ${revision})`, reflects: (d) => !hasGap(d) };
}

export interface EditResult {
  readonly sync: SyncMode;
  readonly edits: number;
  readonly ms: Summary;
  readonly samples: readonly number[];
  /** Publishes for the file that arrived after an edit but did not reflect it (should be 0). */
  readonly stalePublishes: number;
  /** Server CPU time per edit, averaged over all edits. */
  readonly serverCpuMsPerEdit: number | undefined;
}

/** Deterministic order in which requirements are edited, spread over the whole file. */
function editOrder(ws: GeneratedWorkspace, seed: number): EditTarget[] {
  const order = [...ws.large.targets];
  const rng = new Rng(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Sends `edits` didChange notifications one at a time; each waits for the publish that reflects it. */
export async function measureEdits(
  client: LspClient,
  ws: GeneratedWorkspace,
  doc: OpenDocument,
  edits: number,
  sync: SyncMode,
  seed: number,
): Promise<EditResult> {
  const order = editOrder(ws, seed);
  const samples: number[] = [];
  let stale = 0;
  const cpuBefore = client.cpuMs();
  for (let i = 0; i < edits; i++) {
    const target = order[(i >> 1) % order.length];
    const edit = editFor(ws, target, i, i % 2 === 0);
    const change = doc.replaceLine(target.line, edit.text, sync);
    const before = client.recorded.get(doc.uri)!.length;
    const reflected = client.nextDiagnostics(doc.uri, edit.reflects, `the diagnostics of edit ${i + 1} (${sync})`);
    const t0 = performance.now();
    await client.change(doc.uri, doc.version, [change]);
    const event: DiagnosticsEvent = await reflected;
    samples.push(event.at - t0);
    stale += client.recorded.get(doc.uri)!.length - before - 1;
  }
  const cpuAfter = client.cpuMs();
  const serverCpuMsPerEdit = cpuBefore !== undefined && cpuAfter !== undefined && edits > 0 ? (cpuAfter - cpuBefore) / edits : undefined;
  return { sync, edits, ms: summarize(samples), samples, stalePublishes: stale, serverCpuMsPerEdit };
}

export interface BurstResult {
  readonly bursts: number;
  readonly size: number;
  /** First didChange of a burst → the publish that reflects its last edit. */
  readonly ms: Summary;
  /** Publishes for the file per burst; 1 means the burst was coalesced into one analysis. */
  readonly publishesPerBurst: Summary;
  /** Server CPU time per burst (from the first didChange to the reflecting publish), averaged. */
  readonly serverCpuMsPerBurst: number | undefined;
}

/**
 * Typing: `size` didChange notifications written back to back (as fast keystrokes arrive), the
 * last of which adds a numbering gap. Measures the time to the publish that reflects the last
 * edit and counts how many publishes (one per re-analysis) the burst caused.
 */
export async function measureBursts(
  client: LspClient,
  ws: GeneratedWorkspace,
  doc: OpenDocument,
  bursts: number,
  size: number,
  sync: SyncMode,
  seed: number,
): Promise<BurstResult> {
  const order = editOrder(ws, seed + 1);
  const latencies: number[] = [];
  const publishes: number[] = [];
  let cpu: number | undefined = 0;
  let revision = 0;
  for (let b = 0; b < bursts; b++) {
    const gapTarget = order[(b * size) % order.length];
    const changes: { version: number; change: TextDocumentContentChangeEvent }[] = [];
    for (let k = 0; k < size - 1; k++) {
      // Plain text edits on other criteria: they change no diagnostics.
      const t = order[(b * size + k + 1) % order.length];
      changes.push({ change: doc.replaceLine(t.line, `${t.marker} ${t.text} (revision ${++revision})`, sync), version: doc.version });
    }
    const gap = editFor(ws, gapTarget, ++revision, true);
    changes.push({ change: doc.replaceLine(gapTarget.line, gap.text, sync), version: doc.version });

    const before = client.recorded.get(doc.uri)!.length;
    const reflected = client.nextDiagnostics(doc.uri, gap.reflects, `the diagnostics of burst ${b + 1}`);
    const cpuBefore = client.cpuMs();
    const t0 = performance.now();
    await Promise.all(changes.map((c) => client.change(doc.uri, c.version, [c.change])));
    const event = await reflected;
    latencies.push(event.at - t0);
    const cpuAfter = client.cpuMs();
    cpu = cpu !== undefined && cpuBefore !== undefined && cpuAfter !== undefined ? cpu + cpuAfter - cpuBefore : undefined;
    publishes.push(client.recorded.get(doc.uri)!.length - before);

    // Restore the number (untimed) so the next burst starts from a clean file.
    const undo = editFor(ws, gapTarget, ++revision, false);
    const undoChange = doc.replaceLine(gapTarget.line, undo.text, sync);
    const restored = client.nextDiagnostics(doc.uri, undo.reflects, `the undo of burst ${b + 1}`);
    await client.change(doc.uri, doc.version, [undoChange]);
    await restored;
  }
  return {
    bursts,
    size,
    ms: summarize(latencies),
    publishesPerBurst: summarize(publishes),
    serverCpuMsPerBurst: cpu === undefined || bursts === 0 ? undefined : cpu / bursts,
  };
}
