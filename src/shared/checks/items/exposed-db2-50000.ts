import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 50000', zh: 'TCP 50000' });

export const exposedDb250000 = definePortCheck({
  id: 'exposed-db2-50000',
  risk: 'medium',
  ports: tcp(50000),
  text: {
    en: {
      title: 'DB2 (TCP 50000) open to all IPs',
      risk:
        'An inbound rule accepts TCP 50000, the default port of a DB2 instance, from every IPv4 or IPv6 address. ' +
        'DB2 authenticates against operating-system accounts, so attackers guess passwords for db2inst1, db2admin and other local users, which can also open SSH or RDP on the same host; ' +
        'they also probe the DRDA listener for unpatched vulnerabilities. Once connected they export business tables, or drop or encrypt them and demand a ransom.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the security group of the application servers that use the database, or their private CIDR. ' +
        'Database administrators should connect through a bastion host or VPN, never directly from the internet. ' +
        tail.en,
    },
    zh: {
      title: 'DB2 端口 50000 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 DB2 实例的默认端口 TCP 50000。' +
        'DB2 使用操作系统账号认证，攻击者会猜解 db2inst1、db2admin 等本地用户的密码，而这些账号往往也能登录同一主机的 SSH 或 RDP；' +
        '攻击者还会探测 DRDA 监听服务中未修补的漏洞。连接成功后，他们会导出业务数据表，或删除、加密数据并索要赎金。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 改为使用该数据库的应用服务器所在的安全组，或其私网网段。' +
        '数据库管理员应通过堡垒机或 VPN 连接，切勿直接从公网访问。' +
        tail.zh,
    },
  },
});
