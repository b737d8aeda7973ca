/** What `WorkspaceConfiguration.inspect` reports for one setting (the fields this module reads). */
export interface InspectedSetting<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * The value of a setting that names a program or credentials (`kubectl.path`, `kubectl.kubeconfig`): the
 * user's own (global) value or the default, never a workspace or folder value, so a cloned repository's
 * `.vscode/settings.json` cannot choose what runs, trusted workspace or not.
 */
export function machineValue<T>(inspected: InspectedSetting<T> | undefined, fallback: T): T {
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}
