import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 27017', zh: 'TCP 27017' });

export const exposedMongodb27017 = definePortCheck({
  id: 'exposed-mongodb-27017',
  risk: 'medium',
  ports: tcp(27017),
  text: {
    en: {
      title: 'MongoDB (TCP 27017) open to all IPs',
      risk:
        'An inbound rule accepts TCP 27017 from every IPv4 or IPv6 address, exposing MongoDB to the internet. ' +
        'A server started without access control answers anyone: attackers list the databases, dump every collection, ' +
        'then drop them and leave a ransom note, a campaign that has hit tens of thousands of open servers. ' +
        'Where authentication is on, they brute-force weak passwords and exploit unpatched server vulnerabilities.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the security group of the application servers that use the database, or their private CIDR. ' +
        'Enable access control (security.authorization) and TLS, bind mongod to private addresses only, and let administrators connect through a bastion host or VPN. ' +
        tail.en,
    },
    zh: {
      title: 'MongoDB 端口 27017 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 27017，MongoDB 直接暴露在互联网上。' +
        '未开启访问控制的实例对任何人都有问必答：攻击者可以列出所有数据库、导出全部集合，' +
        '然后删除数据并留下勒索信息，这类攻击已波及数万台公开的服务器。' +
        '即使开启了认证，攻击者也会暴力破解弱口令，并利用未修补的服务端漏洞。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 改为使用该数据库的应用服务器所在的安全组，或其私网网段。' +
        '请开启访问控制（security.authorization）和 TLS，mongod 只绑定私网地址，管理员通过堡垒机或 VPN 连接。' +
        tail.zh,
    },
  },
});
