import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 1433', zh: 'TCP 1433' });

export const exposedSqlserver1433 = definePortCheck({
  id: 'exposed-sqlserver-1433',
  risk: 'medium',
  ports: tcp(1433),
  text: {
    en: {
      title: 'SQL Server (TCP 1433) open to all IPs',
      risk:
        'An inbound rule accepts TCP 1433 from every IPv4 or IPv6 address, exposing Microsoft SQL Server to the internet. ' +
        'Attackers brute-force the sa login and other SQL logins without pause; with sysadmin rights they enable xp_cmdshell and run commands as the SQL Server service account, ' +
        'dump the databases, and deploy ransomware or crypto-miners on the host.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the security group of the application servers that use the database, or their private CIDR. ' +
        'Disable or rename the sa login, prefer Windows authentication, keep xp_cmdshell disabled, and let administrators connect through a bastion host or VPN. ' +
        tail.en,
    },
    zh: {
      title: 'SQL Server 端口 1433 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 1433，Microsoft SQL Server 直接暴露在互联网上。' +
        '攻击者会不停地暴力破解 sa 及其他 SQL 登录名；获得 sysadmin 权限后即可开启 xp_cmdshell，以 SQL Server 服务账号执行命令，' +
        '导出数据库，并在主机上部署勒索软件或挖矿程序。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 改为使用该数据库的应用服务器所在的安全组，或其私网网段。' +
        '请禁用或重命名 sa 登录名，优先使用 Windows 身份验证，保持 xp_cmdshell 关闭，管理员通过堡垒机或 VPN 连接。' +
        tail.zh,
    },
  },
});
