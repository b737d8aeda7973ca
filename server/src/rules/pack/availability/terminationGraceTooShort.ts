import { containerLabel, longRunning } from '../../podSpec';
import { defineRule } from '../../types';
import { preStopSleep } from './shared';
import { isFragment } from '../../helpers';

const DEFAULT_GRACE = 30;

/** The preStop hook runs inside the grace period: if it sleeps that long, the process gets no time after SIGTERM. */
export const terminationGraceTooShort = defineRule({
  id: 'termination-grace-too-short',
  category: 'availability',
  severity: 'warning',
  fixes: ['add-prestop'],
  guide: ['4.4', '2.1.2'],
  title: { en: 'preStop sleep uses up the termination grace period', 'zh-CN': 'preStop 等待耗尽了优雅终止期限' },
  messages: {
    default: {
      en: 'The preStop hook of container `{name}` sleeps {sleep}s but terminationGracePeriodSeconds is {grace}: the grace period counts from the start of the hook, so the process is killed before it can shut down cleanly; raise terminationGracePeriodSeconds above the sleep plus the time the application needs to stop, or shorten the sleep',
      'zh-CN': '容器 `{name}` 的 preStop 钩子等待 {sleep} 秒，而 terminationGracePeriodSeconds 为 {grace}：宽限期从钩子开始执行时计算，进程来不及正常退出就会被强制杀死；请把 terminationGracePeriodSeconds 调大到超过等待时间加上应用停止所需的时间，或缩短等待',
    },
    unset: {
      en: 'The preStop hook of container `{name}` sleeps {sleep}s but terminationGracePeriodSeconds is not set (default {grace}): the grace period counts from the start of the hook, so the process is killed before it can shut down cleanly; set terminationGracePeriodSeconds above the sleep plus the time the application needs to stop, or shorten the sleep',
      'zh-CN': '容器 `{name}` 的 preStop 钩子等待 {sleep} 秒，而 terminationGracePeriodSeconds 未设置（默认 {grace}）：宽限期从钩子开始执行时计算，进程来不及正常退出就会被强制杀死；请设置 terminationGracePeriodSeconds，使其超过等待时间加上应用停止所需的时间，或缩短等待',
    },
  },
  check(ctx) {
    for (const pod of ctx.podSpecs()) {
      const gracePair = ctx.pair(pod.spec, 'terminationGracePeriodSeconds');
      const grace = gracePair ? ctx.num(['terminationGracePeriodSeconds'], pod.spec) : DEFAULT_GRACE;
      if (grace === undefined || (!gracePair && isFragment(ctx))) continue;
      for (const c of longRunning(pod)) {
        const sleep = preStopSleep(c, ctx.anchors);
        if (!sleep || sleep.seconds < grace) continue;
        ctx.report({ at: sleep.at, variant: gracePair ? 'default' : 'unset', args: { name: containerLabel(c), sleep: sleep.seconds, grace } });
      }
    }
  },
});
