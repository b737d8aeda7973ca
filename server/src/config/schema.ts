import { allRules } from '../rules/registry';
import { PROFILES } from '../rules/types';

const VERSION = { type: 'string', pattern: '^1\\.(2[6-9]|3[0-4])$', description: 'A Kubernetes minor version, 1.26 to 1.34.' };
const LEVEL = { enum: ['error', 'warning', 'info', 'hint', 'off'] };

/** JSON Schema of `.kws.yaml`, built from the rule registry so every rule id is known. */
export function kwsConfigSchema(): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const r of allRules()) {
    rules[r.id] = {
      description: r.title.en,
      oneOf: [
        LEVEL,
        {
          type: 'object',
          additionalProperties: false,
          properties: { severity: LEVEL, options: { type: 'object' } },
        },
      ],
    };
  }
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
      exclude: { type: 'array', items: { type: 'string' } },
      rules: { type: ['object', 'null'], additionalProperties: false, properties: rules },
    },
  };
}
