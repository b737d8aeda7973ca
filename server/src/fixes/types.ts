import type { YamlFile } from '../model/yamlFile';
import type { AnalysisEnv } from '../service/env';
import type { Finding } from '../service/finding';
import type { Settings } from '../service/settings';
import type { DocumentEditor, Edit } from './edits';
import type { FindingScope } from './scope';

/** Everything a fix is rebuilt from: the current parse, the finding found again in it, and an editor for its document. */
export interface FixInput {
  file: YamlFile;
  finding: Finding;
  scope: FindingScope;
  editor: DocumentEditor;
  env: AnalysisEnv;
  settings: Settings;
}

/** Builds a fix's edits, or undefined when the structure does not allow a safe edit. */
export type FixBuilder = (input: FixInput) => Edit[] | undefined;
