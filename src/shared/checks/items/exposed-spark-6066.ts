import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 6066', zh: 'TCP 6066' });

export const exposedSpark6066 = definePortCheck({
  id: 'exposed-spark-6066',
  risk: 'medium',
  ports: tcp(6066),
  text: {
    en: {
      title: 'Spark REST submission (TCP 6066) open to all IPs',
      risk:
        'An inbound rule accepts TCP 6066, the REST submission server of a Spark standalone master, from every IPv4 or IPv6 address. ' +
        'This server takes job submissions without authentication: an attacker posts a submission request that points at a JAR or script on their own server, ' +
        'and the cluster downloads and runs it on the workers. The result is remote code execution across the cluster, used by mining botnets and for stealing the data the jobs can read.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the specific CIDR of your office or VPN egress, so only hosts inside the VPC or behind a bastion host or VPN can submit jobs. ' +
        'If nothing uses REST submission, turn it off (spark.master.rest.enabled=false), and enable spark.authenticate for the cluster. ' +
        tail.en,
    },
    zh: {
      title: 'Spark REST 提交端口 6066 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 6066，即 Spark Standalone Master 的 REST 作业提交服务。' +
        '该服务无需认证即可接收作业：攻击者提交一个指向其自有服务器上 JAR 包或脚本的请求，集群便会下载并在 Worker 上运行。' +
        '其结果是整个集群的远程代码执行，常被挖矿僵尸网络利用，也会被用来窃取作业可读取的数据。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 收窄为办公网或 VPN 出口的具体网段，使只有 VPC 内或经堡垒机、VPN 接入的主机才能提交作业。' +
        '如无业务使用 REST 提交，请将其关闭（spark.master.rest.enabled=false），并为集群启用 spark.authenticate。' +
        tail.zh,
    },
  },
});
