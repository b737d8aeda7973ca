import { uniqueClosest } from '../../../schema/closest';
import { schemaIssues, type SchemaCode, type SchemaIssue } from '../../../schema/validate';
import { isFragment } from '../../helpers';
import type { RuleContext } from '../../types';

/**
 * Reports the resource's schema issues of one code (validation runs once per resource and window,
 * shared by the `schema/*` rules). A workload without a selector is a kustomize patch or another
 * fragment, whose missing fields come from the base it is merged into. A document with YAML syntax
 * errors is not validated: its recovered structure is a guess, and the syntax finding says what to fix.
 */
export function reportSchemaIssues(ctx: RuleContext, code: SchemaCode): void {
  if (!ctx.settings.schemaValidation || ctx.doc.ast.errors.length || (code === 'required' && isFragment(ctx))) return;
  for (const issue of schemaIssues(ctx.resource, ctx.anchors, ctx.settings.kubernetes, ctx.env)) {
    if (issue.code === code) ctx.report({ at: issue.at, variant: issue.variant, args: issue.args, fixes: fixesOf(issue) });
  }
}

/** The fixes an issue offers: a replacement value or field name only when one is unambiguously close. */
function fixesOf(issue: SchemaIssue): string[] | undefined {
  if (issue.code !== 'enum' && issue.code !== 'unknown-field') return undefined;
  const wrong = issue.code === 'enum' ? issue.args.value : issue.args.name;
  const close = typeof wrong === 'string' && uniqueClosest(wrong, issue.choices ?? []) !== undefined;
  return close ? undefined : [];
}
