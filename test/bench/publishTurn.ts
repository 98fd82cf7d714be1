/**
 * `node --import tsx test/bench/publishTurn.ts [workspace]`: what one edit of a small spec costs the
 * language server, in-process: the session before the writer/publisher split against the current
 * one, alternating edits on the same workspace in one run. Reports CPU per edit and the spec
 * folders re-checked. The old session is not kept in the tree; copy it in first (and delete it after):
 *   git show 4367a7b:server/src/lsp/session.ts > server/src/lsp/sessionOld.ts
 * The workspace defaults to the one `npm run bench` generates (.bench/workspace).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { MemoryWorkspace } from '../../server/src/core/memoryWorkspace';
import { Guard } from '../../server/src/lsp/guard';
import { Session } from '../../server/src/lsp/session';

const root = path.resolve(process.argv[2] ?? '.bench/workspace');
const files: Record<string, string> = {};
for (const rel of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
  const full = path.join(root, rel);
  if (fs.statSync(full).isFile()) files[full] = fs.readFileSync(full, 'utf8');
}
const EDITS = Number(process.env.EDITS ?? 40);

class Docs {
  readonly map = new Map<string, TextDocument>();
  get(u: string) {
    return this.map.get(u);
  }
  all() {
    return [...this.map.values()];
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(__dirname, '..', '..', 'server', 'src', 'lsp', 'sessionOld.ts'))) {
    throw new Error('copy the old session first: git show 4367a7b:server/src/lsp/session.ts > server/src/lsp/sessionOld.ts');
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Session: OldSession } = require('../../server/src/lsp/sessionOld') as {
    Session: new (...args: unknown[]) => { startIndexing(r: () => void): Promise<void>; changed(u: string): void; flush(): void };
  };
  const spec = Object.keys(files).find((p) => p.endsWith('/002-invoicing-dashboard/tasks.md'))!;
  const uri = `file://${spec}`;
  const guard = new Guard({ logError: (m) => console.error(m), versionOf: () => undefined });
  const sent = { old: 0, new: 0 };
  const oldDocs = new Docs();
  const newDocs = new Docs();
  const fakeConnection = {
    console: { error: () => undefined, warn: () => undefined, info: () => undefined },
    sendDiagnostics: () => void sent.old++,
    sendNotification: () => undefined,
  };
  const oldSession = new OldSession(fakeConnection, oldDocs, new MemoryWorkspace([root], files), DEFAULT_SETTINGS, guard);
  const link = {
    sendDiagnostics: () => void sent.new++,
    indexed: () => undefined,
    log: { error: () => undefined, warn: () => undefined, info: () => undefined },
  };
  const newSession = new Session(link, newDocs, new MemoryWorkspace([root], files), DEFAULT_SETTINGS, guard);
  await oldSession.startIndexing(() => undefined);
  await newSession.startIndexing(() => undefined);
  newSession.takeExamined();
  sent.old = 0;
  sent.new = 0;
  const cpu = { old: 0, new: 0 };
  let text = files[spec];
  for (let i = 0; i < EDITS; i++) {
    text += `\n- [ ] ${900 + i}. Edited\n  - _Requirements: 9.${i}_\n`;
    oldDocs.map.set(uri, TextDocument.create(uri, 'markdown', i + 2, text));
    newDocs.map.set(uri, TextDocument.create(uri, 'markdown', i + 2, text));
    // Alternating which session goes first, so neither always finds the caches warm.
    const runOld = () => {
      const t = process.cpuUsage();
      oldSession.changed(uri);
      oldSession.flush();
      const d = process.cpuUsage(t);
      cpu.old += d.user + d.system;
    };
    const runNew = async () => {
      const t = process.cpuUsage();
      newSession.changed(uri);
      await newSession.read(uri, NEVER_CANCELLED);
      const d = process.cpuUsage(t);
      cpu.new += d.user + d.system;
    };
    if (i % 2) {
      runOld();
      await runNew();
    } else {
      await runNew();
      runOld();
    }
  }
  const ms = (us: number) => (us / 1000 / EDITS).toFixed(1);
  console.log(`${Object.keys(files).length} files; ${EDITS} edits of a small spec's tasks.md`);
  console.log(`old session: ${ms(cpu.old)} ms CPU per edit, ${(sent.old / EDITS).toFixed(1)} publishes per edit`);
  console.log(
    `writer:      ${ms(cpu.new)} ms CPU per edit, ${(sent.new / EDITS).toFixed(1)} publishes per edit, ${(newSession.takeExamined() / EDITS).toFixed(1)} spec folders re-checked per edit`,
  );
}

void main();
