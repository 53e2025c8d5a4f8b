import { stopGapAndVerify } from '../fix-text';
import { definePortCheck, tcp } from '../port-exposure';

const tail = stopGapAndVerify({ en: 'TCP 8089 and 8090', zh: 'TCP 8089 和 8090' });

export const exposedSplunk80898090 = definePortCheck({
  id: 'exposed-splunk-8089-8090',
  risk: 'medium',
  ports: tcp(8089, 8090),
  text: {
    en: {
      title: 'Splunk management (TCP 8089/8090) open to all IPs',
      risk:
        'An inbound rule accepts TCP 8089 or 8090 from every IPv4 or IPv6 address; 8089 is the splunkd management REST API. ' +
        'Attackers brute-force the admin account (older installs shipped with admin/changeme), then install an app with a scripted input to run code on the Splunk server; ' +
        'on a deployment server the same trick pushes that code to every forwarder it manages. ' +
        'They also read the indexed logs, which often contain passwords and tokens, and delete events to hide their tracks.',
      suggestion:
        'Delete the rule, or replace its source 0.0.0.0/0 or ::/0 with the security groups or private CIDRs of the search heads, indexers and forwarders that need the management port. ' +
        'Administrators should reach Splunk through a bastion host or VPN; change default credentials and keep Splunk patched. ' +
        tail.en,
    },
    zh: {
      title: 'Splunk 管理端口 8089/8090 对所有 IP 开放',
      risk:
        '有入方向规则允许任意 IPv4 或 IPv6 地址访问 TCP 8089 或 8090，其中 8089 是 splunkd 的管理 REST API。' +
        '攻击者会暴力破解 admin 账号（旧版本默认口令为 admin/changeme），再安装带有脚本输入（scripted input）的应用，在 Splunk 服务器上执行代码；' +
        '如果该主机是部署服务器，同样的手法还能把代码推送到它管理的所有转发器。' +
        '攻击者还能读取已索引的日志（其中常含密码和令牌），并删除事件以掩盖痕迹。',
      suggestion:
        '删除该规则，或将授权对象 0.0.0.0/0、::/0 改为需要访问管理端口的搜索头、索引器和转发器所在的安全组或私网网段。' +
        '管理员应通过堡垒机或 VPN 访问 Splunk；请修改默认凭据并及时为 Splunk 打补丁。' +
        tail.zh,
    },
  },
});
