import { isMap } from 'yaml';
import { items } from '../../helpers';
import { containerLabel, POD_CARRIERS } from '../../podSpec';
import { defineRule, valueOf } from '../../types';

/** Name endings that mark an environment variable as holding a credential. */
const CREDENTIAL_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|SECRET_KEY|SECRET_ACCESS_KEY|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|CREDENTIALS?|ACCESS_KEY|AUTH_KEY|CLIENT_SECRET)$/;

/** Names of switches and identifiers that merely mention a credential (`MYSQL_ALLOW_EMPTY_PASSWORD`, `ETCD_INITIAL_CLUSTER_TOKEN`). */
const NOT_A_CREDENTIAL_NAME = /(?:^|_)(?:ALLOW_EMPTY|RANDOM|SKIP|DISABLE|ENABLE|USE|REQUIRE|GENERATE|INITIAL_CLUSTER)_/;

/** Values that point at a credential instead of holding it, or are not credentials at all. */
const NOT_A_CREDENTIAL = [
  /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/,
  /\$\(|\$\{|\{\{/,
  /^(?:file|vault|secret|ref\+[a-z0-9]+|awssm|gcpsm|azkv|sm|op|env):/i,
  /^arn:aws:(?:secretsmanager|ssm):/,
  /^projects\/[^/]+\/secrets\//,
  /^(?:true|false|yes|no|on|off|none|null|enabled|disabled|0|1)$/i,
  /^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i,
];

/** Normalizes `dbPassword`, `db-password` and `DB_PASSWORD` to `DB_PASSWORD`. */
export function envKey(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

/** Credentials written as plain `value:` land in every copy of the manifest and in the pod spec anyone with read access sees. */
export const secretInEnvValue = defineRule({
  id: 'secret-in-env-value',
  category: 'security',
  severity: 'warning',
  kinds: POD_CARRIERS,
  fixes: ['fix-secret-in-env-value'],
  guide: ['2.2.2', '2.4.2'],
  title: { en: 'Credential in a plain environment value', 'zh-CN': '凭据以明文环境变量值给出' },
  messages: {
    default: {
      en: 'Environment variable `{env}` of container `{name}` holds what looks like a credential as a plain value: it is stored in Git, in the workload object and in every `kubectl get -o yaml`; move it to a Secret and use valueFrom.secretKeyRef',
      'zh-CN': '容器 `{name}` 的环境变量 `{env}` 以明文值给出了疑似凭据：它会保存在 Git、工作负载对象以及每次 `kubectl get -o yaml` 的输出中；请将其移入 Secret，并通过 valueFrom.secretKeyRef 引用',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of pod.containers) {
        for (const env of items(ctx.at(['env'], c.node), ctx.anchors)) {
          if (!isMap(env)) continue;
          const name = ctx.str(['name'], env);
          const value = ctx.str(['value'], env);
          if (!name || !value?.trim() || !CREDENTIAL_NAME.test(envKey(name)) || NOT_A_CREDENTIAL_NAME.test(envKey(name))) continue;
          if (NOT_A_CREDENTIAL.some((re) => re.test(value.trim()))) continue;
          ctx.report({ at: valueOf(ctx.pair(env, 'value')!), args: { env: name, name: containerLabel(c) } });
        }
      }
    }
  },
});
