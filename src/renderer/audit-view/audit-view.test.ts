import { describe, expect, it } from 'vitest';
import type { AuditResult, CheckResult, Finding } from '../../shared/audit/result';
import {
  buildCheckRows,
  buildFindingRows,
  describeOpenPort,
  filterBySearchKey,
  filterCheckRows,
  formatBytes,
} from './audit-view';

function finding(index: number): Finding {
  return {
    key: `exposed-ssh-22|instance|i-${index}`,
    checkId: 'exposed-ssh-22',
    level: 'instance',
    objectId: `i-${index.toString(36).padStart(8, '0')}`,
    objectName: `web-${index}`,
    regionId: 'cn-hangzhou',
    status: 'at-risk',
    publicIps: index % 2 === 0 ? [`203.0.${(index >> 8) & 255}.${index & 255}`] : [],
    open: [{ protocol: 'tcp', from: 22, to: 22, families: ['ipv4'] }],
    accepts: [],
    partialDrops: [],
    unresolved: [],
    instanceIds: [],
    securityGroupIds: ['sg-1'],
    gaps: [],
  };
}

function check(id: string, risk: CheckResult['risk'], status: CheckResult['status']): CheckResult {
  return { id, risk, enabled: status !== 'disabled', status, securityGroups: [], instances: [], findings: [], gaps: [] };
}

describe('check rows', () => {
  const result: AuditResult = {
    catalogueVersion: 't',
    checks: [
      check('exposed-ssh-22', 'medium', 'at-risk'),
      check('exposed-all-ports', 'high', 'passed'),
      check('excessive-security-groups', 'low', 'disabled'),
    ],
  };
  const rows = buildCheckRows(result);

  it('filters by risk, status and text in either language', () => {
    expect(filterCheckRows(rows, { text: '', risks: ['high'], statuses: [] }).map((row) => row.id)).toEqual(['exposed-all-ports']);
    expect(filterCheckRows(rows, { text: '', risks: [], statuses: ['disabled'] }).map((row) => row.id)).toEqual([
      'excessive-security-groups',
    ]);
    expect(filterCheckRows(rows, { text: 'SSH', risks: [], statuses: [] }).map((row) => row.id)).toEqual(['exposed-ssh-22']);
    const chineseTitle = rows[0]?.searchKey.split('\n')[2] ?? '';
    expect(chineseTitle).not.toBe('');
    expect(filterCheckRows(rows, { text: chineseTitle, risks: [], statuses: [] }).map((row) => row.id)).toEqual([
      'exposed-ssh-22',
    ]);
  });
});

describe('large data', () => {
  it('builds and filters 100,000 findings quickly', () => {
    const findings = Array.from({ length: 100_000 }, (_, index) => finding(index));
    const built = performance.now();
    const rows = buildFindingRows(findings);
    const buildTime = performance.now() - built;
    const started = performance.now();
    const hits = filterBySearchKey(rows, 'WEB-9999');
    const filterTime = performance.now() - started;
    expect(hits.length).toBe(11); // web-9999 and web-99990 … web-99999
    expect(filterBySearchKey(rows, '  ')).toBe(rows);
    // Generous bounds for slow CI machines; typical figures are a few tens of milliseconds.
    expect(buildTime).toBeLessThan(2000);
    expect(filterTime).toBeLessThan(250);
  });
});

describe('formatting', () => {
  it('describes open ports and sizes', () => {
    expect(describeOpenPort({ protocol: 'tcp', from: 22, to: 22, families: ['ipv4', 'ipv6'] })).toBe('TCP 22 (IPv4, IPv6)');
    expect(describeOpenPort({ protocol: 'udp', from: 1, to: 65535, families: ['ipv6'] })).toBe('UDP 1-65535 (IPv6)');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(4300)).toBe('4.2 KiB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MiB');
  });
});
