import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { locate } from '../model/locate';
import { findPair, get, getAt, scalarText } from '../model/nodes';
import { BASELINE_CAPABILITIES } from '../rules/pack/security/capabilitiesAdded';
import type { Edit } from './edits';
import { pairChain, removeEmptying, set } from './places';
import { applyRestrictedSecurityContext } from './restrictedFix';
import { withTabStops } from './snippet';
import { scalarSource } from './style';
import { mountsTmp, tmpMount, tmpVolume, tmpVolumeFor } from './tmpVolume';
import type { FixBuilder, FixInput } from './types';

const PSS_LABEL = 'pod-security.kubernetes.io/enforce';
const PSS_LEVELS = ['privileged', 'baseline', 'restricted'];
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** The pair the finding sits in (its key or value) and the mapping holding it. */
function pairAtFinding(input: FixInput): { pair: Pair; map: YAMLMap; key: string } | undefined {
  const loc = locate(input.scope.placed.doc.ast.contents, input.scope.offset);
  const key = scalarText(loc.pair?.key);
  return loc.pair && isMap(loc.parent) && key !== undefined ? { pair: loc.pair, map: loc.parent, key } : undefined;
}

/** Replaces the scalar value of a pair. */
function replaceValue(input: FixInput, pair: Pair, value: string | boolean): Edit[] | undefined {
  return isScalar(pair.value) ? input.editor.setScalar(pair.value, value) : undefined;
}

/** `fix-namespace-pss-missing`: the enforce label (restricted under the restricted profile, else baseline), or a mistyped level corrected. */
const fixNamespacePss: FixBuilder = (input) => {
  const r = input.scope.resource;
  if (r?.kind !== 'Namespace') return undefined;
  const level = input.settings.profile === 'restricted' ? 'restricted' : 'baseline';
  const current = getAt(r.node, ['metadata', 'labels', PSS_LABEL]);
  if (isScalar(current)) {
    const typed = scalarText(current)?.trim().toLowerCase() ?? '';
    return input.editor.setScalar(current, PSS_LEVELS.includes(typed) ? typed : level);
  }
  const metadata = getAt(r.node, ['metadata']);
  const labels = { labels: { [PSS_LABEL]: level } };
  return isMap(metadata) ? input.editor.merge(metadata, labels) : input.editor.merge(r.node, { metadata: labels });
};

/** `fix-read-only-root-fs`: readOnlyRootFilesystem true, with an emptyDir at /tmp when the container mounts nothing there. */
const fixReadOnlyRootFs: FixBuilder = ({ scope, editor }) => {
  const { container: c, pod } = scope;
  if (!c || !pod) return undefined;
  const tmp = c.role !== 'ephemeral' && !mountsTmp(c) ? tmpVolumeFor(pod) : undefined;
  const own = editor.merge(c.node, { securityContext: { readOnlyRootFilesystem: true }, ...(tmp ? { volumeMounts: [tmpMount(tmp.name)] } : {}) });
  const volume = tmp && !tmp.exists ? editor.merge(pod.spec, { volumes: [tmpVolume(tmp.name)] }) : [];
  return own && volume && [...own, ...volume];
};

/** `fix-host-namespaces`: removes the hostNetwork/hostPID/hostIPC pair the finding is on, or sets hostProcess false. */
const fixHostNamespaces: FixBuilder = (input) => {
  const at = pairAtFinding(input);
  if (!at) return undefined;
  if (at.key === 'hostProcess') return replaceValue(input, at.pair, false);
  return ['hostNetwork', 'hostPID', 'hostIPC'].includes(at.key) && at.map === input.scope.pod?.spec ? input.editor.removePair(at.map, at.pair) : undefined;
};

/** `fix-host-port`: removes the hostPort pair the finding is on. */
const fixHostPort: FixBuilder = (input) => {
  const at = pairAtFinding(input);
  return at?.key === 'hostPort' ? input.editor.removePair(at.map, at.pair) : undefined;
};

