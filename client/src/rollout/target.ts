import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkloadStudioProtocol as P } from '../../../server/src/protocol';

/** Where a command was invoked: a document and a position in it. */
export interface Place {
  uri: vscode.Uri;
  position: vscode.Position;
}

/**
 * The place a command acts on: `(uri, position)` when a CodeLens or a test passes them, else the
 * active editor's cursor (also when a menu passes only the document's URI).
 */
export function placeOf(args: unknown[]): Place | undefined {
  const [uri, position] = args;
  if (uri instanceof vscode.Uri && position instanceof vscode.Position) return { uri, position };
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  if (uri instanceof vscode.Uri && uri.toString() !== editor.document.uri.toString()) return { uri, position: new vscode.Position(0, 0) };
  return { uri: editor.document.uri, position: editor.selection.active };
}

/** Asks the language server which resource is at a place (the client never parses YAML). */
export async function resourceAtPlace(client: LanguageClient, place: Place): Promise<P.ResourceAtResult> {
  const params: P.ResourceAtParams = { textDocument: { uri: place.uri.toString() }, position: { line: place.position.line, character: place.position.character } };
  return client.sendRequest<P.ResourceAtResult>(P.resourceAt, params);
}

/** Asks the language server for every resource of a document, with its range. */
export async function documentResources(client: LanguageClient, uri: vscode.Uri): Promise<P.DocumentResourcesResult> {
  const params: P.DocumentResourcesParams = { textDocument: { uri: uri.toString() } };
  return client.sendRequest<P.DocumentResourcesResult>(P.documentResources, params);
}
