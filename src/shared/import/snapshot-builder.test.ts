import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  demoInputs,
  jsonInput,
  textInput,
  attributeResponse,
  permission,
  instanceItem,
} from '../../../test/support/import-inputs';
import type { Snapshot } from '../model';
import {
  createSnapshotBuilder,
  defaultImportLimits,
  importInputs,
  type RawInput,
} from './snapshot-builder';

const DEMO_RULE_COUNTS: Record<string, number> = {
  'sg-uf6demobaseline0006': 4,
  'sg-uf6demobastion00002': 3,
  'sg-uf6demobigdata00004': 3,
  'sg-uf6demodb0000000003': 4,
  'sg-uf6demoes0000000009': 2,
  'sg-uf6demointernal0007': 2,
  'sg-uf6demolegacy000005': 1,
  'sg-uf6demooracle000008': 2,
  'sg-uf6demoweb000000001': 5,
};

function demoZip(): RawInput {
  const entries: Record<string, Uint8Array> = {};
  for (const input of demoInputs()) entries[input.name] = input.bytes;
  return { name: 'demo.zip', bytes: zipSync(entries) };
}

/** The snapshot without inputs and with `demo.zip!/` removed from file names, to compare a zip with its folder. */
function withoutContainer(snapshot: Snapshot): Snapshot {
  return JSON.parse(
    JSON.stringify({ ...snapshot, inputs: [] }).replaceAll('demo.zip!/', ''),
  ) as Snapshot;
}

describe('the demo export', () => {
  it('imports 9 groups with their rules, 9 instances, no errors and no gaps', async () => {
    const snapshot = await importInputs(demoInputs());
    expect(snapshot.issues).toEqual([]);
    expect(snapshot.gaps).toEqual([]);
    expect(snapshot.groups.map((group) => group.id)).toEqual(Object.keys(DEMO_RULE_COUNTS));
    for (const group of snapshot.groups) {
      expect(group.rules, group.id).toHaveLength(DEMO_RULE_COUNTS[group.id]!);
      expect(group.rulesImported).toBe(true);
      expect(group.regionId).toBe('cn-shanghai');
      expect(group.origins.map((origin) => origin.file)).toEqual([
        'alibaba-demo/DescribeSecurityGroups.json',
        `alibaba-demo/security-group-attributes/${group.id}.json`,
      ]);
    }
    expect(snapshot.instances).toHaveLength(9);
    expect(snapshot.instances.map((instance) => instance.id)).toEqual(
      [...snapshot.instances.map((instance) => instance.id)].sort(),
    );
    expect(snapshot.networkInterfaces).toEqual([]);
  });

  it('keeps the metadata of the list and the rules of the attribute files', async () => {
    const snapshot = await importInputs(demoInputs());
    const web = snapshot.groups.find((group) => group.id === 'sg-uf6demoweb000000001')!;
    expect(web).toMatchObject({
      name: 'web-公网入口',
      description: 'Public web tier',
      type: 'normal',
      vpcId: 'vpc-uf6demo0001',
      innerAccessPolicy: 'Accept',
      resourceGroupId: 'rg-acfmdemo000001',
      serviceManaged: false,
      tags: [{ key: 'owner', value: 'ops' }],
    });
    expect(web.rules[0]).toEqual({
      id: 'sgr-uf6demo000000000001',
      groupId: 'sg-uf6demoweb000000001',
      direction: 'ingress',
      action: 'accept',
      priority: 1,
      protocol: 'tcp',
      ports: { from: 22, to: 22 },
      portRangeText: '22/22',
      portListId: '',
      source: { kind: 'cidr', family: 'ipv4', cidr: '0.0.0.0/0' },
      unresolved: null,
      nicType: 'intranet',
      description: 'SSH for deploys',
      createTime: '2025-06-01T04:12:55Z',
      origin: {
        file: 'alibaba-demo/security-group-attributes/sg-uf6demoweb000000001.json',
        path: '$.Permissions.Permission[0]',
      },
    });
    expect(web.rules[3]).toMatchObject({ protocol: 'icmp', ports: null, priority: 100 });
    expect(web.rules[4]).toMatchObject({
      direction: 'egress',
      protocol: 'all',
      ports: { from: 1, to: 65535 },
      source: { kind: 'none' },
    });
    const searchGroup = snapshot.groups.find((group) => group.id === 'sg-uf6demoes0000000009')!;
    expect(searchGroup.type).toBe('enterprise');
  });

  it('records each input with its hash, size, kind and record count', async () => {
    const snapshot = await importInputs(demoInputs());
    expect(snapshot.inputs).toHaveLength(12);
    const list = snapshot.inputs.find(
      (input) => input.name === 'alibaba-demo/DescribeSecurityGroups.json',
    )!;
    expect(list).toMatchObject({ kind: 'alibaba:DescribeSecurityGroups', records: 9, bytes: 4514 });
    expect(list.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.inputs.find((input) => input.name.endsWith('page2.json'))).toMatchObject({
      kind: 'alibaba:DescribeInstances',
      records: 4,
    });
    expect(
      snapshot.inputs.find((input) => input.name.endsWith('sg-uf6demoweb000000001.json')),
    ).toMatchObject({ kind: 'alibaba:DescribeSecurityGroupAttribute', records: 5 });
  });

  it('gives the same snapshot whatever order the files are added in', async () => {
    const forward = await importInputs(demoInputs());
    const backward = await importInputs(demoInputs().reverse());
    expect({ ...backward, inputs: [] }).toEqual({ ...forward, inputs: [] });
  });

  it('maps instances: public IPs, groups in order, private IPs', async () => {
    const snapshot = await importInputs(demoInputs());
    const web02 = snapshot.instances.find((instance) => instance.id === 'i-uf6demoweb02')!;
    expect(web02).toMatchObject({
      name: 'web-02',
      regionId: 'cn-shanghai',
      securityGroupIds: ['sg-uf6demoweb000000001', 'sg-uf6demobaseline0006'],
      publicIps: ['203.0.113.22'],
      privateIps: ['10.10.0.11'],
      vpcId: 'vpc-uf6demo0001',
      networkType: 'vpc',
      osType: 'linux',
      origin: {
        file: 'alibaba-demo/DescribeInstances.page1.json',
        path: '$.Instances.Instance[1]',
      },
    });
  });
});

