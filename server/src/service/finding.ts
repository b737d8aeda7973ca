import type { ResourceRef } from '../model/resource';
import { compareCodeUnits, type Range, type Severity } from '../model/types';

/** A place elsewhere that a finding refers to. */
export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/**
 * One problem in a file, in the shape the CLI's JSON output promises (`version: 1`) and the language
 * server turns into a diagnostic.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Index of the YAML document among the file's non-empty documents. */
  document: number;
  resource: ResourceRef | null;
  /** Ids of the fixes offered for this finding. */
  fixes: string[];
  related?: RelatedLocation[];
}

/** A finding inside one YAML document, before it is placed in its file. */
export interface DocumentFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Document-relative `[start, end)` offsets. */
  span: readonly [number, number];
  /** Index into the document's resources, or null. */
  resource: number | null;
  fixes: string[];
  related?: RelatedLocation[];
}

/** Orders findings by position, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    compareCodeUnits(a.ruleId, b.ruleId)
  );
}
