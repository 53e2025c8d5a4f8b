import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshotBuilder } from '../import/snapshot-builder';
import type { Rule, Snapshot } from '../model';
import { decodeSnapshot, decodeSnapshotInSlices, encodeSnapshot, SnapshotDecodeError } from './snapshot-codec';

const demo = join(__dirname, '../../../test/fixtures/alibaba-demo');
const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));

async function demoSnapshot(): Promise<Snapshot> {
  const builder = createSnapshotBuilder();
  for (const path of listFiles(demo).sort()) await builder.add({ name: relative(demo, path), bytes: new Uint8Array(readFileSync(path)) });
  return builder.build();
}

function rule(id: string, file: string, changes: Partial<Rule>): Rule {
  return {
    id,
    groupId: 'sg-1',
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
    description: '',
    createTime: '2025-01-01T00:00:00Z',
    origin: { file, path: `$.Permissions.Permission[${id}]` },
    ...changes,
  };
}

function syntheticSnapshot(): Snapshot {
  const rules: Rule[] = [
    rule('r0', 'a.json', {}),
    rule('r1', 'a.json', { source: { kind: 'cidr', family: 'ipv6', cidr: '::/0' }, action: 'drop', priority: 110 }),
    rule('r2', 'b.json', { source: { kind: 'security-group', groupId: 'sg-2', groupName: 'web 组', ownerAccount: '123' } }),
    rule('r3', 'b.json', { source: { kind: 'prefix-list', prefixListId: 'pl-1', prefixListName: 'office' }, unresolved: 'prefix-list' }),
    rule('r4', 'a.json', { direction: 'egress', source: { kind: 'none' }, protocol: 'icmp', ports: null, portRangeText: '-1/-1' }),
    rule('r5', 'c.json', { ports: null, portListId: 'prl-1', portRangeText: '', unresolved: 'port-list', description: 'a "quoted"\nline' }),
  ];
  return {
    inputs: [{ name: 'a.json', bytes: 10, sha256: 'a'.repeat(64), kind: 'alibaba:DescribeSecurityGroupAttribute', records: 3 }],
    groups: [
      {
        id: 'sg-1', name: 'one', description: '', regionId: 'cn-hangzhou', vpcId: 'vpc-1', type: 'normal', innerAccessPolicy: 'Accept',
        resourceGroupId: '', creationTime: '', serviceManaged: false, tags: [{ key: 'env', value: 'prod' }], rulesImported: true, rules,
        origins: [{ file: 'a.json', path: '$' }],
      },
      {
        id: 'sg-2', name: 'two', description: '', regionId: 'cn-hangzhou', vpcId: '', type: '', innerAccessPolicy: '',
        resourceGroupId: '', creationTime: '', serviceManaged: true, tags: [], rulesImported: false, rules: [], origins: [],
      },
    ],
    instances: [],
    networkInterfaces: [],
    issues: [{ severity: 'warning', code: 'x', message: 'y', file: 'a.json', path: '$.A' }],
    gaps: [{ kind: 'missing-rules', groupId: 'sg-2', referencedBy: [] }],
  };
}

