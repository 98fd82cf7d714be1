// @spec specthread-core#19.5
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as vscode from 'vscode';
import { askModel, ChatModel } from '../../client/src/commands/modelRewording';
import { DraftRewordPlan, DraftSpecRequest, DraftSpecResult, RenderDraftRequest, RenderDraftResult } from '../../shared/studioProtocol';
import { TestClient, uriOf } from '../helpers/lspClient';

const FILES: Record<string, string> = {
  'api/server.go': 'package api\n\n// Serve serves.\nfunc Serve(r *mux.Router) { r.HandleFunc("/items", list).Methods("GET") }\n',
  'api/server_test.go': 'package api\n\nfunc TestServe(t *testing.T) { get("/items") }\n',
};

/** A model's answer for every criterion of a batch: `reword` maps an id and its text to the answer line (undefined drops it). */
function answerFor(prompt: string, reword: (id: string, text: string) => string | undefined): string {
  const lines: string[] = [];
  for (const line of prompt.slice(prompt.indexOf('\nCriteria:\n')).split('\n')) {
    const m = /^(\d+\.\d+): (.*)$/.exec(line);
    if (m) {
      const text = reword(m[1]!, m[2]!);
      if (text !== undefined) lines.push(`${m[1]}: ${text}`);
    } else if (/^ {3}Verified by:/.test(line) && lines.length) lines.push(line);
  }
  return lines.join('\n');
}

describe('specthread/draftSpec and specthread/renderDraft: the language-model pass over LSP', function () {
  this.timeout(60_000);
  let root: string;
  let client: TestClient;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-reword-lsp-')));
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    client = await TestClient.start({ root });
    await client.waitForIndexed();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('plans prompts of criteria only, and renders the accepted rewrite while keeping the wording of the one that drops its id', async () => {
    const params = { folder: uriOf(root), format: 'kiro' as const, name: 'items', reword: true };
    const draft = (await client.connection.sendRequest(DraftSpecRequest, params)) as DraftSpecResult;
    const plan = draft.reword;
    assert.ok(plan && plan.batches.length === 1, 'one batch for a small draft');
    const prompt = plan.batches[0]!.prompt;
    assert.ok(!prompt.includes('package api') && !prompt.includes('HandleFunc'), 'the prompt holds no code');
    assert.match(prompt, /\n1\.1: WHEN a client sends `GET \/items`, THE API SHALL respond through `list`\n {3}Verified by: `api\/server_test\.go::TestServe`/);
    const ids = plan.batches[0]!.ids;
    assert.ok(ids.length >= 2, `at least two criteria: ${ids.join(', ')}`);

    const good = 'WHEN a client sends `GET /items`, THE API SHALL list the items through `list`';
    const answer = answerFor(prompt, (id, text) => (id === '1.1' ? good : id === ids[1] ? undefined : text));
    const rendered = (await client.connection.sendRequest(RenderDraftRequest, { ...params, key: plan.key, answers: [answer] })) as RenderDraftResult;
    assert.strictEqual(rendered.reworded.reworded, 1);
    assert.strictEqual(rendered.reworded.unchanged, ids.length - 2);
    assert.deepStrictEqual(rendered.reworded.rejected, [
      { id: ids[1], ref: `items#${ids[1]}`, reason: `the answer has no criterion ${ids[1]} (its id was dropped or changed)` },
    ]);
    const before = draft.files[0]!.text;
    const after = rendered.files[0]!.text;
    assert.match(
      after,
      /\n1\. WHEN a client sends `GET \/items`, THE API SHALL list the items through `list`\n {3}Verified by: `api\/server_test\.go::TestServe`\n/,
    );
    const untouched = (text: string) => text.split('\n').filter((l) => !l.startsWith('1. WHEN a client sends'));
    assert.deepStrictEqual(untouched(after), untouched(before), 'every other line is the deterministic draft');
    assert.ok(!fs.existsSync(path.join(root, '.kiro')), 'the server writes nothing');
  });

  it('refuses answers to a plan whose key does not match the draft', async () => {
    const params = { folder: uriOf(root), format: 'kiro', key: '0-0', answers: [null] };
    await assert.rejects(client.connection.sendRequest(RenderDraftRequest, params), /the code changed since the draft was made/);
  });
});

describe('the client sends each planned prompt to the chat model and collects the answers', () => {
  const plan: DraftRewordPlan = {
    key: 'k',
    batches: [
      { ids: ['1.1'], prompt: 'first' },
      { ids: ['2.1'], prompt: 'second' },
    ],
  };
  const message = (text: string) => ({ text }) as unknown as vscode.LanguageModelChatMessage;
  const token = (cancelled = () => false) =>
    ({
      get isCancellationRequested() {
        return cancelled();
      },
    }) as vscode.CancellationToken;
  const stream = (...parts: string[]) => ({
    text: (async function* () {
      yield* parts;
    })(),
  });

  it('answers every batch in order, joining the streamed parts', async () => {
    const seen: string[] = [];
    const model: ChatModel = {
      name: 'fake',
      sendRequest: async (messages) => {
        const text = (messages[0] as unknown as { text: string }).text;
        seen.push(text);
        return stream(`${text} `, 'answer');
      },
    };
    const progress: string[] = [];
    const result = await askModel(plan, model, message, token(), (done, total) => progress.push(`${done}/${total}`));
    assert.deepStrictEqual(result, { answers: ['first answer', 'second answer'], ended: 'done', errors: [] });
    assert.deepStrictEqual(seen, ['first', 'second']);
    assert.deepStrictEqual(progress, ['1/2', '2/2']);
  });

  it('stops when the user cancels, and when consent is refused; a failed batch is left unanswered', async () => {
    let cancelled = false;
    const cancelling: ChatModel = {
      name: 'fake',
      sendRequest: async () => {
        cancelled = true;
        return stream('late');
      },
    };
    assert.deepStrictEqual(
      await askModel(
        plan,
        cancelling,
        message,
        token(() => cancelled),
      ),
      { answers: [null, null], ended: 'cancelled', errors: [] },
    );

    const refusing: ChatModel = {
      name: 'fake',
      sendRequest: async () => {
        throw Object.assign(new Error('the user declined'), { code: 'NoPermissions' });
      },
    };
    const refused = await askModel(plan, refusing, message, token());
    assert.strictEqual(refused.ended, 'refused');
    assert.deepStrictEqual(refused.errors, ['NoPermissions: the user declined']);

    let calls = 0;
    const flaky: ChatModel = {
      name: 'fake',
      sendRequest: async () => {
        if (calls++ === 0) throw new Error('rate limited');
        return stream('ok');
      },
    };
    assert.deepStrictEqual(await askModel(plan, flaky, message, token()), {
      answers: [null, 'ok'],
      ended: 'done',
      errors: ['batch 1 (1.1…1.1): rate limited'],
    });
  });
});
