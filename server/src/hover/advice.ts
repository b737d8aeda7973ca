import type { Localized } from '../service/messages';

/** Production advice for a field, in our own words, and the rule that checks it. */
export interface FieldAdvice {
  /** The field's key and, when it matters, its parent key(s): `rollingUpdate.maxUnavailable`. */
  at: string;
  /** Kinds it applies to (every kind when absent). */
  kinds?: readonly string[];
  rule: string;
  text: Localized;
}

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

/** Advice the guide gives per field. */
export const ADVICE: readonly FieldAdvice[] = [
  { at: 'rollingUpdate.maxUnavailable', kinds: ['Deployment'], rule: 'max-unavailable-not-zero', text: { en: 'For a zero-downtime rollout keep this at `0`: old pods are then removed only after a new pod is ready, so serving capacity never drops below `replicas`. Pair it with `maxSurge` ≥ 1.', 'zh-CN': '要零停机发布请设为 `0`：这样只有新 Pod 就绪后才会移除旧 Pod，服务容量不会低于 `replicas`。请同时将 `maxSurge` 设为至少 1。' } },
  { at: 'rollingUpdate.maxSurge', kinds: ['Deployment'], rule: 'rolling-update-no-progress', text: { en: 'How many extra pods a rollout may create. With `maxUnavailable: 0` it must be at least 1, or the rollout cannot make progress; the cluster needs room for these pods.', 'zh-CN': '发布时最多可额外创建的 Pod 数。若 `maxUnavailable: 0`，它必须至少为 1，否则发布无法推进；集群需为这些 Pod 预留资源。' } },
  { at: 'minReadySeconds', kinds: WORKLOADS, rule: 'min-ready-seconds-missing', text: { en: 'A new pod counts as available only after staying ready this long. A few seconds (e.g. 10) keeps a pod that crashes right after its first readiness success from letting the rollout move on.', 'zh-CN': '新 Pod 需持续就绪这么久才算可用。设置几秒（如 10）可避免刚通过就绪检查就崩溃的 Pod 让发布继续推进。' } },
  { at: 'terminationGracePeriodSeconds', rule: 'termination-grace-too-short', text: { en: 'The whole shutdown budget: the `preStop` hook runs first, then SIGTERM, and SIGKILL comes when this many seconds have passed since the start. Make it longer than the preStop delay plus the time the app needs to drain.', 'zh-CN': '整个停止过程的时间预算：先运行 `preStop` 钩子，再发送 SIGTERM，从开始算起超过这么多秒即发送 SIGKILL。它应长于 preStop 延迟加上应用排空请求所需的时间。' } },
  { at: 'lifecycle.preStop', rule: 'prestop-missing', text: { en: 'A short preStop pause (e.g. `sleep: {seconds: 5}`) gives endpoints and load balancers time to stop sending traffic before the container gets SIGTERM. Keep `terminationGracePeriodSeconds` longer than it.', 'zh-CN': '短暂的 preStop 等待（如 `sleep: {seconds: 5}`）让 Endpoints 和负载均衡器在容器收到 SIGTERM 前停止转发流量。`terminationGracePeriodSeconds` 应比它长。' } },
  { at: 'livenessProbe', rule: 'liveness-probe-aggressive', text: { en: 'Restarts the container when it fails. Check only the process itself (not dependencies), and give it generous `failureThreshold` × `periodSeconds`, or a slow moment turns into a restart loop. Use a startupProbe for slow starts.', 'zh-CN': '失败时会重启容器。只检查进程本身（不检查依赖），并给足 `failureThreshold` × `periodSeconds`，否则一时变慢就会变成重启循环。启动慢请使用 startupProbe。' } },
  { at: 'readinessProbe', rule: 'readiness-probe-missing', text: { en: 'Decides whether the pod receives traffic and whether a rollout may continue. Without it a pod gets traffic as soon as its process starts.', 'zh-CN': '决定 Pod 是否接收流量以及发布能否继续。没有它，进程一启动 Pod 就会接收流量。' } },
  { at: 'startupProbe', rule: 'startup-probe-missing', text: { en: 'Holds off the liveness and readiness probes until the app has started, so a slow start is not mistaken for a hang.', 'zh-CN': '在应用启动完成前暂停存活和就绪探针，避免把启动慢误判为卡死。' } },
  { at: 'resources', rule: 'memory-limit-missing', text: { en: 'Set requests for CPU and memory (the scheduler places pods by them and autoscalers compute utilization from them) and a memory limit; a CPU limit throttles the container and is often left out.', 'zh-CN': '请设置 CPU 和内存的 requests（调度器据此放置 Pod，自动扩缩据此计算利用率）以及内存 limit；CPU limit 会限流容器，常被省略。' } },
  { at: 'spec.replicas', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'], rule: 'single-replica', text: { en: 'One replica means downtime on every node drain or rollout hiccup; run at least 2 (3 across zones) for a service, unless an autoscaler owns the count.', 'zh-CN': '只有 1 个副本时，每次节点排空或发布异常都会中断服务；服务至少运行 2 个（跨可用区 3 个），除非副本数由自动扩缩器管理。' } },
  { at: 'revisionHistoryLimit', kinds: ['Deployment', 'StatefulSet', 'DaemonSet'], rule: 'revision-history-zero', text: { en: 'Old revisions kept for rollback. `0` makes `kubectl rollout undo` impossible; keep a handful (the default is 10).', 'zh-CN': '为回滚保留的旧版本数。设为 `0` 将无法执行 `kubectl rollout undo`；请保留几个（默认 10）。' } },
  { at: 'podFailurePolicy', kinds: ['Job', 'CronJob'], rule: 'pod-failure-policy-restart-policy', text: { en: 'Lets a Job fail fast on errors that retrying cannot fix (an exit code) and ignore disruptions (`DisruptionTarget`). It requires the pod template\'s `restartPolicy: Never`.', 'zh-CN': '让 Job 在重试也无法解决的错误（某个退出码）时立即失败，并忽略中断（`DisruptionTarget`）。它要求 Pod 模板 `restartPolicy: Never`。' } },
  { at: 'concurrencyPolicy', kinds: ['CronJob'], rule: 'cronjob-concurrency-allow', text: { en: '`Allow` (the default) lets runs overlap when one takes longer than the interval; use `Forbid` for jobs that must not run twice at once, or `Replace`.', 'zh-CN': '`Allow`（默认）在某次运行超过间隔时允许并发；不能同时运行两次的任务请用 `Forbid`，或用 `Replace`。' } },
  { at: 'startingDeadlineSeconds', kinds: ['CronJob'], rule: 'cronjob-starting-deadline-missing', text: { en: 'How late a missed run may still start. Without it, a controller outage can be followed by a burst of catch-up runs, or by none after 100 misses.', 'zh-CN': '错过的运行最晚可延迟多久启动。未设置时，控制器中断后可能集中补跑，或在错过 100 次后不再运行。' } },
  { at: 'activeDeadlineSeconds', kinds: ['Job', 'CronJob'], rule: 'job-active-deadline-missing', text: { en: 'Upper bound on a Job\'s run time, so a stuck Job does not hold resources forever.', 'zh-CN': 'Job 运行时间的上限，避免卡住的 Job 永远占用资源。' } },
  { at: 'ttlSecondsAfterFinished', kinds: ['Job', 'CronJob'], rule: 'job-ttl-missing', text: { en: 'Deletes a finished Job (and its pods) after this many seconds, so they do not pile up.', 'zh-CN': 'Job 结束后这么多秒将其（及其 Pod）删除，避免堆积。' } },
  { at: 'topologySpreadConstraints', rule: 'topology-spread-missing', text: { en: 'Spread replicas across zones and nodes so that one failure does not take all of them; the `labelSelector` must select this workload\'s pods.', 'zh-CN': '将副本分散到不同可用区和节点，避免一次故障带走全部副本；`labelSelector` 必须选中本工作负载的 Pod。' } },
  { at: 'minReplicas', kinds: ['HorizontalPodAutoscaler'], rule: 'hpa-min-replicas-low', text: { en: 'The floor the autoscaler keeps; below 2 a quiet period leaves a single pod and no redundancy.', 'zh-CN': '自动扩缩保持的下限；低于 2 时，空闲期只剩一个 Pod，没有冗余。' } },
  { at: 'imagePullPolicy', rule: 'image-pull-policy', text: { en: 'With pinned tags or digests `IfNotPresent` is enough; `Always` makes every start depend on the registry.', 'zh-CN': '使用固定标签或摘要时 `IfNotPresent` 即可；`Always` 会让每次启动都依赖镜像仓库。' } },
  { at: 'securityContext.readOnlyRootFilesystem', rule: 'read-only-root-fs', text: { en: 'A read-only root filesystem stops an intruder from changing binaries; mount an `emptyDir` where the app must write.', 'zh-CN': '只读根文件系统可防止入侵者篡改程序；应用需要写入的位置请挂载 `emptyDir`。' } },
  { at: 'securityContext.allowPrivilegeEscalation', rule: 'privilege-escalation', text: { en: 'Set `false` so no process can gain more privileges than its parent (setuid binaries).', 'zh-CN': '设为 `false`，使任何进程都无法获得比父进程更多的权限（setuid 程序）。' } },
  { at: 'securityContext.runAsNonRoot', rule: 'run-as-non-root', text: { en: 'Set `true` so the kubelet refuses to start a container that would run as UID 0.', 'zh-CN': '设为 `true`，kubelet 将拒绝启动以 UID 0 运行的容器。' } },
];

/** The advice for a field path of a kind, if the guide gives one. */
export function adviceFor(kind: string, path: readonly (string | number)[]): FieldAdvice | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  return ADVICE.find((a) => {
    if (a.kinds && !a.kinds.includes(kind)) return false;
    const want = a.at.split('.');
    if (want.length > keys.length) return false;
    const tail = keys.slice(keys.length - want.length);
    if (!want.every((w, i) => w === tail[i])) return false;
    return a.at !== 'spec.replicas' || keys.length === 2;
  });
}
