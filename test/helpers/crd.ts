import { yaml } from './cursor';

/**
 * A CustomResourceDefinition of `Backup` (example.com): a served and a non-served version, and fields of most kinds
 * a CRD schema has (required, int-or-string, enum, Go patterns, formats, preserved and embedded objects, CEL rules).
 */
export const BACKUP_CRD = yaml`
  apiVersion: apiextensions.k8s.io/v1
  kind: CustomResourceDefinition
  metadata:
    name: backups.example.com
  spec:
    group: example.com
    names: {kind: Backup, plural: backups}
    scope: Namespaced
    versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema:
            type: object
            description: A backup.
            properties:
              spec:
                type: object
                required: [schedule]
                properties:
                  schedule: {type: string, description: cron}
                  retention: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
                  mode: {type: string, enum: [full, incremental]}
                  onError: {type: string, pattern: "^(?i)(abort|warn)?$"}
                  weird: {type: string, pattern: "[[:alpha:]"}
                  keep: {type: integer, minimum: 1, format: int32}
                  description: {type: string}
                  options: {type: object, x-kubernetes-preserve-unknown-fields: true}
                  template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
                  target: {type: object, properties: {name: {type: string}}, x-kubernetes-map-type: atomic, x-kubernetes-validations: [{rule: "self.name != ''"}]}
      - name: v1beta1
        served: false
        storage: false
        schema: {openAPIV3Schema: {type: object}}
`;
