/**
 * The closing sentences every port item's suggestion shares: the stop-gap Drop rule and how to verify
 * the fix. One wording, so the fourteen items give the auditor the same, correct priority advice.
 */
import type { Language } from './types';

/** `ports` as the auditor reads it in both languages, e.g. `TCP 9200 and 9300` / `TCP 9200 和 9300`. */
export function stopGapAndVerify(ports: Record<Language, string>): Record<Language, string> {
  return {
    en:
      `As a stop-gap until the rule is changed, add inbound Drop rules for ${ports.en} from 0.0.0.0/0 and from ::/0 ` +
      "with a priority number no larger than the Accept rule's (smaller numbers win; at equal priority Drop wins); " +
      'any narrow Accept you still need must carry a smaller number than these Drops. ' +
      'Afterwards, export the security groups and instances again, re-run the audit and confirm that neither the group ' +
      'nor its instances are listed under this item, for IPv4 and for IPv6.',
    zh:
      `在规则修改完成前，可临时添加入方向拒绝（Drop）规则，分别拒绝来自 0.0.0.0/0 和 ::/0 对 ${ports.zh} 的访问，` +
      '其优先级数值不大于该允许规则（数值越小优先级越高，同一优先级下拒绝规则生效）；仍需保留的精确允许规则，其优先级数值须小于这些拒绝规则。' +
      '修改后请重新导出安全组和实例数据并再次运行审计，确认该安全组及其实例在 IPv4 和 IPv6 下均不再出现在本检查项中。',
  };
}
