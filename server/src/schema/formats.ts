/**
 * A format check in the shape ajv's `addFormat(name, definition)` accepts:
 * `type` says which JSON type the check applies to; other types pass.
 */
export type KubernetesFormat =
  | { type: 'string'; validate: RegExp | ((value: string) => boolean) }
  | { type: 'number'; validate: (value: number) => boolean };

/**
 * Kubernetes resource quantity (`500m`, `2Gi`, `1.5`, `1e3`): a signed decimal
 * number followed by a binary SI suffix, a decimal SI suffix or a decimal exponent.
 */
export const QUANTITY_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Every `format` the generated schemas use. Register each with ajv before
 * compiling: `for (const [name, f] of Object.entries(KUBERNETES_FORMATS)) ajv.addFormat(name, f)`.
 * Schemas also use union types (`["integer","string"]` for int-or-string,
 * `["string","number"]` for quantities), so ajv needs `allowUnionTypes: true`.
 */
export const KUBERNETES_FORMATS: Readonly<Record<string, KubernetesFormat>> = {
  int32: { type: 'number', validate: (n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 },
  int64: { type: 'number', validate: (n) => Number.isInteger(n) },
  double: { type: 'number', validate: (n) => Number.isFinite(n) },
  'int-or-string': { type: 'string', validate: () => true },
  quantity: { type: 'string', validate: QUANTITY_PATTERN },
  'date-time': { type: 'string', validate: DATE_TIME_PATTERN },
  byte: { type: 'string', validate: (s) => BASE64_PATTERN.test(s.replace(/\s+/g, '')) },
};
