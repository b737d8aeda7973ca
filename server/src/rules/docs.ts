/** Where the published rule docs live; the docs pages are `docs/rules/<id>.md` in this repository. */
export const DOCS_BASE_URL = 'https://github.com/workload-studio/workload-studio/blob/main/docs/rules/';

/** The web page documenting a rule, in English or Chinese. */
export function ruleDocsUrl(id: string, locale: 'en' | 'zh-CN' = 'en'): string {
  return `${DOCS_BASE_URL}${locale === 'zh-CN' ? 'zh-CN/' : ''}${id}.md`;
}
