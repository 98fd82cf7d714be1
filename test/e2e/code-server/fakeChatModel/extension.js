'use strict';
// @spec specthread-core#19.5
// A chat model for the end-to-end test of Draft Spec from Code's language-model pass, loaded beside
// SpecThread as a development extension. Its answers are deterministic: the first criterion of a
// prompt comes back reworded ("SHALL respond" becomes "SHALL answer the request"), every other one
// is left out, as a model that drops an id would; SpecThread must keep the first and reject the rest.
const vscode = require('vscode');

const MODEL = {
  id: 'fake-rewriter',
  name: 'Fake Rewriter',
  family: 'fake',
  version: '1',
  maxInputTokens: 100000,
  maxOutputTokens: 100000,
  capabilities: {},
};

/** The text of a request's messages (text parts only). */
function promptOf(messages) {
  return messages
    .flatMap((m) => (Array.isArray(m.content) ? m.content : [m.content]))
    .map((part) => (typeof part === 'string' ? part : typeof part.value === 'string' ? part.value : ''))
    .join('\n');
}

/** The answer described above, built from the criteria lines after "Criteria:". */
function answerOf(prompt) {
  const criteria = prompt.slice(prompt.indexOf('\nCriteria:\n')).split('\n');
  const out = [];
  let first = true;
  let keeping = false;
  for (const line of criteria) {
    const m = /^(\d+\.\d+): (.*)$/.exec(line);
    if (m) {
      keeping = first;
      if (first) out.push(`${m[1]}: ${m[2].replace('SHALL respond', 'SHALL answer the request')}`);
      first = false;
    } else if (keeping && /^\s+Verified by:/.test(line)) out.push(line);
  }
  return out.join('\n');
}

function activate(context) {
  context.subscriptions.push(
    vscode.lm.registerLanguageModelChatProvider('specthread-e2e', {
      provideLanguageModelChatInformation: () => [MODEL],
      provideLanguageModelChatResponse: async (_model, messages, _options, progress) => {
        progress.report(new vscode.LanguageModelTextPart(answerOf(promptOf(messages))));
      },
      provideTokenCount: async (_model, text) => Math.ceil((typeof text === 'string' ? text : promptOf([text])).length / 4),
    }),
  );
}

module.exports = { activate, answerOf };