describe('zip archives', () => {
  it('imports the zipped demo exactly like the folder, naming entries archive!/path', async () => {
    const builder = createSnapshotBuilder();
    const added = await builder.add(demoZip());
    expect(added.issues).toEqual([]);
    expect(added.records[0]).toMatchObject({ name: 'demo.zip', kind: 'zip', records: 9 + 9 + 26 });
    expect(added.records.slice(1).map((record) => record.name)).toContain(
      'demo.zip!/alibaba-demo/DescribeSecurityGroups.json',
    );
    expect(added.records.slice(1).every((record) => record.container === 'demo.zip')).toBe(true);
    const zipped = builder.build();
    const folder = await importInputs(demoInputs());
    expect(withoutContainer(zipped)).toEqual(withoutContainer(folder));
  });

  it('skips directories and reports an entry that is itself a zip', async () => {
    const inner = zipSync({ 'x.json': new TextEncoder().encode('{}') });
    const archive = zipSync({
      'exports/': new Uint8Array(0),
      'exports/inner.zip': inner,
      'exports/rules.json': jsonInput('r', attributeResponse('sg-a', [permission()])).bytes,
    });
    const added = await createSnapshotBuilder().add({ name: 'outer.zip', bytes: archive });
    expect(added.records.map((record) => record.name)).toEqual([
      'outer.zip',
      'outer.zip!/exports/inner.zip',
      'outer.zip!/exports/rules.json',
    ]);
    expect(added.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'nested-archive',
        file: 'outer.zip!/exports/inner.zip',
      }),
    ]);
    expect(added.records[2]).toMatchObject({
      kind: 'alibaba:DescribeSecurityGroupAttribute',
      records: 1,
    });
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = zipSync({ 'zeros.json': new Uint8Array(8 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(40_000);
    const added = await createSnapshotBuilder().add({ name: 'bomb.zip', bytes: bomb });
    expect(added.records).toHaveLength(1);
    expect(added.issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'zip-bomb', file: 'bomb.zip' }),
    ]);
    expect(added.issues[0]!.message).toMatch(
      /^bomb\.zip: the archive looks like a zip bomb: entry "zeros\.json" would expand \d+ times/,
    );
  });

  it('refuses an archive with too many entries or too much content', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let index = 0; index < 30; index += 1)
      entries[`f${index}.json`] = new TextEncoder().encode('{}');
    const many = await createSnapshotBuilder({ maxZipEntries: 20 }).add({
      name: 'many.zip',
      bytes: zipSync(entries),
    });
    expect(many.issues).toEqual([
      expect.objectContaining({ code: 'zip-too-many-entries', file: 'many.zip' }),
    ]);
    expect(many.issues[0]!.message).toContain('30 entries, above the limit of 20');
    const big = await createSnapshotBuilder({ maxZipTotalBytes: 50 }).add({
      name: 'big.zip',
      bytes: zipSync(entries, { level: 0 }),
    });
    expect(big.issues).toEqual([
      expect.objectContaining({ code: 'zip-too-large', file: 'big.zip' }),
    ]);
  });

  it('refuses an entry above the file size limit without inflating it, and imports the rest', async () => {
    const archive = zipSync({
      'big.json': new Uint8Array(4096).fill(0x20),
      'ok.json': jsonInput('ok', attributeResponse('sg-ok', [])).bytes,
    });
    const added = await createSnapshotBuilder({ maxFileBytes: 1000 }).add({
      name: 'mixed.zip',
      bytes: archive,
    });
    expect(added.issues).toEqual([
      expect.objectContaining({ code: 'too-large', file: 'mixed.zip!/big.json' }),
    ]);
    expect(added.records.map((record) => record.kind)).toEqual([
      'zip',
      'unreadable',
      'alibaba:DescribeSecurityGroupAttribute',
    ]);
  });

  it('reports a truncated archive', async () => {
    const archive = zipSync({ 'a.json': new TextEncoder().encode('{}') });
    const added = await createSnapshotBuilder().add({
      name: 'cut.zip',
      bytes: archive.subarray(0, archive.length - 10),
    });
    expect(added.issues).toEqual([
      expect.objectContaining({ code: 'zip-corrupt', file: 'cut.zip' }),
    ]);
  });
});

