import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 3306', zh: 'TCP 3306' });

export const exposedMysql3306 = definePortCheck({
  id: 'exposed-mysql-3306',
  risk: 'medium',
  ports: tcp(3306),
  text: {
    en: {
      title: 'MySQL (TCP 3306) open to all IPs',
      risk:
        'An inbound rule accepts TCP 3306 from every IPv4 or IPv6 address, exposing MySQL to the internet. ' +
        'Attackers guess passwords for root and application accounts around the clock; once logged in they dump the tables, ' +
        'or delete them and leave a ransom demand, a routine attack on exposed databases. ' +
        'An account with the FILE privilege can also write files on the host (SELECT … INTO OUTFILE) or load a user-defined function to run system commands.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the security group of the application servers that use the database, or their private CIDR. ' +
        'Limit MySQL accounts to the application hosts (user@host), remove remote root login, and let administrators connect through a bastion host or VPN. ' +
        tail.en,
    },
    zh: {
      title: 'MySQL 端口 3306 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 3306，MySQL 直接暴露在互联网上。' +
        '攻击者会不间断地猜解 root 和应用账号的密码；登录成功后即可导出数据表，' +
        '或删除数据并留下勒索信息，这是针对公网数据库的常见手法。' +
        '拥有 FILE 权限的账号还能在主机上写文件（SELECT … INTO OUTFILE），或加载自定义函数（UDF）执行系统命令。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 改为使用该数据库的应用服务器所在的安全组，或其私网网段。' +
        '请将 MySQL 账号限定为来自应用主机（user@host），禁止 root 远程登录，管理员通过堡垒机或 VPN 连接。' +
        tail.zh,
    },
  },
});
