import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Locale, Severity } from '../../model/types';
import { ruleDocsUrl } from '../../rules/docs';
import { allRules } from '../../rules/registry';
import type { CheckReport } from '../check';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The tool's version, as the CLI reports it. */
export const KWS_VERSION = '0.1.0';

/** A check report as SARIF 2.1.0, listing every rule of the registry with its help link. */
export function toSarif(report: CheckReport, locale: Locale = 'en'): Log {
  const rules: ReportingDescriptor[] = allRules().map((r) => ({
    id: r.id,
    shortDescription: { text: r.title[locale] },
    helpUri: ruleDocsUrl(r.id, locale),
    help: { text: `${r.title[locale]}: ${ruleDocsUrl(r.id, locale)}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { category: r.category, tags: [r.category, ...(r.pss ? [`pss-${r.pss}`] : [])] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      results.push({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(file.path) },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
            logicalLocations: f.resource
              ? [{ kind: 'object', name: f.resource.name ?? undefined, fullyQualifiedName: `${f.resource.kind}/${f.resource.namespace ?? ''}/${f.resource.name ?? ''}` }]
              : undefined,
          },
        ],
        properties: { document: f.document, fixes: f.fixes },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kws', fullName: 'Workload Studio for Kubernetes', version: KWS_VERSION, informationUri: 'https://github.com/workload-studio/workload-studio', rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function toUri(p: string): string {
  return p === '-' ? 'stdin' : p.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}
