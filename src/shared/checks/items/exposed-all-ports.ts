import type { ExposureQuery } from '../../audit/context';
import { exposureFindings } from '../exposure-finding';
import type { CheckDefinition } from '../types';

// Every TCP port, or every UDP port (ALL, 1/65535, or ranges that together cover 1–65535).
const queries: readonly ExposureQuery[] = [
  { protocol: 'tcp', allPorts: true },
  { protocol: 'udp', allPorts: true },
];

export const exposedAllPorts: CheckDefinition = {
  id: 'exposed-all-ports',
  risk: 'high',
  // Empty on purpose: the item watches whole protocols, not ports. Listing 1–65535 here would make
  // every consumer of `ports` (registry tests, reports) treat it as 65,535 single-port watches.
  ports: [],
  text: {
    en: {
      title: 'All ports open to all IPs',
      risk:
        'An inbound rule accepts every TCP port or every UDP port (protocol ALL, or a 1/65535 range) from every IPv4 or IPv6 address, so the security group filters nothing. ' +
        'Every service listening on the instances is reachable from the internet, including databases, caches, admin consoles, debug ports and agents installed later. ' +
        'Attackers scan the whole port range and exploit whichever service is weakest: brute force, unauthenticated access, known vulnerabilities, then ransomware or mining.',
      suggestion:
        'Delete the rule and replace it with Accept rules for only the ports the service needs, for example TCP 80 and 443 from 0.0.0.0/0 and ::/0 for a public web server; ' +
        'administrative ports only from your office or VPN CIDR, or through a bastion host. ' +
        'If the broad rule cannot be removed at once, add the narrow Accept rules first, then Drop rules for protocol ALL from 0.0.0.0/0 and from ::/0 ' +
        'with a priority number greater than those of the narrow Accepts and not greater than that of the broad Accept (smaller numbers win; at equal priority Drop wins). ' +
        'Afterwards, export the security groups and instances again, re-run the audit and confirm that neither the group nor its instances are listed under this item, for IPv4 and for IPv6.',
    },
    zh: {
      title: '全部端口对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问全部 TCP 端口或全部 UDP 端口（协议为 ALL，或端口范围为 1/65535），安全组形同虚设。' +
        '实例上监听的所有服务都能从互联网直接访问，包括数据库、缓存、管理控制台、调试端口以及日后安装的各类代理程序。' +
        '攻击者会扫描整个端口范围，挑最薄弱的服务下手：暴力破解、未授权访问、利用已知漏洞，继而投放勒索软件或挖矿程序。',
      suggestion:
        '删除该规则，改为只放行业务必需的端口，例如对公网 Web 服务器只允许 0.0.0.0/0 和 ::/0 访问 TCP 80 和 443；' +
        '管理端口只对办公网或 VPN 网段开放，或通过堡垒机访问。' +
        '如果无法立即删除这条宽泛规则，请先添加上述精确的允许规则，再分别针对 0.0.0.0/0 和 ::/0 添加协议为 ALL 的拒绝（Drop）规则，' +
        '其优先级数值应大于精确允许规则、且不大于宽泛允许规则（数值越小优先级越高，同一优先级下拒绝规则生效）。' +
        '修改后请重新导出安全组和实例数据并再次运行审计，确认该安全组及其实例在 IPv4 和 IPv6 下均不再出现在本检查项中。',
    },
  },
  evaluate: (context) => exposureFindings(context, queries),
};
