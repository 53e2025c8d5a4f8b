import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 22', zh: 'TCP 22' });

export const exposedSsh22 = definePortCheck({
  id: 'exposed-ssh-22',
  risk: 'medium',
  ports: tcp(22),
  text: {
    en: {
      title: 'SSH (TCP 22) open to all IPs',
      risk:
        'An inbound rule accepts TCP 22 from every IPv4 or IPv6 address, so anyone on the internet can reach the SSH service of the Linux instances behind it. ' +
        'Scanners find such hosts within minutes and run password brute-force and credential-stuffing attacks against root and common account names; ' +
        'one weak or reused password gives the attacker a shell, from which they install crypto-miners or botnet agents, steal data and move laterally inside the VPC.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the specific CIDR of your office or VPN egress (for example 203.0.113.0/24). ' +
        'Route day-to-day administration through a bastion host or VPN rather than exposing SSH directly, and use key-based login with password authentication disabled. ' +
        tail.en,
    },
    zh: {
      title: 'SSH 端口 22 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 22 端口，互联网上的任何人都能连接到相关 Linux 实例的 SSH 服务。' +
        '扫描器通常在几分钟内就能发现此类主机，并针对 root 及常见用户名发起密码暴力破解和撞库攻击；' +
        '只要有一个弱口令或被重复使用的密码被猜中，攻击者就能获得 Shell，进而植入挖矿程序或僵尸网络木马、窃取数据，并在 VPC 内横向移动。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 收窄为办公网或 VPN 出口的具体网段（例如 203.0.113.0/24）。' +
        '日常运维请通过堡垒机或 VPN 登录，不要把 SSH 直接暴露在公网上，并改用密钥登录、关闭密码认证。' +
        tail.zh,
    },
  },
});