/** `fix-capabilities-added`: removes every added capability the level forbids (the `add` key, and what it leaves empty, when none stays). */
const fixCapabilitiesAdded: FixBuilder = (input) => {
  const { container: c, pod } = input.scope;
  if (!c || !pod) return undefined;
  const chain = pairChain(c.node, ['securityContext', 'capabilities', 'add']);
  const add = chain?.[2].pair.value;
  if (!chain || !isSeq(add)) return undefined;
  const strict = input.settings.profile === 'restricted' && scalarText(getAt(pod.spec, ['os', 'name'])) !== 'windows';
  const allowed = (cap: string | undefined) => cap !== undefined && (strict ? cap === 'NET_BIND_SERVICE' : BASELINE_CAPABILITIES.has(cap));
  const extra = add.items.filter((i) => !allowed(scalarText(i)));
  if (!extra.length || extra.some((i) => !isScalar(i))) return undefined;
  if (extra.length === add.items.length) return removeEmptying(input, chain);
  const edits = extra.map((i) => input.editor.removeItem(add, i));
  return edits.every((e) => e) ? (edits.flat() as Edit[]) : undefined;
};

/** `fix-selinux-options`: a disallowed type becomes container_t; a user or role is removed. */
const fixSelinuxOptions: FixBuilder = (input) => {
  const at = pairAtFinding(input);
  if (!at || !isScalar(at.pair.value)) return undefined;
  if (at.key === 'type') return replaceValue(input, at.pair, 'container_t');
  if (at.key !== 'user' && at.key !== 'role') return undefined;
  const holders = [input.scope.pod?.spec, ...(input.scope.pod?.containers.map((c) => c.node) ?? [])];
  const chain = holders.map((h) => pairChain(h, ['securityContext', 'seLinuxOptions', at.key])).find((ch) => ch?.[2].pair === at.pair);
  return chain && removeEmptying(input, chain);
};

/** `fix-apparmor-profile`: an unconfined annotation becomes runtime/default; a disallowed appArmorProfile.type becomes RuntimeDefault. */
const fixAppArmor: FixBuilder = (input) => {
  const at = pairAtFinding(input);
  if (!at) return undefined;
  if (at.key.startsWith(APPARMOR_PREFIX)) return replaceValue(input, at.pair, 'runtime/default');
  return at.key === 'type' && !findPair(at.map, 'localhostProfile') ? replaceValue(input, at.pair, 'RuntimeDefault') : undefined;
};

/** Lower-kebab form of an environment variable name (`DB_PASSWORD`, `dbPassword` → `db-password`). */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
}

/** `fix-secret-in-env-value`: `value:` becomes valueFrom.secretKeyRef to `<workload>-secrets`, key the variable's name in kebab case (tab stops). */
const fixSecretInEnv: FixBuilder = (input) => {
  const at = pairAtFinding(input);
  const workload = input.scope.resource?.name;
  const env = at && scalarText(get(at.map, 'name'));
  if (!at || at.key !== 'value' || !workload || !env || findPair(at.map, 'valueFrom') || !kebab(env)) return undefined;
  const ref = { name: `${workload}-secrets`, key: kebab(env) };
  const edits = input.editor.replacePair(at.map, at.pair, { valueFrom: { secretKeyRef: ref } });
  return edits && withTabStops(edits, [{ key: 'name', value: scalarSource(ref.name) }, { key: 'key', value: scalarSource(ref.key) }]);
};

/** Builders of the security fixes, by fix id. */
export const SECURITY_FIXES: Record<string, FixBuilder> = {
  'apply-restricted-security-context': applyRestrictedSecurityContext,
  'fix-automount-token': set('pod', () => ({ automountServiceAccountToken: false })),
  'fix-namespace-pss-missing': fixNamespacePss,
  'fix-image-pull-policy': set('container', () => ({ imagePullPolicy: 'Always' })),
  'fix-apparmor-profile': fixAppArmor,
  'fix-read-only-root-fs': fixReadOnlyRootFs,
  'fix-host-namespaces': fixHostNamespaces,
  'fix-host-port': fixHostPort,
  'fix-capabilities-added': fixCapabilitiesAdded,
  'fix-selinux-options': fixSelinuxOptions,
  'fix-secret-in-env-value': fixSecretInEnv,
};
