import type { Connection } from 'vscode-languageserver';
import { configHover } from '../config/configEditing';
import { hover } from '../hover/hover';
import type { EditingDeps } from './completion';
import { SettingsProvider } from './settingsProvider';

/** Serves `textDocument/hover`: `.kws.yaml` keys and rule ids, and manifest fields and values everywhere else. */
export function registerHover(connection: Connection, deps: EditingDeps): void {
  connection.onHover(async (params, token) => {
    const doc = deps.documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return null;
    let result;
    if (SettingsProvider.isConfigFile(doc.uri)) result = configHover(doc.getText(), params.position, deps.locale());
    else {
      const { file, settings } = await deps.model(doc);
      result = hover(file, params.position, settings, { index: deps.index(), uri: doc.uri });
    }
    return result ? { contents: { kind: 'markdown', value: result.markdown }, range: result.range } : null;
  });
}
