/**
 * The demo export must give exactly the results of its EXPECTED.md, through the real CLI.
 * The table is read from the markdown itself so the test and the document cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanDocument } from '../../src/shared/report/scan-document';
import { buildCli, demoExport, projectRoot, runCli } from './cli-harness';

interface ExpectedRow {
  checkId: string;
  groups: string[];
  instances: string[];
}

function parseNames(cell: string): string[] {
  if (cell.trim() === '—') return [];
  return cell.split(',').map((name) => name.replace(/\(.*\)/, '').trim());
}

function readExpectedTable(): ExpectedRow[] {
  const markdown = readFileSync(`${projectRoot}test/fixtures/alibaba-demo.EXPECTED.md`, 'utf8');
  return markdown
    .split('\n')
    .filter((line) => /^\| [a-z][a-z0-9-]+ \|/.test(line) && !line.startsWith('| item'))
    .map((line) => {
      const [checkId = '', groups = '', instances = ''] = line.split('|').slice(1, 4).map((cell) => cell.trim());
      return { checkId, groups: parseNames(groups), instances: parseNames(instances) };
    });
}

/** EXPECTED.md names groups by the part before the first hyphen of SecurityGroupName ("web-公网入口" → "web"). */
function shortGroupName(name: string): string {
  return name.split('-')[0] ?? name;
}

let document: ScanDocument;

beforeAll(() => {
  buildCli();
  const run = runCli(['scan', demoExport, '--format', 'json', '--quiet', '--generated-at', '2026-01-01T00:00:00Z']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  document = JSON.parse(run.stdout) as ScanDocument;
});

describe('the demo export through the CLI', () => {
  const expected = readExpectedTable();

  it('reads all sixteen rows of EXPECTED.md', () => {
    expect(expected).toHaveLength(16);
  });

  it('imports every file without errors: 9 groups, 9 instances', () => {
    expect(document.summary.securityGroups).toBe(9);
    expect(document.summary.instances).toBe(9);
    expect(document.inputs).toHaveLength(12);
    expect(document.warnings.filter((issue) => issue.severity === 'error')).toEqual([]);
    for (const input of document.inputs) expect(input.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  for (const row of expected) {
    it(`${row.checkId}: groups ${row.groups.join(', ') || '—'}; instances ${row.instances.join(', ')}`, () => {
      const check = document.checks.find((candidate) => candidate.id === row.checkId);
      expect(check, `check ${row.checkId} missing from the output`).toBeDefined();
      if (check === undefined) return;
      const groupNames = new Map(document.assessed.securityGroups.map((group) => [group.id, shortGroupName(group.name)]));
      const instanceNames = new Map(document.assessed.instances.map((instance) => [instance.id, instance.name]));
      expect(check.securityGroups.map((id) => groupNames.get(id)).sort()).toEqual([...row.groups].sort());
      expect(check.instances.map((id) => instanceNames.get(id)).sort()).toEqual([...row.instances].sort());
      expect(check.status).toBe('at-risk');
    });
  }

  it('explains why web-02 is not exposed on SSH: no finding for it, and baseline is among its groups', () => {
    const ssh = document.checks.find((check) => check.id === 'exposed-ssh-22');
    expect(ssh?.instances).not.toContain('i-uf6demoweb02');
    const web01 = ssh?.findings.find((finding) => finding.objectId === 'i-uf6demoweb01');
    expect(web01?.accepts.map((rule) => rule.ruleId)).toContain('sgr-uf6demo000000000001');
    expect(web01?.publicIps).toEqual(['203.0.113.21']);
  });

  it('reports legacy-erp although it has no public address, with public-IP instances listed first', () => {
    const allPorts = document.checks.find((check) => check.id === 'exposed-all-ports');
    const legacy = allPorts?.findings.find((finding) => finding.objectId === 'i-uf6demolegacy1');
    expect(legacy?.publicIps).toEqual([]);
    const ssh = document.checks.find((check) => check.id === 'exposed-ssh-22');
    expect(ssh?.instances).toEqual(['i-uf6demoweb01', 'i-uf6demolegacy1']);
  });

  it('names the Drop that restricts MySQL on db only in part, and mysql-01 exposed on Redis through IPv6', () => {
    const redis = document.checks.find((check) => check.id === 'exposed-redis-6379');
    const mysql01 = redis?.findings.find((finding) => finding.objectId === 'i-uf6demodb01');
    expect(mysql01?.open.flatMap((port) => port.families)).toContain('ipv6');
  });
});