describe('snapshot codec', () => {
  it('round-trips the demo snapshot exactly, with its counts beside it', async () => {
    const snapshot = await demoSnapshot();
    const encoded = encodeSnapshot(snapshot);
    expect(encoded.groups).toBe(snapshot.groups.length);
    expect(encoded.instances).toBe(snapshot.instances.length);
    // Strict: no property may be lost or gained on the way (JSON drops undefined and functions).
    expect(decodeSnapshot(encoded.json)).toStrictEqual(JSON.parse(JSON.stringify(snapshot)));
    expect(decodeSnapshot(encoded.json)).toEqual(snapshot);
    // Same keys in the same order: a report rendered from a stored snapshot is byte-identical.
    expect(JSON.stringify(decodeSnapshot(encoded.json))).toBe(JSON.stringify(snapshot));
  });

  it('stores rules as rows with their file as an index: smaller than the plain JSON', async () => {
    const snapshot = await demoSnapshot();
    const encoded = encodeSnapshot(snapshot);
    const stored = JSON.parse(new TextDecoder().decode(encoded.json)) as { files: string[]; groups: { rules: unknown[] }[] };
    const ruleFiles = new Set(snapshot.groups.flatMap((group) => group.rules.map((rule) => rule.origin.file)));
    expect(new Set(stored.files)).toEqual(ruleFiles);
    expect(stored.groups.flatMap((group) => group.rules).every(Array.isArray)).toBe(true);
    expect(encoded.json.length).toBeLessThan(new TextEncoder().encode(JSON.stringify(snapshot)).length * 0.75);
  });

  it('round-trips every kind of rule source, rules without ports, unresolved rules and several files', () => {
    const snapshot = syntheticSnapshot();
    const decoded = decodeSnapshot(encodeSnapshot(snapshot).json);
    expect(decoded).toStrictEqual(snapshot);
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(snapshot));
  });

  it('still reads a snapshot stored as the plain JSON of the model (before rule rows)', async () => {
    const snapshot = await demoSnapshot();
    const plain = new TextEncoder().encode(JSON.stringify(snapshot));
    expect(decodeSnapshot(plain)).toStrictEqual(JSON.parse(JSON.stringify(snapshot)));
  });

  it('refuses rows that do not have the stored shape, naming the group', () => {
    const stored = JSON.parse(new TextDecoder().decode(encodeSnapshot(syntheticSnapshot()).json)) as {
      format: string;
      files: string[];
      groups: { rules: unknown[][] }[];
    };
    const bytes = (mutate: (copy: typeof stored) => void): Uint8Array => {
      const copy = structuredClone(stored);
      mutate(copy);
      return new TextEncoder().encode(JSON.stringify(copy));
    };
    expect(() => decodeSnapshot(bytes((copy) => (copy.format = 'other')))).toThrow('unknown format ("other")');
    expect(() => decodeSnapshot(bytes((copy) => copy.groups[0]!.rules[0]!.pop()))).toThrow(
      "a rule of the stored snapshot's group 0 cannot be read: it is not a row of 16 values",
    );
    expect(() => decodeSnapshot(bytes((copy) => (copy.groups[0]!.rules[0]![14] = 99)))).toThrow(
      'its origin file is not in the file table',
    );
    expect(() => decodeSnapshot(bytes((copy) => (copy.groups[0]!.rules[1]![9] = ['dns', 'x'])))).toThrow(
      'its source "dns" is not a known kind',
    );
    expect(() => decodeSnapshot(bytes((copy) => (copy.groups[0]!.rules[0]![5] = '22')))).toThrow(SnapshotDecodeError);
  });

  it('decodes in slices to exactly what decodes at once, pausing between slices', async () => {
    const encoded = encodeSnapshot(await demoSnapshot());
    let pauses = 0;
    const pause = async (): Promise<void> => {
      pauses += 1;
    };
    // Slices of 7 bytes cut many multi-byte characters (the demo has Chinese names) in two.
    const sliced = await decodeSnapshotInSlices(encoded.json, pause, 7);
    expect(sliced).toStrictEqual(decodeSnapshot(encoded.json));
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(decodeSnapshot(encoded.json)));
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(encoded.json.length / 7));
    const plain = new TextEncoder().encode(JSON.stringify(syntheticSnapshot()));
    expect(await decodeSnapshotInSlices(plain, pause, 5)).toStrictEqual(syntheticSnapshot());
  });

  it('refuses in slices what it refuses at once', async () => {
    const pause = async (): Promise<void> => undefined;
    const bytes = (text: string) => new TextEncoder().encode(text);
    await expect(decodeSnapshotInSlices(bytes('{"groups":'), pause, 3)).rejects.toThrow('the stored snapshot is not readable JSON');
    await expect(decodeSnapshotInSlices(new Uint8Array([0x7b, 0xff, 0xfe]), pause, 1)).rejects.toThrow(SnapshotDecodeError);
    await expect(decodeSnapshotInSlices(bytes('{"groups":[]}'), pause)).rejects.toThrow('has no inputs, instances, networkInterfaces, issues, gaps list');
  });

  it('refuses bytes that are not a snapshot, with a plain message', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(() => decodeSnapshot(bytes('{"groups":'))).toThrow(SnapshotDecodeError);
    expect(() => decodeSnapshot(bytes('[1]'))).toThrow('the stored snapshot is not an object');
    expect(() => decodeSnapshot(bytes('{"groups":[]}'))).toThrow('the stored snapshot has no inputs, instances, networkInterfaces, issues, gaps list');
    expect(() => decodeSnapshot(new Uint8Array([0xff, 0xfe]))).toThrow(SnapshotDecodeError);
  });
});
