import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 3389', zh: 'TCP 3389' });

export const exposedRdp3389 = definePortCheck({
  id: 'exposed-rdp-3389',
  risk: 'medium',
  ports: tcp(3389),
  text: {
    en: {
      title: 'RDP (TCP 3389) open to all IPs',
      risk:
        'An inbound rule accepts TCP 3389 from every IPv4 or IPv6 address, exposing the Remote Desktop service of the Windows instances behind it to the whole internet. ' +
        'Attackers run continuous brute-force and credential-stuffing attacks against Administrator and domain accounts, and exploit unpatched RDP flaws such as BlueKeep (CVE-2019-0708) without any password. ' +
        'Exposed RDP is one of the most common entry points for ransomware crews, who log in, disable backups and security tools, and encrypt the server and every share it can reach.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the specific CIDR of your office or VPN egress (for example 203.0.113.0/24). ' +
        'Reach Windows servers through a bastion host, VPN or Remote Desktop Gateway instead of direct RDP, and enforce Network Level Authentication and an account lockout policy. ' +
        tail.en,
    },
    zh: {
      title: 'RDP 端口 3389 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 3389 端口，相关 Windows 实例的远程桌面服务完全暴露在互联网上。' +
        '攻击者会持续对 Administrator 及域账号进行暴力破解和撞库，还能在无需密码的情况下利用 BlueKeep（CVE-2019-0708）等未修补的 RDP 漏洞。' +
        '暴露的 RDP 是勒索软件团伙最常用的入口之一：他们登录后会关闭备份和安全软件，再加密服务器及其能访问到的所有共享目录。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 收窄为办公网或 VPN 出口的具体网段（例如 203.0.113.0/24）。' +
        '请通过堡垒机、VPN 或远程桌面网关访问 Windows 服务器，不要直接开放 RDP，并启用网络级身份验证（NLA）和账户锁定策略。' +
        tail.zh,
    },
  },
});
