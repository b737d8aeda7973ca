import type { Severity } from '../model/types';
import type { Localized } from '../service/messages';

/** Groups rules in docs, settings and the CLI's listing. */
export type RuleCategory = 'yaml' | 'schema' | 'version' | 'api' | 'probes' | 'resources' | 'availability' | 'security' | 'jobs' | 'variables' | 'cross';

/**
 * A rule as data: the registry holds one per id and is the single source of truth for the server,
 * the CLI, settings and docs. Later rules add a `check` over resources; the `yaml` rules are raised by
 * the document model itself.
 */
export interface RuleDefinition {
  /** Stable id; a contract with docs, fixes, settings and CI users. */
  id: string;
  category: RuleCategory;
  title: Localized;
  /** Message templates by variant; `default` is required. */
  messages: { default: Localized } & Record<string, Localized>;
  /** Severity when the user configured none. */
  severity: Severity;
  /** Ids of the fixes this rule's findings may offer. */
  fixes?: readonly string[];
}
