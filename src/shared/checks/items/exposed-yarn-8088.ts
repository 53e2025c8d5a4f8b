import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 8088', zh: 'TCP 8088' });

export const exposedYarn8088 = definePortCheck({
  id: 'exposed-yarn-8088',
  risk: 'medium',
  ports: tcp(8088),
  text: {
    en: {
      title: 'Hadoop YARN (TCP 8088) open to all IPs',
      risk:
        'An inbound rule accepts TCP 8088, the Hadoop YARN ResourceManager web UI and REST API, from every IPv4 or IPv6 address. ' +
        'Without Kerberos the REST API accepts anonymous requests: an attacker asks for a new application id and submits an application whose container command is any shell command, ' +
        'which the NodeManagers then run. This remote code execution is exploited at scale by crypto-mining botnets, and gives access to the data stored on the cluster.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the specific CIDR of your office or VPN egress; ' +
        "clients that submit jobs should sit in the cluster's VPC or reach it through a bastion host or VPN. " +
        'Enable Kerberos authentication for YARN so that job submission requires an identity. ' +
        tail.en,
    },
    zh: {
      title: 'Hadoop YARN 端口 8088 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 8088，即 Hadoop YARN ResourceManager 的 Web 界面和 REST API。' +
        '未启用 Kerberos 时该 REST API 接受匿名请求：攻击者先申请新的应用 ID，再提交一个容器启动命令为任意 Shell 命令的应用，由 NodeManager 执行。' +
        '这种远程代码执行已被挖矿僵尸网络大规模利用，攻击者还能借此访问集群上存储的数据。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 收窄为办公网或 VPN 出口的具体网段；' +
        '提交作业的客户端应位于集群所在的 VPC 内，或通过堡垒机、VPN 访问。' +
        '请为 YARN 启用 Kerberos 认证，使提交作业必须具备身份凭证。' +
        tail.zh,
    },
  },
});
