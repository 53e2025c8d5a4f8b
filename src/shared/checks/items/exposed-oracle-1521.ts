import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 1521', zh: 'TCP 1521' });

export const exposedOracle1521 = definePortCheck({
  id: 'exposed-oracle-1521',
  risk: 'medium',
  ports: tcp(1521),
  text: {
    en: {
      title: 'Oracle listener (TCP 1521) open to all IPs',
      risk:
        'An inbound rule accepts TCP 1521, the Oracle TNS listener, from every IPv4 or IPv6 address. ' +
        'Attackers enumerate service names and SIDs, then guess passwords for default and privileged accounts such as SYSTEM, DBSNMP or SCOTT, ' +
        'and attack unpatched listeners (for example TNS poisoning, CVE-2012-1675). ' +
        'With DBA rights they read or alter any data and can run operating-system commands through Java stored procedures or the scheduler.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the security group of the application servers that use the database, or their private CIDR. ' +
        'As a second layer, enable valid node checking in sqlnet.ora (TCP.VALIDNODE_CHECKING with TCP.INVITED_NODES), lock unused default accounts, and let DBAs connect through a bastion host or VPN. ' +
        tail.en,
    },
    zh: {
      title: 'Oracle 监听端口 1521 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 Oracle TNS 监听端口 TCP 1521。' +
        '攻击者会枚举服务名和 SID，再猜解 SYSTEM、DBSNMP、SCOTT 等默认账号和特权账号的密码，' +
        '并攻击未修补的监听程序（例如 TNS 投毒，CVE-2012-1675）。' +
        '一旦获得 DBA 权限，攻击者可以读取或篡改任意数据，还能借助 Java 存储过程或调度程序执行操作系统命令。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 改为使用该数据库的应用服务器所在的安全组，或其私网网段。' +
        '作为第二道防线，可在 sqlnet.ora 中启用有效节点检查（TCP.VALIDNODE_CHECKING 配合 TCP.INVITED_NODES），锁定不用的默认账号，DBA 通过堡垒机或 VPN 连接。' +
        tail.zh,
    },
  },
});
