/** A scan document with as many findings as asked for, for the report benchmarks and tests. */
import type { Finding, RuleEvidence } from '../../src/shared/audit/result';
import { catalogueVersion, checkCatalogue } from '../../src/shared/checks/registry';
import { scanDocumentSchemaVersion, type ScanCheck, type ScanDocument } from '../../src/shared/report/scan-document';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function syntheticScanDocument(options: { findings: number; generatedAt?: string }): ScanDocument {
  const perCheck = Math.ceil(options.findings / checkCatalogue.length);
  const objects = Math.max(1, Math.ceil(perCheck / 2));
  const groupId = (index: number): string => `sg-bp1synth${pad(index, 10)}`;
  const instanceId = (index: number): string => `i-bp1synth${pad(index, 10)}`;
  const groupName = (index: number): string => `业务-${index % 7 === 0 ? '数据库' : 'web'}-${index}`;
  const publicIp = (index: number): string[] => (index % 3 === 0 ? [] : [`203.0.${(index >> 8) & 255}.${index & 255}`]);
  const rule = (group: number, serial: number, action: 'accept' | 'drop', port: string): RuleEvidence => ({
    ruleId: `sgr-bp1synth${pad(group, 6)}${pad(serial, 4)}`,
    groupId: groupId(group),
    groupName: groupName(group),
    priority: action === 'accept' ? 50 : 60,
    action,
    protocol: 'tcp',
    portRange: port,
    source: serial % 4 === 0 ? '::/0' : '0.0.0.0/0',
    description: serial % 5 === 0 ? '临时开放给供应商 temporary vendor access, ticket CHG-2041' : 'managed by terraform',
    unresolved: null,
  });
  let remaining = options.findings;
  const checks: ScanCheck[] = checkCatalogue.map((definition, checkIndex) => {
    const port = definition.ports[0]?.port ?? 22;
    const findings: Finding[] = [];
    for (let index = 0; index < perCheck && remaining > 0; index += 1, remaining -= 1) {
      const object = index >> 1;
      const level = index % 2 === 0 ? 'security-group' : 'instance';
      const accepts = [rule(object, checkIndex, 'accept', `${port}/${port}`)];
      const partialDrops = index % 5 === 0 ? [rule(object, checkIndex + 100, 'drop', `${port}/${port}`)] : [];
      const objectId = level === 'security-group' ? groupId(object) : instanceId(object);
      findings.push({
        key: `${definition.id}|${level}|${objectId}`,
        checkId: definition.id,
        level,
        objectId,
        objectName: level === 'security-group' ? groupName(object) : `app-${object}`,
        regionId: object % 2 === 0 ? 'cn-hangzhou' : 'cn-shanghai',
        status: 'at-risk',
        publicIps: level === 'instance' ? publicIp(object) : [],
        open: [{ protocol: 'tcp', from: port, to: port, families: ['ipv4'] }],
        accepts,
        partialDrops,
        unresolved: [],
        instanceIds: level === 'security-group' ? [instanceId(object)] : [],
        securityGroupIds: [groupId(object)],
        gaps: [],
      });
    }
    const atRisk = (level: string): string[] => findings.filter((finding) => finding.level === level).map((finding) => finding.objectId);
    return {
      id: definition.id,
      title: definition.text.en.title,
      risk: definition.risk,
      riskText: definition.text.en.risk,
      suggestion: definition.text.en.suggestion,
      enabled: true,
      status: findings.length > 0 ? 'at-risk' : 'passed',
      securityGroups: atRisk('security-group').sort(),
      instances: atRisk('instance'),
      gaps: [],
      findings,
    };
  });
  const groups = Array.from({ length: objects }, (_, index) => ({
    id: groupId(index),
    name: groupName(index),
    regionId: index % 2 === 0 ? 'cn-hangzhou' : 'cn-shanghai',
    vpcId: `vpc-bp1synth${pad(index % 10, 4)}`,
    type: 'normal',
    rulesImported: true,
    ingressRules: 20,
    instanceCount: 1,
  }));
  const instances = Array.from({ length: objects }, (_, index) => ({
    id: instanceId(index),
    name: `app-${index}`,
    regionId: index % 2 === 0 ? 'cn-hangzhou' : 'cn-shanghai',
    publicIps: publicIp(index),
    securityGroupIds: [groupId(index)],
  }));
  return {
    schemaVersion: scanDocumentSchemaVersion,
    tool: { name: 'sg-audit', version: 'bench' },
    catalogueVersion,
    generatedAt: options.generatedAt ?? '2026-01-01T00:00:00.000Z',
    language: 'en',
    options: { disabledChecks: [] },
    inputs: [{ path: 'synthetic.json', sha256: '0'.repeat(64), bytes: 0, kind: 'alibaba:DescribeSecurityGroups', records: objects }],
    summary: {
      securityGroups: objects,
      rules: objects * 20,
      instances: objects,
      networkInterfaces: 0,
      regions: ['cn-hangzhou', 'cn-shanghai'],
      checks: { 'at-risk': checks.filter((check) => check.status === 'at-risk').length, passed: checks.filter((check) => check.status === 'passed').length, incomplete: 0, disabled: 0 },
      atRiskChecksByRisk: { high: 1, medium: 14, low: 1 },
      atRiskSecurityGroups: objects,
      atRiskInstances: objects,
      atRiskInstancesWithPublicIp: instances.filter((instance) => instance.publicIps.length > 0).length,
    },
    warnings: [],
    gaps: [],
    checks,
    assessed: { securityGroups: groups, instances },
  };
}
