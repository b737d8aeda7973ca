import { rulesSettingSchema } from '../rules/catalog';
import { PROFILES } from '../rules/types';

const LIMIT = { type: 'integer', minimum: 1 };
const VERSION = { type: 'string', pattern: '^1\\.(2[6-9]|3[0-4])$', description: 'A Kubernetes minor version, 1.26 to 1.34.' };

/** JSON Schema of `.kws.yaml`; its `rules` are the registry's, as in the editor setting. */
export function kwsConfigSchema(): Record<string, unknown> {
  const rules = rulesSettingSchema();
  return {
    type: ['object', 'null'],
    additionalProperties: false,
    properties: {
      profile: { enum: [...PROFILES], description: 'The rule set.' },
      kubernetes: {
        type: 'object',
        additionalProperties: false,
        properties: { minVersion: VERSION, maxVersion: VERSION },
      },
      templates: { enum: ['ignore', 'bestEffort'] },
      defaultNamespace: { type: 'string', minLength: 1 },
      schemaValidation: { type: 'object', additionalProperties: false, properties: { enable: { type: 'boolean' } } },
      exclude: { type: 'array', items: { type: 'string' } },
      limits: {
        type: 'object',
        additionalProperties: false,
        properties: { maxFileSize: LIMIT, maxLines: LIMIT, maxResources: LIMIT },
      },
      rules: { type: ['object', 'null'], additionalProperties: false, properties: rules.properties },
    },
  };
}
