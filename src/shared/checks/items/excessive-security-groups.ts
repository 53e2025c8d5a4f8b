import type { CheckContext, InstanceTarget } from '../../audit/context';
import { describeTarget } from '../exposure-finding';
import type { CheckDefinition, CheckFinding } from '../types';

/** An interface in this many distinct groups or more is flagged (the product's threshold). */
const threshold = 3;

/** Distinct group ids of the interfaces that reach the threshold; empty when none does. */
function crowdedGroupIds(target: InstanceTarget): string[] {
  // Counted per interface: the cloud merges rules per interface, so two interfaces with two groups
  // each are two readable rule sets, not one of four.
  const crowded = target.interfaces
    .map((nic) => [...new Set(nic.securityGroupIds)])
    .filter((ids) => ids.length >= threshold);
  return [...new Set(crowded.flat())];
}

function evaluate(context: CheckContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const target of context.instances) {
    const groupIds = crowdedGroupIds(target);
    if (groupIds.length === 0) continue;
    findings.push({
      ...describeTarget(target),
      status: 'at-risk',
      // The evidence is the membership itself; no rule is involved.
      securityGroupIds: groupIds,
      open: [],
      accepts: [],
      partialDrops: [],
      unresolved: [],
      // Membership is known even when rules are not, so rule gaps neither weaken nor explain this.
      gaps: [],
    });
  }
  return findings;
}

export const excessiveSecurityGroups: CheckDefinition = {
  id: 'excessive-security-groups',
  risk: 'low',
  // Not about a port: the item counts group memberships.
  ports: [],
  text: {
    en: {
      title: 'Instance in 3 or more security groups',
      risk:
        'A network interface of this instance belongs to three or more security groups, whose rules the cloud merges and orders by priority into one effective policy. ' +
        'No single group shows what the instance really accepts, so an Accept added to one group for another purpose, or a Drop removed from another, silently opens ports on this instance. ' +
        'This drift is a frequent cause of accidental exposure, and it slows down reviews and incident response.',
      suggestion:
        'Keep every instance (each of its network interfaces) in at most two security groups, for example one shared baseline group holding the organisation-wide Drop rules and one group for the role of the server. ' +
        'Consolidate the rules of the extra groups into those two, check the merged result, then remove the instance from the groups it no longer needs. ' +
        'Afterwards, export the instances and network interfaces again, re-run the audit and confirm that the instance no longer appears under this item ' +
        'and that the port items report no new exposure for it, for IPv4 and for IPv6.',
    },
    zh: {
      title: '实例加入 3 个及以上安全组',
      risk:
        '该实例的某个网卡同时加入了三个或更多安全组，云平台会把这些安全组的规则合并并按优先级排序，形成一套实际生效的策略。' +
        '单看任何一个安全组都无法得知实例实际放行了什么：在某个安全组里为其他用途新增一条允许规则，或在另一个安全组里删除一条拒绝规则，都可能在不知不觉中为该实例打开端口。' +
        '这种配置漂移是意外暴露的常见原因，也会拖慢安全评审和事件响应。',
      suggestion:
        '每个实例（每个网卡）最多加入两个安全组，例如一个承载全局拒绝规则的公共基线安全组，加一个对应服务器角色的业务安全组。' +
        '把多余安全组中的规则合并到这两个安全组中，核对合并后的效果，再将实例移出不再需要的安全组。' +
        '修改后请重新导出实例和网卡数据并再次运行审计，确认该实例不再出现在本检查项中，且在 IPv4 和 IPv6 下各端口检查项均未出现新的暴露。',
    },
  },
  evaluate,
};
