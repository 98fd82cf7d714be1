import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenDocuments } from '../../server/src/lsp/link';

/**
 * The editor's open documents, as a test drives them into a Session without an LSP connection:
 * `open` makes version 1, `change` and `set` bump the version, as `didOpen`/`didChange` would.
 */
export class FakeDocuments implements OpenDocuments {
  private readonly docs = new Map<string, TextDocument>();
  get(u: string): TextDocument | undefined {
    return this.docs.get(u);
  }
  all(): TextDocument[] {
    return [...this.docs.values()];
  }
  open(u: string, text: string): void {
    this.docs.set(u, TextDocument.create(u, 'markdown', 1, text));
  }
  change(u: string, text: string): void {
    const doc = this.docs.get(u)!;
    this.docs.set(u, TextDocument.create(u, 'markdown', doc.version + 1, text));
  }
  /** Opens the document, or changes it when it is open. */
  set(u: string, text: string): void {
    this.docs.set(u, TextDocument.create(u, 'markdown', (this.docs.get(u)?.version ?? 0) + 1, text));
  }
}
