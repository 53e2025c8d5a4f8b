import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 50070 and 50030', zh: 'TCP 50070 和 50030' });

export const exposedHadoop5007050030 = definePortCheck({
  id: 'exposed-hadoop-50070-50030',
  risk: 'medium',
  ports: tcp(50070, 50030),
  text: {
    en: {
      title: 'Hadoop web UIs (TCP 50070/50030) open to all IPs',
      risk:
        'An inbound rule accepts TCP 50070 (HDFS NameNode web UI and WebHDFS) or 50030 (MapReduce JobTracker web UI) from every IPv4 or IPv6 address. ' +
        'Without Kerberos, WebHDFS trusts the user name given in the request: attackers browse and download everything stored in HDFS, overwrite or delete files as any user, and leave ransom notes. ' +
        'The JobTracker UI discloses job configurations, which often hold credentials, and lets anyone kill running jobs.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the specific CIDR of your office or VPN egress, ' +
        'so the web UIs are reached only through a bastion host or VPN. ' +
        'Enable Kerberos with SPNEGO authentication on the Hadoop web endpoints. ' +
        tail.en,
    },
    zh: {
      title: 'Hadoop Web 端口 50070/50030 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 50070（HDFS NameNode Web 界面及 WebHDFS）或 50030（MapReduce JobTracker Web 界面）。' +
        '未启用 Kerberos 时，WebHDFS 直接信任请求中携带的用户名：攻击者可以浏览并下载 HDFS 中的全部数据，以任意用户身份覆盖或删除文件，并留下勒索信息。' +
        'JobTracker 界面会泄露作业配置（其中常含有账号密码），任何人都能终止正在运行的作业。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 收窄为办公网或 VPN 出口的具体网段，' +
        '使 Web 界面只能通过堡垒机或 VPN 访问。' +
        '请启用 Kerberos，并为 Hadoop 的 Web 端点开启 SPNEGO 认证。' +
        tail.zh,
    },
  },
});
