// @spec specthread-core#10.2, specthread-core#15.4, specthread-core#21.1
import type { PinChange } from '../../../../../shared/traceProtocol';
import { Fix } from '../../findings';
import { PIN_STORE, renderPinStore } from '../codeFiles';
import { pinOf } from '../pin';
import { pinnedTextOf } from '../resolveRef';
import { TraceRule } from './traceRule';

/** A pinned tag whose criterion text no longer hashes to the pin: the code may implement old text. */
export const suspectTag: TraceRule = {
  meta: {
    code: 'trace.suspect',
    defaultSeverity: 'warning',
    fixable: true,
    summary: 'A pinned tag names a criterion whose text changed since the pin was taken.',
    description:
      'A tag may pin the text it was written against: `@spec user-auth#1.2@3f9a0c` (the first six hex digits of an ' +
      'FNV-1a hash of the normalised criterion text). When the criterion is reworded, the code may no longer do what ' +
      'the spec says. Review the code, then use the quick fix "Re-confirm" to update the pin. "Show what changed" shows ' +
      `the current text and, when \`${PIN_STORE}\` recorded it, the text the pin was taken from; re-confirming records ` +
      'the new text there when that file exists.',
    bad: '// @spec user-auth#1.2@3f9a0c   (criterion 1.2 was reworded since)',
    good: '// @spec user-auth#1.2@a41c07   (pin re-confirmed against the current text)',
  },
  check(ctx, report, token) {
    for (const path of [...ctx.index.paths()]) this.checkFile!(ctx, path, report, token);
  },
  checkFile(ctx, path, report) {
    for (const link of ctx.index.linksIn(path)) {
      const { tag, resolution } = link;
      if (!tag.pin || !tag.pinRange || resolution.status !== 'ok') continue;
      const now = pinnedTextOf(resolution.target);
      const current = pinOf(now);
      if (current === tag.pin) continue;
      const ref = `${tag.spec}#${tag.id}`;
      const was = ctx.files.pinnedText(tag.pin);
      const store = ctx.files.pinStoreFor(link.path);
      const reconfirm: Fix = {
        title: `Re-confirm ${ref} against its current text (pin @${current})`,
        preferred: true,
        edits: [
          { path: link.path, range: tag.pinRange, newText: `@${current}` },
          ...(store
            ? [{ path: store.path, range: { start: { line: 0, character: 0 }, end: store.end }, newText: renderPinStore(store.pins, current, now) }]
            : []),
        ],
      };
      const change: PinChange = { ref, pin: tag.pin, currentPin: current, now, was };
      const show: Fix = { title: `Show what changed in ${ref}`, edits: [], action: { kind: 'show-pin-change', change } };
      const located = resolution.target.located;
      report({
        path: link.path,
        range: tag.pinRange,
        message:
          `${ref} changed since this tag was pinned (@${tag.pin}, now @${current}). Now: "${now.split('\n')[0]}".` +
          (was !== undefined ? ` Was: "${was.split('\n')[0]}".` : ' The old text was not recorded.'),
        fixes: [reconfirm, show],
        related: [{ path: located.path, range: located.node.range, message: `current text of ${ref}` }],
      });
    }
  },
};
