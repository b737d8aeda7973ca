import type { Localized } from '../service/messages';

/** A quick-fix a finding can offer: its stable id and its title in both languages. */
export interface FixDefinition {
  id: string;
  title: Localized;
  /** Safe fixes may be applied without review (fix-all, `kws fix`); others need a human choice. */
  safe: boolean;
}

const fix = (id: string, safe: boolean, en: string, zh: string): FixDefinition => ({ id, safe, title: { en, 'zh-CN': zh } });

/** Every fix id a rule may declare; ids are a contract with the CLI's `fixes` array. */
export const FIXES: readonly FixDefinition[] = [
  fix('add-startup-probe', true, 'Add a startupProbe covering a slow start', '添加覆盖慢启动的 startupProbe'),
  fix('set-max-unavailable-zero', true, 'Set rollingUpdate.maxUnavailable: 0', '设置 rollingUpdate.maxUnavailable: 0'),
  fix('add-pdb', true, 'Add a PodDisruptionBudget', '添加 PodDisruptionBudget'),
  fix('add-readiness-probe', false, 'Add a readinessProbe', '添加 readinessProbe'),
  fix('add-liveness-probe', false, 'Add a livenessProbe', '添加 livenessProbe'),
  fix('add-resources', false, 'Add resource requests and limits', '添加资源 requests 和 limits'),
  fix('apply-restricted-security-context', false, 'Apply the restricted security context', '应用 restricted 安全上下文'),
  fix('add-topology-spread', true, 'Spread pods across zones and nodes', '让 Pod 分布到多个可用区和节点'),
  fix('fix-spread-selector', false, "Select the pod's own labels", '改为选择 Pod 自身的标签'),
  fix('add-prestop', true, 'Add a preStop sleep and a grace period that covers it', '添加 preStop 休眠及覆盖它的终止宽限期'),
  fix('fix-selector-mismatch', true, 'Give the pod template the labels the selector requires (or a selector from its labels)', '为 Pod 模板补上选择器要求的标签（缺少选择器时按模板标签添加）'),
  fix('set-restart-policy-never', true, 'Set restartPolicy: Never', '设置 restartPolicy: Never'),
  fix('set-completion-mode-indexed', true, 'Set completionMode: Indexed', '设置 completionMode: Indexed'),
  fix('set-job-ttl', true, 'Set ttlSecondsAfterFinished', '设置 ttlSecondsAfterFinished'),
  fix('set-cronjob-concurrency-forbid', true, 'Set concurrencyPolicy: Forbid', '设置 concurrencyPolicy: Forbid'),
  fix('set-starting-deadline', true, 'Set startingDeadlineSeconds', '设置 startingDeadlineSeconds'),
  fix('remove-replicas-under-hpa', true, 'Remove spec.replicas (the autoscaler owns it)', '删除 spec.replicas（由自动扩缩器管理）'),
  fix('add-hpa', false, 'Add a HorizontalPodAutoscaler', '添加 HorizontalPodAutoscaler'),
  fix('migrate-api-version', true, 'Migrate to the supported apiVersion', '迁移到受支持的 apiVersion'),
  fix('fix-privileged', true, 'Set privileged: false', '设置 privileged: false'),
  fix('fix-host-namespaces', false, 'Stop sharing host namespaces', '停止共享宿主机命名空间'),
  fix('fix-host-port', false, 'Remove the hostPort', '删除 hostPort'),
  fix('fix-capabilities-added', false, 'Remove capabilities the level does not allow', '删除该级别不允许的能力'),
  fix('fix-proc-mount', true, 'Set procMount: Default', '设置 procMount: Default'),
  fix('fix-selinux-options', false, 'Use an allowed SELinux type', '使用允许的 SELinux 类型'),
  fix('fix-apparmor-profile', true, 'Use the RuntimeDefault AppArmor profile', '使用 RuntimeDefault AppArmor 配置'),
  fix('fix-seccomp-profile', true, 'Set seccompProfile type RuntimeDefault', '设置 seccompProfile 类型为 RuntimeDefault'),
  fix('fix-run-as-non-root', true, 'Set runAsNonRoot: true', '设置 runAsNonRoot: true'),
  fix('fix-privilege-escalation', true, 'Set allowPrivilegeEscalation: false', '设置 allowPrivilegeEscalation: false'),
  fix('fix-capabilities-drop-all', true, 'Drop ALL capabilities', '删除（drop）全部能力 ALL'),
  fix('fix-read-only-root-fs', false, 'Set readOnlyRootFilesystem: true', '设置 readOnlyRootFilesystem: true'),
  fix('fix-automount-token', true, 'Set automountServiceAccountToken: false', '设置 automountServiceAccountToken: false'),
  fix('fix-namespace-pss-missing', true, 'Add the pod-security enforce label', '添加 pod-security enforce 标签'),
  fix('fix-image-pull-policy', true, 'Set imagePullPolicy: Always', '设置 imagePullPolicy: Always'),
  fix('replace-enum-value', true, 'Replace with the allowed value it most likely means', '替换为最可能想写的允许值'),
  fix('rename-unknown-field', true, 'Rename to the field it most likely means', '重命名为最可能想写的字段'),
  fix('fix-secret-in-env-value', false, 'Read the value from a Secret', '改为从 Secret 读取该值'),
];

const BY_ID = new Map(FIXES.map((f) => [f.id, f]));

/** The fix with this id, if declared. */
export function getFix(id: string): FixDefinition | undefined {
  return BY_ID.get(id);
}
