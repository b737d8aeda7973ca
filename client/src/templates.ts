import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkloadStudioProtocol as P } from '../../server/src/protocol';
import type { ResourceAt } from '../../server/src/service/resourceAt';

/** The command id of "Insert production template…". */
export const INSERT_TEMPLATE_COMMAND = 'workloadStudio.insertTemplate';

/** One production template: a snippet of one of the extension's snippet files. */
export interface Template {
  /** The snippet file's base name (`workloads`, `autoscaling`, …), which groups the quick pick. */
  group: string;
  name: string;
  prefix: string;
  /** `English / 中文`, as in the snippet file. */
  description: string;
  /** The snippet body in VS Code snippet syntax. */
  body: string;
}

interface SnippetEntry {
  prefix: string | string[];
  description?: string;
  body: string | string[];
}

interface TemplateItem extends vscode.QuickPickItem {
  template?: Template;
}

function groupLabel(group: string): string {
  switch (group) {
    case 'workloads': return vscode.l10n.t('Workloads');
    case 'autoscaling': return vscode.l10n.t('Autoscaling');
    case 'availability': return vscode.l10n.t('Availability and scheduling');
    case 'namespaces': return vscode.l10n.t('Namespaces, quotas and access');
    case 'monitoring': return vscode.l10n.t('Monitoring');
    default: return group;
  }
}

/** The half of an `English / 中文` description that matches VS Code's display language. */
export function localDescription(description: string, language: string): string {
  const [en, zh] = description.split(' / ');
  return language.toLowerCase().startsWith('zh') && zh ? zh : en;
}

/**
 * Reads the templates from the snippet files that the extension contributes (`contributes.snippets`
 * of its package.json), in the order of the files and of the snippets in each file.
 */
export async function loadTemplates(extension: vscode.Extension<unknown>): Promise<Template[]> {
  const contributed = (extension.packageJSON?.contributes?.snippets ?? []) as { path: string }[];
  const templates: Template[] = [];
  for (const file of contributed) {
    const text = await readFile(path.join(extension.extensionPath, file.path), 'utf8');
    const group = path.basename(file.path, '.code-snippets');
    for (const [name, entry] of Object.entries(JSON.parse(text) as Record<string, SnippetEntry>)) {
      templates.push({
        group,
        name,
        prefix: Array.isArray(entry.prefix) ? entry.prefix[0] : entry.prefix,
        description: entry.description ?? '',
        body: Array.isArray(entry.body) ? entry.body.join('\n') : entry.body,
      });
    }
  }
  return templates;
}

function quickPickItems(templates: readonly Template[]): TemplateItem[] {
  const items: TemplateItem[] = [];
  for (const template of templates) {
    if (items.length === 0 || items[items.length - 1].template?.group !== template.group) {
      items.push({ label: groupLabel(template.group), kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: template.name, description: template.prefix, detail: localDescription(template.description, vscode.env.language), template });
  }
  return items;
}

const isBlank = (line: string) => line.trim() === '';
const isSeparator = (line: string) => /^---(\s|$)/.test(line);

/** Where a template goes: the line to insert at (past the end when `atEnd`), and the separators around it. */
export interface Placement {
  line: number;
  atEnd: boolean;
  before: string;
  after: string;
}

/**
 * Where a template goes in a document, from its plain lines: after the last line of the YAML document
 * under the cursor when the server named one (`documentEnd`), else on the cursor's line when that line
 * is blank, else on a new line after it; with a `---` separator before it when a document precedes it,
 * and after it when one follows.
 */
export function placement(lines: readonly string[], cursorLine: number, documentEnd?: number): Placement {
  const line = documentEnd !== undefined ? documentEnd + 1 : isBlank(lines[cursorLine] ?? '') ? cursorLine : cursorLine + 1;
  const previous = lines.slice(0, line).filter((l) => !isBlank(l)).pop();
  const next = lines.slice(line).find((l) => !isBlank(l));
  const atEnd = line >= lines.length;
  const separateNext = next !== undefined && !isSeparator(next);
  return {
    line,
    atEnd,
    before: previous !== undefined && !isSeparator(previous) ? '---\n' : '',
    after: separateNext ? (isBlank(lines[line] ?? '') ? '\n---' : '\n---\n') : '',
  };
}

/**
 * The last line of the YAML document under a position, asked of the language server (the client does
 * not parse YAML); undefined outside any resource or when the server cannot answer.
 */
async function documentEndLine(client: LanguageClient | undefined, document: vscode.TextDocument, position: vscode.Position): Promise<number | undefined> {
  if (!client) return undefined;
  try {
    const textDocument = { uri: document.uri.toString() };
    const at = await client.sendRequest<P.ResourceAtResult>(P.resourceAt, { textDocument, position: { line: position.line, character: position.character } });
    if (!at) return undefined;
    const all = await client.sendRequest<P.DocumentResourcesResult>(P.documentResources, { textDocument });
    const lastLine = (r: ResourceAt) => (r.range.end.character === 0 && r.range.end.line > r.range.start.line ? r.range.end.line - 1 : r.range.end.line);
    return Math.max(lastLine(at), ...all.filter((r) => r.document === at.document).map(lastLine));
  } catch {
    return undefined;
  }
}

/** Inserts a template into an editor at its cursor (see {@link placement}) as a snippet with tab stops. */
export async function insertTemplate(editor: vscode.TextEditor, template: Template, documentEnd?: number): Promise<boolean> {
  const document = editor.document;
  const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
  const where = placement(lines, editor.selection.active.line, documentEnd);
  const position = where.atEnd ? document.lineAt(document.lineCount - 1).range.end : new vscode.Position(where.line, 0);
  const snippet = new vscode.SnippetString(`${where.atEnd ? '\n' : ''}${where.before}${template.body}${where.after}`);
  return editor.insertSnippet(snippet, position, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}

/**
 * Runs "Insert production template…": a quick pick of the templates grouped by their snippet file,
 * or, when called with a snippet prefix (from a keybinding or a test), that template directly.
 */
async function runInsertTemplate(extension: vscode.Extension<unknown>, client: LanguageClient | undefined, prefix?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a YAML file to insert a template.'));
    return false;
  }
  let templates: Template[];
  try {
    templates = await loadTemplates(extension);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The templates could not be read: {0}', error instanceof Error ? error.message : String(error)));
    return false;
  }
  let chosen: Template | undefined;
  if (typeof prefix === 'string') {
    chosen = templates.find((t) => t.prefix === prefix);
    if (!chosen) void vscode.window.showErrorMessage(vscode.l10n.t('There is no production template {0}.', prefix));
  } else {
    const picked = await vscode.window.showQuickPick(quickPickItems(templates), {
      title: vscode.l10n.t('Insert production template'),
      placeHolder: vscode.l10n.t('Pick a template to insert at the cursor'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    chosen = picked?.template;
  }
  if (!chosen) return false;
  return insertTemplate(editor, chosen, await documentEndLine(client, editor.document, editor.selection.active));
}

/** Registers the "Insert production template…" command; `client` gives the running language client, if any. */
export function registerTemplateCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(INSERT_TEMPLATE_COMMAND, (prefix?: unknown) => runInsertTemplate(context.extension, client(), prefix));
}
