import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 9200 and 9300', zh: 'TCP 9200 和 9300' });

export const exposedElasticsearch92009300 = definePortCheck({
  id: 'exposed-elasticsearch-9200-9300',
  risk: 'medium',
  ports: tcp(9200, 9300),
  text: {
    en: {
      title: 'Elasticsearch (TCP 9200/9300) open to all IPs',
      risk:
        'An inbound rule accepts TCP 9200 (the HTTP REST API) or 9300 (the node-to-node transport) of Elasticsearch from every IPv4 or IPv6 address. ' +
        'Clusters without security features enabled answer anyone: attackers list the indices, download every document (customer records, logs containing tokens), ' +
        'then delete the indices and leave a ransom note, as in the mass wiping campaigns against open clusters. ' +
        'Old versions also allow remote code execution through dynamic scripting (CVE-2014-3120, CVE-2015-1427), and an open transport port lets a rogue node talk to the cluster.',
      suggestion:
        "Delete the rule, or narrow its source 0.0.0.0/0 or ::/0: allow 9300 only from the cluster's own nodes (a rule whose source is the cluster's security group), " +
        'and 9200 only from the application servers or an authenticating reverse proxy. ' +
        'Enable Elasticsearch security (user authentication and TLS), and have operators use Kibana or the API through a bastion host or VPN. ' +
        tail.en,
    },
    zh: {
      title: 'Elasticsearch 端口 9200/9300 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 Elasticsearch 的 TCP 9200（HTTP REST API）或 9300（节点间传输端口）。' +
        '未启用安全功能的集群对任何人都有问必答：攻击者可以列出全部索引、下载所有文档（客户资料、含令牌的日志等），' +
        '随后删除索引并留下勒索信息，针对公开集群的大规模清空勒索事件正是如此。' +
        '旧版本还可通过动态脚本实现远程代码执行（CVE-2014-3120、CVE-2015-1427），开放的传输端口则可能让恶意节点与集群直接通信。',
      suggestion:
        '删除该规则，或收窄授权对象 0.0.0.0/0、::/0：9300 只允许集群自身节点访问（授权对象设为集群所在的安全组），' +
        '9200 只允许应用服务器或带认证的反向代理访问。' +
        '请启用 Elasticsearch 安全功能（用户认证和 TLS），运维人员通过堡垒机或 VPN 使用 Kibana 或 API。' +
        tail.zh,
    },
  },
});
