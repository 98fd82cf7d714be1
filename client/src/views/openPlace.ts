// @spec specthread-core#20.2
import * as vscode from 'vscode';
import type { OverviewPlace } from '../../../shared/specsViewProtocol';

/** Opens a file at a line (counted from 0) with the line at the centre, as the views' rows and cells do. */
export async function openPlace(place: OverviewPlace, column: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<void> {
  const position = new vscode.Position(place.line, 0);
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(place.path), {
    selection: new vscode.Range(position, position),
    viewColumn: column,
    preview: true,
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
}
