/** The report model: what it lists, that its figures add up, that the evidence is there. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../../src/shared/checks/registry';
import { canonicalJson, canonicalJsonByParts } from '../../src/shared/report/canonical-json';
import { completeScanDocument } from '../../src/shared/report/render';
import { buildReportModel, findingsSha256, riskLevels, type ReportModel } from '../../src/shared/report/report-model';
import { demoDocument } from './harness';
import { syntheticScanDocument } from './synthetic-document';

const audit = { client: 'Example Holdings', engagement: 'FY2025', auditor: 'J. Smith', name: 'demo' };

function checkCountsAddUp(model: ReportModel): void {
  const { summary, scope, checks } = model;
  expect(Object.values(summary.statuses).reduce((a, b) => a + b, 0)).toBe(checks.length);
  expect(summary.statuses.disabled).toBe(scope.notAssessed.length);
  expect(scope.assessedChecks + scope.notAssessed.length).toBe(checks.length);
  const tallies = riskLevels.map((risk) => summary.byRisk[risk]);
  expect(tallies.reduce((sum, tally) => sum + tally.assessed, 0)).toBe(scope.assessedChecks);
  for (const tally of tallies) expect(tally.atRisk + tally.incomplete + tally.passed).toBe(tally.assessed);
  expect(tallies.reduce((sum, tally) => sum + tally.atRisk, 0)).toBe(summary.statuses['at-risk']);
  expect(tallies.reduce((sum, tally) => sum + tally.incomplete, 0)).toBe(summary.statuses.incomplete);

  const groups = new Set<string>();
  const instances = new Set<string>();
  for (const check of checks) {
    expect(check.atRiskGroups).toBe(check.groups.filter((finding) => finding.status === 'at-risk').length);
    expect(check.atRiskInstances).toBe(check.instances.filter((finding) => finding.status === 'at-risk').length);
    if (!check.enabled) continue;
    check.groups.filter((f) => f.status === 'at-risk').forEach((f) => groups.add(f.id));
    check.instances.filter((f) => f.status === 'at-risk').forEach((f) => instances.add(f.id));
  }
  expect(summary.atRiskGroups).toBe(groups.size);
  expect(summary.atRiskInstances).toBe(instances.size);
  expect(summary.exposedInstances.map((entry) => entry.id).sort()).toEqual([...instances].sort());
  expect(summary.atRiskInstancesWithPublicIp).toBe(summary.exposedInstances.filter((entry) => entry.publicIps.length > 0).length);
  for (const entry of summary.exposedInstances) {
    const flagged = checks.filter((check) => check.enabled && check.instances.some((f) => f.id === entry.id && f.status === 'at-risk'));
    expect(entry.checks).toEqual(flagged.map((check) => check.id));
  }
}

describe('the report model of the demo export', () => {
  it('keeps every check in catalogue order, numbered as in the results table', async () => {
    const model = await buildReportModel(await demoDocument(), audit);
    expect(model.checks.map((check) => check.id)).toEqual(checkCatalogue.map((check) => check.id));
    expect(model.checks.map((check) => check.number)).toEqual(checkCatalogue.map((_, index) => index + 1));
  });

  it('has figures that add up', async () => {
    const model = await buildReportModel(await demoDocument(), audit);
    checkCountsAddUp(model);
    expect(model.summary.statuses['at-risk']).toBe(16);
    expect(model.summary.atRiskGroups).toBe(6);
    expect(model.summary.atRiskInstances).toBe(7);
    expect(model.summary.atRiskInstancesWithPublicIp).toBe(3);
    expect(model.scope.counts).toMatchObject({ securityGroups: 9, instances: 9 });
  });

  it('lists switched-off checks as not assessed, and their figures add up too', async () => {
    const disabledChecks = ['exposed-ssh-22', 'exposed-all-ports'];
    const model = await buildReportModel(await demoDocument({ disabledChecks }), audit);
    expect(model.scope.notAssessed.map((check) => check.id)).toEqual(['exposed-ssh-22', 'exposed-all-ports']);
    expect(model.scope.notAssessed.every((check) => check.text.en.title !== '' && check.text.zh.title !== '')).toBe(true);
    expect(model.scope.assessedChecks).toBe(14);
    expect(model.summary.byRisk.high).toEqual({ assessed: 0, atRisk: 0, incomplete: 0, passed: 0 });
    const ssh = model.checks.find((check) => check.id === 'exposed-ssh-22');
    expect(ssh).toMatchObject({ enabled: false, status: 'disabled', groups: [], instances: [] });
    checkCountsAddUp(model);
  });

  it('carries the evidence: inputs with hashes, deciding rules with their groups, affected instances', async () => {
    const document = await demoDocument();
    const model = await buildReportModel(document, audit);
    expect(model.scope.inputs).toHaveLength(12);
    for (const input of model.scope.inputs) expect(input.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const check of model.checks) {
      for (const finding of [...check.groups, ...check.instances]) {
        if (check.id !== 'excessive-security-groups') expect(finding.rules.length, `${check.id} ${finding.id}`).toBeGreaterThan(0);
        for (const rule of finding.rules) {
          expect(rule.ruleId).not.toBe('');
          expect(finding.securityGroups.map((group) => group.id)).toContain(rule.groupId);
        }
      }
    }
    const mysql = model.checks.find((check) => check.id === 'exposed-mysql-3306');
    const db = mysql?.groups.find((finding) => finding.id === 'sg-uf6demodb0000000003');
    expect(db?.name).toBe('db-数据库');
    expect(db?.instances.map((instance) => [instance.id, instance.name])).toEqual([
      ['i-uf6demodb01', 'mysql-01'],
      ['i-uf6demodb02', 'mysql-02'],
    ]);
    const excessive = model.checks.find((check) => check.id === 'excessive-security-groups');
    expect(excessive?.instances[0]?.securityGroups.map((group) => group.name)).toContain('baseline-基线');
    expect(model.appendix.securityGroups).toHaveLength(9);
    expect(model.appendix.instances).toHaveLength(9);
  });

  it('puts servers with a public IP first among the most exposed, without listing ports twice', async () => {
    const model = await buildReportModel(await demoDocument(), audit);
    const exposed = model.summary.exposedInstances;
    const firstPrivate = exposed.findIndex((entry) => entry.publicIps.length === 0);
    expect(exposed.slice(firstPrivate).every((entry) => entry.publicIps.length === 0)).toBe(true);
    expect(exposed[0]?.publicIps.length).toBeGreaterThan(0);
    const legacy = exposed.find((entry) => entry.id === 'i-uf6demolegacy1');
    expect(legacy?.highestRisk).toBe('high');
    expect(legacy?.open.filter((port) => port.protocol === 'tcp')).toEqual([{ protocol: 'tcp', from: 1, to: 65535, families: ['ipv4'] }]);
  });

  it('takes the cover from the audit, the date from generatedAt unless given', async () => {
    const document = await demoDocument();
    expect((await buildReportModel(document, audit)).audit).toEqual({ ...audit, date: '2026-01-01' });
    expect((await buildReportModel(document, { date: '2026-02-03' })).audit).toEqual({ name: '', client: '', engagement: '', auditor: '', date: '2026-02-03' });
  });
});

describe('the findings hash', () => {
  it('is the same for the English and the Chinese report, and survives a JSON round trip', async () => {
    const english = await demoDocument({ language: 'en' });
    const chinese = await demoDocument({ language: 'zh' });
    const hash = await findingsSha256(english);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await findingsSha256(chinese)).toBe(hash);
    const complete = await completeScanDocument(english, { ...audit, date: '2026-01-01' });
    expect(complete.findingsSha256).toBe(hash);
    const reread = JSON.parse(JSON.stringify(complete, null, 2)) as typeof complete;
    expect(await findingsSha256(reread)).toBe(hash);
    expect((await buildReportModel(reread, audit)).findingsSha256).toBe(hash);
  });

  it('changes when a finding changes, or when a check is switched off', async () => {
    const document = await demoDocument();
    const hash = await findingsSha256(document);
    const changed = structuredClone(document);
    const rule = changed.checks[0]?.findings[0]?.accepts[0];
    if (rule === undefined) throw new Error('demo has no SSH finding');
    rule.priority += 1;
    expect(await findingsSha256(changed)).not.toBe(hash);
    expect(await findingsSha256(await demoDocument({ disabledChecks: ['exposed-ssh-22'] }))).not.toBe(hash);
  });

  it('hashes canonical JSON: key order does not matter, array order does', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(canonicalJson(['安全组', '\u202E'])).toBe(JSON.stringify(['安全组', '\u202E']));
  });

  it('writes the same canonical text on its fast path as piece by piece, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalJsonByParts(value));
      }),
      { numRuns: 500 },
    );
    // Integer-like keys (engines enumerate them first) and an own __proto__ key, as JSON.parse makes them.
    const tricky = JSON.parse('{"b":1,"10":2,"9":3,"a":{"__proto__":{"x":1},"constructor":4}}') as unknown;
    expect(canonicalJson(tricky)).toBe('{"10":2,"9":3,"a":{"__proto__":{"x":1},"constructor":4},"b":1}');
    expect(canonicalJson(tricky)).toBe(canonicalJsonByParts(tricky));
  });
});

describe('a large synthetic audit', () => {
  it('has figures that add up with 5,000 findings', async () => {
    const model = await buildReportModel(syntheticScanDocument({ findings: 5000 }), audit);
    expect(model.checks.reduce((sum, check) => sum + check.groups.length + check.instances.length, 0)).toBe(5000);
    checkCountsAddUp(model);
  });
});
