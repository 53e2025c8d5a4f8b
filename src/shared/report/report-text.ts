/**
 * The fixed wording of the PDF report in English and Simplified Chinese. Data never goes into
 * these strings as markup: the builder places values next to them as separate text runs.
 */
import type { ActivityKind, ChainBreak } from '../activity/chain';
import type { CheckStatus, RiskLevel } from '../audit/result';
import type { Language } from '../checks/types';
import type { EvidenceGap, InputKind } from '../model';
import type { RuleRole } from './report-model';

export interface ReportText {
  title: string;
  subtitle: string;
  confidential: string;
  cover: {
    client: string;
    engagement: string;
    auditor: string;
    date: string;
    auditName: string;
    generatedAt: string;
    appVersion: string;
    catalogueVersion: string;
    findingsSha256: string;
    statement: string;
  };
  contents: string;
  page: (page: number, pages: number) => string;
  footer: (tool: string, catalogue: string, findings: string) => string;
  headerTitle: string;
  none: string;
  notSet: string;
  sections: {
    scope: string;
    inputs: string;
    counts: string;
    warnings: string;
    notAssessed: string;
    method: string;
    summary: string;
    figures: string;
    chart: string;
    exposed: string;
    conclusion: string;
    results: string;
    findings: string;
    appendix: string;
    appendixGroups: string;
    appendixInstances: string;
    appendixIntegrity: string;
    appendixActivity: string;
  };
  inputs: { file: string; kind: string; size: string; records: string; sha256: string; container: (zip: string) => string };
  kinds: Record<InputKind, string>;
  counts: { groups: string; rules: string; instances: string; interfaces: string; regions: string };
  warnings: {
    intro: string;
    none: string;
    severity: Record<'error' | 'warning', string>;
    file: string;
    message: string;
    gapsHeading: string;
    issuesHeading: string;
    more: (count: number) => string;
  };
  gap: (gap: EvidenceGap) => string;
  notAssessed: { intro: string; none: (assessed: number) => string };
  method: [string, string];
  risk: Record<RiskLevel, string>;
  status: Record<CheckStatus, string>;
  figures: {
    checks: (risk: string) => string;
    groups: string;
    instances: string;
    publicInstances: string;
    atRiskOf: (count: number) => string;
  };
  chart: {
    caption: string;
    legendAtRisk: string;
    legendIncomplete: string;
    legendPassed: string;
    counts: (atRisk: number, incomplete: number, passed: number) => string;
  };
  exposed: {
    intro: (shown: number, total: number) => string;
    none: string;
    instance: string;
    publicIp: string;
    highest: string;
    checks: string;
    ports: string;
    noPublicIp: string;
  };
  conclusion: (figures: ConclusionFigures) => string;
  results: { number: string; risk: string; check: string; counts: string; status: string };
  findings: {
    intro: string;
    none: string;
    risk: string;
    suggestion: string;
    groupsHeading: (count: number) => string;
    instancesHeading: (count: number) => string;
    incompleteHeading: (count: number) => string;
    checkGaps: string;
    group: string;
    instance: string;
    region: string;
    publicIp: string;
    noPublicIp: string;
    open: string;
    usedBy: string;
    usedByNone: string;
    memberOf: string;
    noRules: string;
    noRulesIncomplete: string;
    needsReview: string;
    objectGaps: string;
    more: (count: number) => string;
  };
  rule: {
    id: string;
    idAndGroup: string;
    group: string;
    priority: string;
    policy: string;
    protocol: string;
    ports: string;
    source: string;
    description: string;
    role: Record<RuleRole, string>;
    accept: string;
    drop: string;
  };
  appendix: {
    groupsIntro: string;
    instancesIntro: string;
    id: string;
    name: string;
    region: string;
    vpc: string;
    type: string;
    ingressRules: string;
    instances: string;
    rulesMissing: string;
    publicIps: string;
    groups: string;
    integrityIntro: string;
    findingsSha256: string;
    howToVerify: string;
    activityIntro: string;
    activityEntries: string;
    activityPeriod: string;
    activityHead: string;
    activityChain: string;
    activityVerified: string;
    activityBroken: (seq: number, reason: string) => string;
    activityByKind: string;
    activityKinds: Record<ActivityKind, string>;
    activityBreaks: Record<ChainBreak, string>;
  };
  truncated: (total: number) => string;
}

