import { get, scalarText } from '../../../model/nodes';
import { containerLabel, longRunning } from '../../podSpec';
import { defineRule } from '../../types';
import { LONG_RUNNING_KINDS, probeOf, probeTiming, probeValue } from './probeUtil';

const JVM_TOKENS = new Set([
  'java', 'openjdk', 'jdk', 'jre', 'temurin', 'corretto', 'zulu', 'graalvm', 'tomcat', 'jboss', 'wildfly', 'jetty',
  'spring', 'springboot', 'elasticsearch', 'opensearch', 'logstash', 'kafka', 'zookeeper', 'cassandra', 'solr', 'keycloak',
]);

/** True when an image's repository name suggests a JVM program (slow to start), e.g. `eclipse-temurin`, `bitnami/kafka`. */
export function jvmLikeImage(image: string): boolean {
  let repo = image.split('@')[0];
  const slash = repo.lastIndexOf('/');
  const colon = repo.lastIndexOf(':');
  if (colon > slash) repo = repo.slice(0, colon);
  const segments = repo.split('/');
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0])) segments.shift();
  const tokens = segments.flatMap((s) => s.toLowerCase().split(/[-_.]/));
  if (tokens.includes('exporter')) return false;
  return tokens.some((t) => JVM_TOKENS.has(t));
}

/** A slow-starting container guarded only by a liveness delay gets restarted before it is up, or detects hangs late. */
export const startupProbeMissing = defineRule({
  id: 'startup-probe-missing',
  category: 'probes',
  severity: 'warning',
  kinds: LONG_RUNNING_KINDS,
  fixes: ['add-startup-probe'],
  guide: ['4.3', '2.1.2', '10.2'],
  title: { en: 'Slow-starting container has no startup probe', 'zh-CN': '启动缓慢的容器没有启动探针' },
  messages: {
    default: {
      en: 'Container `{name}` holds its liveness probe back with initialDelaySeconds {delay} instead of using a startupProbe: a start slower than that ends in a restart loop, and every later hang is detected only after the delay; add a startupProbe (e.g. failureThreshold 30 × periodSeconds 5) and lower the delay',
      'zh-CN': '容器 `{name}` 用 initialDelaySeconds {delay} 推迟存活探针，而不是使用 startupProbe：启动时间一旦超过该值就会陷入重启循环，且之后每次卡死都要等过这段延迟才能发现；请添加 startupProbe（例如 failureThreshold 30 × periodSeconds 5）并调小该延迟',
    },
    image: {
      en: 'Container `{name}` runs `{image}`, which usually starts slowly, and has a livenessProbe but no startupProbe: if start-up takes longer than the liveness window (about {window}s) the kubelet kills it before it is up; add a startupProbe (e.g. failureThreshold 30 × periodSeconds 5)',
      'zh-CN': '容器 `{name}` 运行的 `{image}` 通常启动较慢，它配置了 livenessProbe 却没有 startupProbe：如果启动时间超过存活探针的容忍时间（约 {window} 秒），kubelet 会在它启动完成前将其杀死；请添加 startupProbe（例如 failureThreshold 30 × periodSeconds 5）',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      for (const c of longRunning(pod)) {
        if (ctx.pair(c.node, 'startupProbe')) continue;
        const liveness = probeOf(c, 'livenessProbe', ctx.anchors);
        if (!liveness) continue;
        const timing = probeTiming(liveness, ctx.anchors);
        const name = containerLabel(c);
        if (timing.initialDelay >= 30) {
          ctx.report({ at: probeValue(liveness, 'initialDelaySeconds', ctx.anchors)!, args: { name, delay: timing.initialDelay } });
          continue;
        }
        const image = scalarText(get(c.node, 'image', ctx.anchors));
        if (image && jvmLikeImage(image)) {
          const window = timing.initialDelay + timing.failure * timing.period;
          ctx.report({ at: c.anchor, variant: 'image', args: { name, image, window } });
        }
      }
    }
  },
});
