import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 6379', zh: 'TCP 6379' });

export const exposedRedis6379 = definePortCheck({
  id: 'exposed-redis-6379',
  risk: 'medium',
  ports: tcp(6379),
  text: {
    en: {
      title: 'Redis (TCP 6379) open to all IPs',
      risk:
        'An inbound rule accepts TCP 6379 from every IPv4 or IPv6 address, exposing Redis to the internet. ' +
        'Redis commonly runs without a password: anyone can read every key (sessions, tokens, cached personal data) or wipe them with FLUSHALL and demand a ransom. ' +
        'With CONFIG SET dir and dbfilename followed by SAVE, an attacker writes their public key into /root/.ssh/authorized_keys or a job into the crontab, ' +
        'or loads a malicious module through a rogue replication master, and gains code execution on the host, the standard way mining botnets spread.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the security group of the application servers that use Redis, or their private CIDR. ' +
        'Require authentication (requirepass or ACL users), bind Redis to private addresses with protected mode on, rename or disable CONFIG, and run it as an unprivileged user. ' +
        tail.en,
    },
    zh: {
      title: 'Redis 端口 6379 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 6379，Redis 直接暴露在互联网上。' +
        'Redis 常常未设置密码：任何人都能读取所有键（会话、令牌、缓存的个人信息），或用 FLUSHALL 清空数据后索要赎金。' +
        '攻击者还能通过 CONFIG SET dir 和 dbfilename 再执行 SAVE，把自己的公钥写入 /root/.ssh/authorized_keys 或向 crontab 写入定时任务，' +
        '或通过伪造的主从复制加载恶意模块，从而在主机上执行代码，这正是挖矿僵尸网络最常见的传播方式。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 改为使用 Redis 的应用服务器所在的安全组，或其私网网段。' +
        '请开启认证（requirepass 或 ACL 用户），只绑定私网地址并开启保护模式（protected-mode），重命名或禁用 CONFIG 命令，并以非 root 用户运行 Redis。' +
        tail.zh,
    },
  },
});