describe('limits and duplicates', () => {
  it('uses documented defaults', () => {
    expect(defaultImportLimits).toEqual({
      maxFileBytes: 256 * 1024 * 1024,
      maxZipEntries: 10_000,
      maxZipTotalBytes: 1024 * 1024 * 1024,
      maxZipRatio: 200,
      streamParseAboveBytes: 32 * 1024 * 1024,
      maxJsonDepth: 64,
      maxJsonValues: 16_000_000,
    });
  });

  it('refuses a file above the size limit, with its size in the message', async () => {
    const added = await createSnapshotBuilder({ maxFileBytes: 1024 }).add(
      textInput('huge.json', ' '.repeat(2048)),
    );
    expect(added.issues).toEqual([
      {
        severity: 'error',
        code: 'too-large',
        file: 'huge.json',
        message:
          'huge.json: the file is 2.0 KiB (2,048 bytes), above the 1024 bytes limit for one file, so it was not read.',
      },
    ]);
    expect(added.records[0]).toMatchObject({
      name: 'huge.json',
      bytes: 2048,
      kind: 'unreadable',
      records: 0,
    });
    expect(added.records[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores the exact same bytes imported twice, with a warning', async () => {
    const builder = createSnapshotBuilder();
    const input = jsonInput(
      'a.json',
      attributeResponse('sg-a', [permission({ SecurityGroupRuleId: 'sgr-1' })]),
    );
    await builder.add(input);
    const second = await builder.add({ ...input, name: 'copy/a.json' });
    expect(second.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'duplicate-file', file: 'copy/a.json' }),
    ]);
    expect(second.issues[0]!.message).toMatch(
      /^copy\/a\.json: the file has exactly the same content as a\.json/,
    );
    expect(second.records[0]).toMatchObject({
      kind: 'alibaba:DescribeSecurityGroupAttribute',
      records: 0,
    });
    const snapshot = builder.build();
    expect(snapshot.inputs).toHaveLength(2);
    expect(snapshot.groups[0]!.rules).toHaveLength(1);
    expect(snapshot.groups[0]!.origins).toEqual([{ file: 'a.json', path: '$' }]);
  });

  it('never throws for bad input, only for a wrong call', async () => {
    const builder = createSnapshotBuilder();
    for (const bytes of [
      new Uint8Array([0xff, 0xfe, 0x00]),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]),
      new Uint8Array([0x7b]),
    ]) {
      await expect(builder.add({ name: 'x.json', bytes })).resolves.toBeDefined();
    }
    await expect(
      builder.add({ name: 'x.json', bytes: 'text' } as unknown as RawInput),
    ).rejects.toThrow(TypeError);
    expect(builder.build().issues.some((issue) => issue.code === 'internal-error')).toBe(false);
  });

  it('can build, add more, and build again', async () => {
    const builder = createSnapshotBuilder();
    await builder.add(jsonInput('a.json', attributeResponse('sg-a', [])));
    expect(builder.build().groups).toHaveLength(1);
    await builder.add(
      jsonInput('i.json', { Instances: { Instance: [instanceItem('i-1', ['sg-a', 'sg-b'])] } }),
    );
    const snapshot = builder.build();
    expect(snapshot.instances).toHaveLength(1);
    expect(snapshot.gaps).toEqual([
      { kind: 'missing-rules', groupId: 'sg-b', referencedBy: ['i-1'] },
    ]);
  });
});

describe('a hash computed by the host', () => {
  it('is used when well-formed, and recomputed otherwise', async () => {
    const input = jsonInput('a.json', attributeResponse('sg-a', []));
    const given = 'ab'.repeat(32);
    const trusted = await createSnapshotBuilder().add({ ...input, sha256: given });
    expect(trusted.records[0]!.sha256).toBe(given);
    const computed = await createSnapshotBuilder().add(input);
    const ignored = await createSnapshotBuilder().add({ ...input, sha256: 'not-a-hash' });
    expect(ignored.records[0]!.sha256).toBe(computed.records[0]!.sha256);
    expect(computed.records[0]!.sha256).not.toBe(given);
  });
});