export interface ConclusionFigures {
  assessed: number;
  atRisk: number;
  atRiskHigh: number;
  atRiskMedium: number;
  atRiskLow: number;
  incomplete: number;
  groups: number;
  instances: number;
  publicInstances: number;
  totalGroups: number;
  totalInstances: number;
  notAssessed: number;
  evidenceGaps: number;
  topInstance: string;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

function gapEn(gap: EvidenceGap): string {
  const collection = {
    'security-groups': 'security groups',
    instances: 'instances',
    'network-interfaces': 'network interfaces',
    rules: 'rules',
  } as const;
  switch (gap.kind) {
    case 'missing-pages':
      return `Missing pages of ${collection[gap.collection]} in region ${gap.regionId}: the export announces ${gap.expected}, ${gap.present} are present.`;
    case 'more-pages':
      return `The export of ${collection[gap.collection]}${gap.groupId === undefined ? '' : ` of group ${gap.groupId}`} says more pages follow, but they were not provided (file ${gap.file}).`;
    case 'missing-rules':
      return `The rules of security group ${gap.groupId} were not exported; it is used by ${gap.referencedBy.join(', ') || 'no known instance'}.`;
    case 'skipped-rules':
      return `${plural(gap.count, 'rule', 'rules')} of security group ${gap.groupId} could not be read and were skipped.`;
  }
}

function gapZh(gap: EvidenceGap): string {
  const collection = { 'security-groups': '安全组', instances: '实例', 'network-interfaces': '弹性网卡', rules: '规则' } as const;
  switch (gap.kind) {
    case 'missing-pages':
      return `地域 ${gap.regionId} 的${collection[gap.collection]}缺少分页：导出声明 ${gap.expected} 条，实际 ${gap.present} 条。`;
    case 'more-pages':
      return `${gap.groupId === undefined ? '' : `安全组 ${gap.groupId} 的`}${collection[gap.collection]}导出表明还有后续分页，但未提供（文件 ${gap.file}）。`;
    case 'missing-rules':
      return `安全组 ${gap.groupId} 的规则未导出；使用它的实例：${gap.referencedBy.join('、') || '无已知实例'}。`;
    case 'skipped-rules':
      return `安全组 ${gap.groupId} 有 ${gap.count} 条规则无法读取，已跳过。`;
  }
}

const en: ReportText = {
  title: 'Security Group Exposure Audit',
  subtitle: 'Alibaba Cloud security groups: which rules expose which servers to the whole internet',
  confidential: 'Confidential. Prepared for the client named above; based solely on the exports listed in this report.',
  cover: {
    client: 'Client',
    engagement: 'Engagement',
    auditor: 'Auditor',
    date: 'Report date',
    auditName: 'Audit',
    generatedAt: 'Generated at (UTC)',
    appVersion: 'Application',
    catalogueVersion: 'Check catalogue',
    findingsSha256: 'Findings SHA-256',
    statement:
      'This report was produced offline from the configuration exports listed in section 1. Every input is identified by its SHA-256, and the findings data by the hash above, so the report can be tied to its evidence.',
  },
  contents: 'Contents',
  page: (page, pages) => `Page ${page} of ${pages}`,
  footer: (tool, catalogue, findings) => `${tool} · catalogue ${catalogue} · findings ${findings}…`,
  headerTitle: 'Security group exposure audit',
  none: 'None.',
  notSet: '—',
  sections: {
    scope: '1  Scope and evidence',
    inputs: '1.1  Input files',
    counts: '1.2  What was assessed',
    warnings: '1.3  Completeness of the evidence',
    notAssessed: '1.4  Checks not assessed',
    method: '1.5  Method',
    summary: '2  Executive summary',
    conclusion: '2.1  Conclusion',
    figures: '2.2  Key figures',
    chart: '2.3  Checks by risk level',
    exposed: '2.4  Most exposed servers',
    results: '3  Results',
    findings: '4  Findings by check',
    appendix: 'Appendix',
    appendixGroups: 'A  Security groups assessed',
    appendixInstances: 'B  Instances assessed',
    appendixIntegrity: 'C  Integrity of the findings',
    appendixActivity: 'D  Activity log',
  },
  inputs: {
    file: 'File and SHA-256',
    kind: 'Detected kind',
    size: 'Size',
    records: 'Records',
    sha256: 'SHA-256',
    container: (zip) => `in archive ${zip}`,
  },
  kinds: {
    'alibaba:DescribeSecurityGroups': 'Security groups',
    'alibaba:DescribeSecurityGroupAttribute': 'Group rules',
    'alibaba:DescribeInstances': 'Instances',
    'alibaba:DescribeNetworkInterfaces': 'Network interfaces',
    zip: 'ZIP archive',
    unreadable: 'Not usable',
  },
  counts: {
    groups: 'Security groups',
    rules: 'Rules',
    instances: 'Instances (ECS)',
    interfaces: 'Network interfaces',
    regions: 'Regions',
  },
  warnings: {
    intro:
      'Where the exports lack evidence, the checks it touches are reported as incomplete, never as passed. The following problems were found while reading the exports.',
    none: 'No problems were found: as far as the exports show, the evidence is complete.',
    severity: { error: 'Error', warning: 'Warning' },
    file: 'File',
    message: 'Problem',
    gapsHeading: 'Missing evidence',
    issuesHeading: 'Import errors and warnings',
    more: (count) => `… and ${count} more, listed in the JSON export.`,
  },
  gap: gapEn,
  notAssessed: {
    intro: 'The following checks were switched off for this audit. They were not assessed, and this report makes no statement about them.',
    none: (assessed) => `None: all ${assessed} checks of the catalogue were assessed.`,
  },
  method: [
    'The assessment is a static analysis of the exported configuration: the security groups, their inbound rules and the instances (ECS) that use them, as returned by the Alibaba Cloud API. Each group is judged on its own rules, and each instance on the merged rules of all its security groups. Rules are evaluated as the cloud does: the smaller priority number wins, and at equal priority Drop wins over Accept; sources are compared as IPv4 and IPv6 address ranges, so that 0.0.0.0/1 together with 128.0.0.0/1 counts as open to all. A check is at risk when an applying Accept rule opens its port to every address. Each finding names the rules that decide it and the Drop rules that restrict it only in part.',
    'The analysis cannot see what the exports do not contain: NAT gateways and port forwarding, load balancers (SLB/ALB/NLB) and their listeners, Cloud Firewall and network ACL policies, firewalls on the hosts themselves, and whether a service actually listens on an open port. An instance without a public address is reported when its rules are open, since a NAT or load balancer rule could expose it. Rules that cannot be decided offline (prefix lists, port lists) and missing pages of the export are reported as incomplete. The findings reflect the configuration at the time of the export, not later changes.',
  ],
  risk: { high: 'High', medium: 'Medium', low: 'Low' },
  status: { 'at-risk': 'At risk', passed: 'Passed', incomplete: 'Incomplete', disabled: 'Not assessed' },
  figures: {
    checks: (risk) => `${risk}-risk checks`,
    groups: 'Security groups',
    instances: 'Servers',
    publicInstances: 'With a public IP',
    atRiskOf: (count) => `at risk, of ${count}`,
  },
  chart: {
    caption: 'Enabled checks by risk level and result',
    legendAtRisk: 'At risk',
    legendIncomplete: 'Incomplete',
    legendPassed: 'Passed',
    counts: (atRisk, incomplete, passed) => `${atRisk} at risk · ${incomplete} incomplete · ${passed} passed`,
  },
  exposed: {
    intro: (shown, total) =>
      shown === total
        ? 'Servers found at risk, those with a public IP address first.'
        : `The ${shown} most exposed of ${total} servers at risk, those with a public IP address first.`,
    none: 'No server is exposed by the checks assessed.',
    instance: 'Instance',
    publicIp: 'Public IP',
    highest: 'Highest risk',
    checks: 'Checks at risk',
    ports: 'Open to the internet',
    noPublicIp: 'no public IP',
  },
  conclusion: (f) => {
    if (f.assessed === 0) return 'No check was assessed, so this report makes no statement about exposure.';
    const parts: string[] = [];
    if (f.atRisk === 0) {
      parts.push(
        `None of the ${f.assessed} checks assessed found a security group or server open to the whole internet on a watched port.`,
      );
    } else {
      const levels = [
        f.atRiskHigh > 0 ? `${f.atRiskHigh} high` : '',
        f.atRiskMedium > 0 ? `${f.atRiskMedium} medium` : '',
        f.atRiskLow > 0 ? `${f.atRiskLow} low` : '',
      ].filter((part) => part !== '');
      parts.push(
        `${f.atRisk} of the ${f.assessed} checks assessed are at risk (${levels.join(', ')}). ${plural(f.groups, 'security group', 'security groups')} of ${f.totalGroups} and ${plural(f.instances, 'server', 'servers')} of ${f.totalInstances} are exposed, ${f.publicInstances} of them with a public IP address and therefore directly reachable from the internet.`,
      );
      if (f.atRiskHigh > 0) parts.push('The high-risk item opens every port and should be closed first.');
      if (f.topInstance !== '') parts.push(`The most exposed server is ${f.topInstance}.`);
      parts.push(
        'Each finding in section 4 names the rule to change; once the rules are narrowed, a new export and audit should confirm that no item remains at risk.',
      );
    }
    if (f.incomplete > 0 || f.evidenceGaps > 0) {
      parts.push(
        `${plural(f.incomplete, 'check is', 'checks are')} incomplete because evidence is missing or cannot be decided offline; they are not reported as passed.`,
      );
    }
    if (f.notAssessed > 0) parts.push(`${plural(f.notAssessed, 'check was', 'checks were')} switched off and not assessed.`);
    return parts.join(' ');
  },
  results: { number: 'No.', risk: 'Risk level', check: 'Check item', counts: 'At-risk groups / servers', status: 'Status' },
  findings: {
    intro: 'For each check at risk or incomplete: the risk and how to handle it, then each security group and server concerned with the rules that decide it.',
    none: 'No check is at risk or incomplete.',
    risk: 'Risk',
    suggestion: 'Handling suggestion',
    groupsHeading: (count) => `At-risk security groups (${count})`,
    instancesHeading: (count) => `At-risk servers (${count})`,
    incompleteHeading: (count) => `To review: evidence missing or not decidable offline (${count})`,
    checkGaps: 'Missing evidence that bears on this check',
    group: 'Security group',
    instance: 'Server',
    region: 'Region',
    publicIp: 'Public IP',
    noPublicIp: 'no public IP',
    open: 'Open to all addresses',
    usedBy: 'Used by',
    usedByNone: 'no instance in the export',
    memberOf: 'Security groups',
    noRules: 'No single rule decides this item; see the security groups listed.',
    noRulesIncomplete: 'The rules that would decide this item are not in the export: see the missing evidence above.',
    needsReview: 'to review',
    objectGaps: 'Missing evidence',
    more: (count) => `… and ${count} more.`,
  },
  rule: {
    id: 'Rule ID',
    idAndGroup: 'Rule ID / security group',
    group: 'Security group',
    priority: 'Priority',
    policy: 'Policy',
    protocol: 'Protocol',
    ports: 'Ports',
    source: 'Source',
    description: 'Description',
    role: { accept: 'decides', 'partial-drop': 'restricts in part', unresolved: 'not decidable' },
    accept: 'Accept',
    drop: 'Drop',
  },
  appendix: {
    groupsIntro: 'Every security group in the exports, whether at risk or not.',
    instancesIntro: 'Every instance in the exports, whether at risk or not.',
    id: 'ID',
    name: 'Name',
    region: 'Region',
    vpc: 'VPC',
    type: 'Type',
    ingressRules: 'Inbound rules',
    instances: 'Instances',
    rulesMissing: 'rules not exported',
    publicIps: 'Public IP',
    groups: 'Security groups',
    integrityIntro:
      'The findings hash is the SHA-256 of the canonical JSON (keys sorted, no whitespace) of the catalogue version and, for every check, its id, risk, enabled flag, status, at-risk ids, evidence gaps and findings. It does not depend on the report language or time.',
    findingsSha256: 'Findings SHA-256',
    howToVerify:
      'To verify: export the same audit as JSON (sg-audit scan … --format json) and compare its findingsSha256 with the value above; the input hashes in section 1.1 identify the exports the findings were drawn from.',
    activityIntro:
      'The app logs every action on this audit (created, details edited, files imported, check items switched, reports exported, storage upgraded or restored) in an append-only log. Each entry carries the SHA-256 of its own contents and of the entry before it, so a removed, reordered or edited entry breaks the chain. The head hash pins the log as it was when this report was made; the report itself is logged after it is saved.',
    activityEntries: 'Entries',
    activityPeriod: 'First and last entry',
    activityHead: 'Head hash (SHA-256)',
    activityChain: 'Hash chain',
    activityVerified: 'verified: every entry follows the one before it',
    activityBroken: (seq, reason) => `BROKEN at entry ${seq}: ${reason}`,
    activityByKind: 'Entries by kind',
    activityKinds: { create: 'created', edit: 'details edited', import: 'files imported', toggle: 'items switched', export: 'reports exported', upgrade: 'storage upgraded', restore: 'restored from backup' },
    activityBreaks: {
      audit: 'the entry belongs to another audit',
      sequence: 'an entry before it was removed or inserted',
      link: 'it does not follow the entry before it',
      hash: 'the entry was changed after it was written',
    },
  },
  truncated: (total) => ` … [cut: ${total.toLocaleString('en-US')} characters in all; full text in the JSON and CSV exports]`,
};

const zh: ReportText = {
  title: '安全组公网暴露审计报告',
  subtitle: '阿里云安全组：哪些规则把哪些服务器暴露给整个互联网',
  confidential: '机密。仅供上述客户使用；结论完全基于本报告所列的导出文件。',
  cover: {
    client: '客户',
    engagement: '项目',
    auditor: '审计员',
    date: '报告日期',
    auditName: '审计',
    generatedAt: '生成时间（UTC）',
    appVersion: '应用版本',
    catalogueVersion: '检查项目录版本',
    findingsSha256: '风险数据 SHA-256',
    statement:
      '本报告根据第 1 节所列的配置导出文件离线生成。每个输入文件都以 SHA-256 标识，风险数据以上方的哈希值标识，因此报告可以与其证据一一对应。',
  },
  contents: '目录',
  page: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
  footer: (tool, catalogue, findings) => `${tool} · 检查项目录 ${catalogue} · 风险数据 ${findings}…`,
  headerTitle: '安全组公网暴露审计',
  none: '无。',
  notSet: '—',
  sections: {
    scope: '1  范围与证据',
    inputs: '1.1  输入文件',
    counts: '1.2  评估对象',
    warnings: '1.3  证据完整性',
    notAssessed: '1.4  未评估的检查项',
    method: '1.5  方法',
    summary: '2  摘要',
    conclusion: '2.1  结论',
    figures: '2.2  关键数字',
    chart: '2.3  按风险等级的检查项',
    exposed: '2.4  暴露最严重的服务器',
    results: '3  检查结果',
    findings: '4  各检查项的风险明细',
    appendix: '附录',
    appendixGroups: 'A  已评估的安全组',
    appendixInstances: 'B  已评估的实例',
    appendixIntegrity: 'C  风险数据的完整性',
    appendixActivity: 'D  操作记录',
  },
  inputs: {
    file: '文件与 SHA-256',
    kind: '识别类型',
    size: '大小',
    records: '记录数',
    sha256: 'SHA-256',
    container: (zip) => `位于压缩包 ${zip}`,
  },
  kinds: {
    'alibaba:DescribeSecurityGroups': '安全组',
    'alibaba:DescribeSecurityGroupAttribute': '安全组规则',
    'alibaba:DescribeInstances': '实例',
    'alibaba:DescribeNetworkInterfaces': '弹性网卡',
    zip: 'ZIP 压缩包',
    unreadable: '不可用',
  },
  counts: { groups: '安全组', rules: '规则', instances: '实例（ECS）', interfaces: '弹性网卡', regions: '地域' },
  warnings: {
    intro: '导出文件缺少证据时，受影响的检查项报告为“不完整”，不会报告为“通过”。读取导出文件时发现以下问题。',
    none: '未发现问题：就导出文件所示，证据是完整的。',
    severity: { error: '错误', warning: '警告' },
    file: '文件',
    message: '问题',
    gapsHeading: '缺失的证据',
    issuesHeading: '导入错误和警告',
    more: (count) => `… 另有 ${count} 条，见 JSON 导出。`,
  },
  gap: gapZh,
  notAssessed: {
    intro: '以下检查项在本次审计中已关闭，未被评估，本报告对其不作任何结论。',
    none: (assessed) => `无：目录中的全部 ${assessed} 个检查项均已评估。`,
  },
  method: [
    '本次评估是对导出配置的静态分析：阿里云 API 返回的安全组、其入方向规则以及使用这些安全组的实例（ECS）。每个安全组按其自身规则判定，每个实例按其所有安全组合并后的规则判定。规则的判定方式与云平台一致：优先级数字越小越优先，优先级相同时拒绝（Drop）优先于允许（Accept）；授权对象按 IPv4 和 IPv6 地址范围比较，因此 0.0.0.0/1 与 128.0.0.0/1 合起来视为对所有地址开放。当一条生效的允许规则把某个端口开放给所有地址时，该检查项即为有风险。每条风险都列出决定它的规则，以及仅部分限制它的拒绝规则。',
    '分析看不到导出文件中没有的内容：NAT 网关与端口转发、负载均衡（SLB/ALB/NLB）及其监听、云防火墙与网络 ACL 策略、主机自身的防火墙，以及开放端口上是否真有服务在监听。没有公网地址的实例在其规则开放时同样会被报告，因为 NAT 或负载均衡规则可能使其暴露。无法离线判定的规则（前缀列表、端口列表）以及导出缺失的分页报告为“不完整”。结论反映导出时的配置，不反映之后的变更。',
  ],
  risk: { high: '高危', medium: '中危', low: '低危' },
  status: { 'at-risk': '有风险', passed: '通过', incomplete: '不完整', disabled: '未评估' },
  figures: {
    checks: (risk) => `${risk}检查项`,
    groups: '安全组',
    instances: '服务器',
    publicInstances: '有公网 IP',
    atRiskOf: (count) => `有风险，共 ${count} 个`,
  },
  chart: {
    caption: '已开启检查项：按风险等级和结果',
    legendAtRisk: '有风险',
    legendIncomplete: '不完整',
    legendPassed: '通过',
    counts: (atRisk, incomplete, passed) => `有风险 ${atRisk} · 不完整 ${incomplete} · 通过 ${passed}`,
  },
  exposed: {
    intro: (shown, total) =>
      shown === total ? '有风险的服务器，有公网 IP 的排在前面。' : `${total} 台风险服务器中暴露最严重的 ${shown} 台，有公网 IP 的排在前面。`,
    none: '在已评估的检查项中，没有服务器暴露。',
    instance: '实例',
    publicIp: '公网 IP',
    highest: '最高风险',
    checks: '有风险的检查项',
    ports: '对互联网开放',
    noPublicIp: '无公网 IP',
  },
  conclusion: (f) => {
    if (f.assessed === 0) return '没有评估任何检查项，因此本报告不对暴露情况作出结论。';
    const parts: string[] = [];
    if (f.atRisk === 0) {
      parts.push(`已评估的 ${f.assessed} 个检查项均未发现在所监测端口上对整个互联网开放的安全组或服务器。`);
    } else {
      const levels = [
        f.atRiskHigh > 0 ? `高危 ${f.atRiskHigh} 个` : '',
        f.atRiskMedium > 0 ? `中危 ${f.atRiskMedium} 个` : '',
        f.atRiskLow > 0 ? `低危 ${f.atRiskLow} 个` : '',
      ].filter((part) => part !== '');
      parts.push(
        `已评估的 ${f.assessed} 个检查项中有 ${f.atRisk} 个有风险（${levels.join('，')}）。${f.totalGroups} 个安全组中有 ${f.groups} 个、${f.totalInstances} 台服务器中有 ${f.instances} 台存在暴露，其中 ${f.publicInstances} 台有公网 IP，可从互联网直接访问。`,
      );
      if (f.atRiskHigh > 0) parts.push('高危项开放了所有端口，应首先关闭。');
      if (f.topInstance !== '') parts.push(`暴露最严重的服务器是 ${f.topInstance}。`);
      parts.push('第 4 节的每条风险都指明了需要修改的规则；收紧规则后，应重新导出并审计，确认不再有检查项处于风险状态。');
    }
    if (f.incomplete > 0 || f.evidenceGaps > 0) {
      parts.push(`${f.incomplete} 个检查项因证据缺失或无法离线判定而不完整，未将其报告为通过。`);
    }
    if (f.notAssessed > 0) parts.push(`${f.notAssessed} 个检查项已关闭，未被评估。`);
    return parts.join('');
  },
  results: { number: '序号', risk: '风险等级', check: '检查项', counts: '风险安全组 / 服务器', status: '状态' },
  findings: {
    intro: '对每个有风险或不完整的检查项：先说明风险和处理建议，再列出涉及的每个安全组和服务器及决定其结果的规则。',
    none: '没有有风险或不完整的检查项。',
    risk: '风险',
    suggestion: '处理建议',
    groupsHeading: (count) => `风险安全组（${count}）`,
    instancesHeading: (count) => `风险服务器（${count}）`,
    incompleteHeading: (count) => `待复核：证据缺失或无法离线判定（${count}）`,
    checkGaps: '与本检查项相关的缺失证据',
    group: '安全组',
    instance: '服务器',
    region: '地域',
    publicIp: '公网 IP',
    noPublicIp: '无公网 IP',
    open: '对所有地址开放',
    usedBy: '使用它的实例',
    usedByNone: '导出中没有实例使用',
    memberOf: '所属安全组',
    noRules: '此项不由单条规则决定；见所列安全组。',
    noRulesIncomplete: '决定此项的规则不在导出文件中：见上方缺失的证据。',
    needsReview: '待复核',
    objectGaps: '缺失的证据',
    more: (count) => `… 另有 ${count} 条。`,
  },
  rule: {
    id: '规则 ID',
    idAndGroup: '规则 ID / 安全组',
    group: '安全组',
    priority: '优先级',
    policy: '授权策略',
    protocol: '协议',
    ports: '端口',
    source: '授权对象',
    description: '描述',
    role: { accept: '决定开放', 'partial-drop': '部分限制', unresolved: '无法判定' },
    accept: '允许',
    drop: '拒绝',
  },
  appendix: {
    groupsIntro: '导出文件中的全部安全组，无论是否有风险。',
    instancesIntro: '导出文件中的全部实例，无论是否有风险。',
    id: 'ID',
    name: '名称',
    region: '地域',
    vpc: 'VPC',
    type: '类型',
    ingressRules: '入方向规则',
    instances: '实例',
    rulesMissing: '规则未导出',
    publicIps: '公网 IP',
    groups: '安全组',
    integrityIntro:
      '风险数据哈希是以下内容的规范 JSON（键排序、无空白）的 SHA-256：检查项目录版本，以及每个检查项的 ID、风险等级、开启状态、结果状态、风险对象 ID、缺失证据和风险明细。它与报告语言和生成时间无关。',
    findingsSha256: '风险数据 SHA-256',
    howToVerify:
      '验证方法：将同一审计导出为 JSON（sg-audit scan … --format json），比较其中的 findingsSha256 与上方的值；第 1.1 节中的输入文件哈希标识了风险数据所依据的导出文件。',
    activityIntro:
      '应用将对本审计的每一项操作（创建、修改信息、导入文件、开关检查项、导出报告、升级存储或从备份恢复）记入只可追加的操作记录。每条记录都带有其自身内容及前一条记录的 SHA-256，因此删除、调换或修改任何一条记录都会使哈希链断开。链首哈希固定了生成本报告时的操作记录；本报告保存后才会被记录。',
    activityEntries: '记录条数',
    activityPeriod: '首条与末条记录',
    activityHead: '链首哈希（SHA-256）',
    activityChain: '哈希链',
    activityVerified: '已验证：每条记录均承接前一条',
    activityBroken: (seq, reason) => `在第 ${seq} 条记录处断开：${reason}`,
    activityByKind: '各类记录条数',
    activityKinds: { create: '创建', edit: '修改信息', import: '导入文件', toggle: '开关检查项', export: '导出报告', upgrade: '升级存储', restore: '从备份恢复' },
    activityBreaks: {
      audit: '该记录属于其他审计',
      sequence: '其之前的记录被删除或插入',
      link: '该记录未承接前一条记录',
      hash: '该记录写入后被修改',
    },
  },
  truncated: (total) => ` … [已截断：共 ${total} 个字符；完整文本见 JSON 和 CSV 导出]`,
};

export const reportText: Record<Language, ReportText> = { en, zh };
