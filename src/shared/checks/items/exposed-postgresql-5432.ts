import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 5432', zh: 'TCP 5432' });

export const exposedPostgresql5432 = definePortCheck({
  id: 'exposed-postgresql-5432',
  risk: 'medium',
  ports: tcp(5432),
  text: {
    en: {
      title: 'PostgreSQL (TCP 5432) open to all IPs',
      risk:
        'An inbound rule accepts TCP 5432 from every IPv4 or IPv6 address, exposing PostgreSQL to the internet. ' +
        'Attackers brute-force the postgres superuser and application roles, and take advantage of pg_hba.conf entries that use trust. ' +
        'A superuser can run shell commands with COPY … FROM PROGRAM, which mining botnets use to take over the host; ' +
        'data is dumped, or deleted and held for ransom.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the security group of the application servers that use the database, or their private CIDR. ' +
        'In pg_hba.conf allow host connections only from the application subnets with scram-sha-256, never trust, and let administrators connect through a bastion host or VPN. ' +
        tail.en,
    },
    zh: {
      title: 'PostgreSQL 端口 5432 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 5432，PostgreSQL 直接暴露在互联网上。' +
        '攻击者会暴力破解 postgres 超级用户和应用角色的密码，并利用 pg_hba.conf 中配置为 trust 的条目。' +
        '超级用户可以通过 COPY … FROM PROGRAM 执行 Shell 命令，挖矿僵尸网络正是借此控制主机；' +
        '数据则会被导出，或被删除后用于勒索。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 改为使用该数据库的应用服务器所在的安全组，或其私网网段。' +
        '在 pg_hba.conf 中只允许应用网段以 scram-sha-256 方式连接，禁止使用 trust，管理员通过堡垒机或 VPN 连接。' +
        tail.zh,
    },
  },
});
