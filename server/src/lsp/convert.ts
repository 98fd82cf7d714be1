import {
  Command,
  CompletionItem,
  CompletionItemKind,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DocumentSymbol,
  Location as LspLocation,
  MarkupKind,
  SymbolInformation,
  SymbolKind,
  TextEdit,
} from 'vscode-languageserver/node';
import { RuleDocLinks } from '../core/checks/ruleDocLinks';
import { FileEdit, Finding, FixAction, Severity } from '../core/findings';
import { RuleDocsCommands } from '../../../shared/ruleDocsProtocol';
import { TraceCommands } from '../../../shared/traceProtocol';
import { CompletionEntry } from '../core/queries/completion';
import { Location } from '../core/queries/locate';
import { SpecSymbol, SymbolKind as CoreSymbolKind, WorkspaceSymbol } from '../core/queries/symbols';
import { pathToUri } from '../host/paths';

/** Translations from the core's transport-neutral results to LSP shapes. Nothing else. */

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as a diagnostic; `docs` gives the rule's documentation link, shown on the code in Problems and hovers. */
export function toDiagnostic(f: Finding, docs?: RuleDocLinks): Diagnostic {
  const href = docs?.href(f.code);
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'specthread',
    message: f.message,
    relatedInformation: f.related?.map((r) => DiagnosticRelatedInformation.create({ uri: pathToUri(r.path), range: r.range }, r.message)),
  };
}

/** Core edits across files as an LSP workspace edit. */
export function toWorkspaceEdit(edits: readonly FileEdit[]): { changes: Record<string, TextEdit[]> } {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) (changes[pathToUri(e.path)] ??= []).push({ range: e.range, newText: e.newText });
  return { changes };
}

/** A fix's action (data in the core) as the client command that shows it; undefined when it has nothing to show. */
export function toCommand(title: string, action: FixAction, docs?: RuleDocLinks): Command | undefined {
  switch (action.kind) {
    case 'show-pin-change':
      return { title, command: TraceCommands.showPinChange, arguments: [action.change] };
    case 'show-rule-docs': {
      const href = docs?.href(action.code);
      return href ? { title, command: RuleDocsCommands.show, arguments: [action.code, href] } : undefined;
    }
  }
}

export function toLocation(l: Location): LspLocation {
  return { uri: pathToUri(l.path), range: l.range };
}

const SYMBOL_KIND: Record<CoreSymbolKind, SymbolKind> = {
  requirement: SymbolKind.Class,
  criterion: SymbolKind.Field,
  task: SymbolKind.Event,
  heading: SymbolKind.String,
};

export function toDocumentSymbol(s: SpecSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

export function toSymbolInformation(s: WorkspaceSymbol): SymbolInformation {
  return { name: s.name, kind: SYMBOL_KIND[s.kind], containerName: s.container, location: { uri: pathToUri(s.path), range: s.range } };
}

export function toCompletionItem(e: CompletionEntry): CompletionItem {
  return {
    label: e.label,
    kind: e.kind === 'criterion' ? CompletionItemKind.EnumMember : CompletionItemKind.Class,
    detail: e.detail,
    documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
    sortText: e.sortText,
    filterText: e.filterText ?? e.label,
    textEdit: { range: e.range, newText: e.label },
  };
}
