import { describe, expect, it } from 'vitest';
import { attributeResponse, jsonInput, permission } from '../../../../test/support/import-inputs';
import type { Rule, Snapshot } from '../../model';
import { importInputs } from '../snapshot-builder';

async function importRules(permissions: unknown[]): Promise<Snapshot> {
  return importInputs([jsonInput('rules.json', attributeResponse('sg-rules', permissions))]);
}

async function oneRule(overrides: Record<string, unknown>): Promise<Rule> {
  const snapshot = await importRules([permission(overrides)]);
  expect(snapshot.issues).toEqual([]);
  return snapshot.groups[0]!.rules[0]!;
}

async function skipped(
  overrides: Record<string, unknown> | unknown,
): Promise<{ code: string; path: string | undefined; message: string }> {
  const snapshot = await importRules([
    typeof overrides === 'object' && overrides !== null && !Array.isArray(overrides)
      ? permission(overrides as Record<string, unknown>)
      : overrides,
  ]);
  expect(snapshot.groups[0]!.rules).toEqual([]);
  expect(snapshot.gaps).toEqual([{ kind: 'skipped-rules', groupId: 'sg-rules', count: 1 }]);
  const error = snapshot.issues.find((issue) => issue.severity === 'error')!;
  return { code: error.code, path: error.path, message: error.message };
}

describe('rule fields', () => {
  it.each([
    [1, 1],
    ['1', 1],
    [' 7 ', 7],
    [110, 110],
    [-5, -5],
    [0, 0],
    ['', 1],
    [undefined, 1],
    [null, 1],
  ])('Priority %j → %j', async (priority, expected) => {
    expect((await oneRule({ Priority: priority })).priority).toBe(expected);
  });

  it.each([
    ['Accept', 'accept'],
    ['accept', 'accept'],
    ['DROP', 'drop'],
    ['', 'accept'],
    [undefined, 'accept'],
  ])('Policy %j → %s', async (policy, expected) => {
    expect((await oneRule({ Policy: policy })).action).toBe(expected);
  });

  it.each([
    ['TCP', 'tcp'],
    ['tcp', 'tcp'],
    ['Udp', 'udp'],
    ['ICMPv6', 'icmpv6'],
    ['icmpv6', 'icmpv6'],
    ['GRE', 'gre'],
    ['all', 'all'],
    [6, 'tcp'],
    ['17', 'udp'],
    [1, 'icmp'],
    [58, 'icmpv6'],
    ['47', 'gre'],
  ])('IpProtocol %j → %s', async (protocol, expected) => {
    expect(
      (
        await oneRule({
          IpProtocol: protocol,
          PortRange: expected === 'udp' ? '53/53' : expected === 'tcp' ? '22/22' : '-1/-1',
        })
      ).protocol,
    ).toBe(expected);
  });

  it.each([
    ['TCP', '22/22', { from: 22, to: 22 }],
    ['TCP', '1/65535', { from: 1, to: 65535 }],
    ['UDP', '8000/9400', { from: 8000, to: 9400 }],
    ['ALL', '-1/-1', { from: 1, to: 65535 }],
    ['ALL', '1/65535', { from: 1, to: 65535 }],
    ['ALL', 'anything', { from: 1, to: 65535 }],
    ['ICMP', '-1/-1', null],
    ['ICMPv6', '-1/-1', null],
    ['GRE', '-1/-1', null],
  ])('%s PortRange %s → %j, keeping the text', async (protocol, portRange, ports) => {
    const rule = await oneRule({ IpProtocol: protocol, PortRange: portRange });
    expect(rule.ports).toEqual(ports);
    expect(rule.portRangeText).toBe(portRange);
  });

  it.each([
    ['0.0.0.0/0', 'ipv4', '0.0.0.0/0'],
    ['1.2.3.4/0', 'ipv4', '1.2.3.4/0'],
    ['192.168.1.5', 'ipv4', '192.168.1.5/32'],
    [' 10.0.0.0/8 ', 'ipv4', '10.0.0.0/8'],
    ['::/0', 'ipv6', '::/0'],
  ])('SourceCidrIp %j → %s %s', async (cidr, family, normalised) => {
    expect((await oneRule({ SourceCidrIp: cidr })).source).toEqual({
      kind: 'cidr',
      family,
      cidr: normalised,
    });
  });

  it.each([
    ['::/0', '::/0'],
    ['2001:DB8::1', '2001:db8::1/128'],
    ['2001:0db8:0000:0000::/32', '2001:db8::/32'],
  ])('Ipv6SourceCidrIp %j → %s', async (cidr, normalised) => {
    expect((await oneRule({ SourceCidrIp: '', Ipv6SourceCidrIp: cidr })).source).toEqual({
      kind: 'cidr',
      family: 'ipv6',
      cidr: normalised,
    });
  });

  it('reads a group source, never as an address', async () => {
    const rule = await oneRule({
      SourceCidrIp: '',
      SourceGroupId: 'sg-peer',
      SourceGroupName: 'peer',
      SourceGroupOwnerAccount: '1234567890123456',
    });
    expect(rule.source).toEqual({
      kind: 'security-group',
      groupId: 'sg-peer',
      groupName: 'peer',
      ownerAccount: '1234567890123456',
    });
    expect(rule.unresolved).toBeNull();
  });

  it('keeps a prefix-list source as unresolved', async () => {
    const rule = await oneRule({
      SourceCidrIp: '',
      SourcePrefixListId: 'pl-office',
      SourcePrefixListName: 'office',
    });
    expect(rule.source).toEqual({
      kind: 'prefix-list',
      prefixListId: 'pl-office',
      prefixListName: 'office',
    });
    expect(rule.unresolved).toBe('prefix-list');
  });

  it('keeps a port-list rule without a usable PortRange as unresolved', async () => {
    const rule = await oneRule({ PortRange: '-1/-1', PortRangeListId: 'prl-web' });
    expect(rule).toMatchObject({
      ports: null,
      portListId: 'prl-web',
      unresolved: 'port-list',
      portRangeText: '-1/-1',
    });
  });

  it('gives egress rules no source, whatever their destination', async () => {
    const rule = await oneRule({ Direction: 'Egress', SourceCidrIp: '', DestCidrIp: '0.0.0.0/0' });
    expect(rule).toMatchObject({ direction: 'egress', source: { kind: 'none' } });
  });

  it('prefers an address over a group when a rule names both', async () => {
    expect(
      (await oneRule({ SourceCidrIp: '0.0.0.0/0', SourceGroupId: 'sg-peer' })).source,
    ).toMatchObject({ kind: 'cidr', cidr: '0.0.0.0/0' });
  });

  it('makes up ids as <groupId>#<index> when SecurityGroupRuleId is missing, and stringifies numeric ids', async () => {
    const snapshot = await importRules([
      permission(),
      permission({ SecurityGroupRuleId: 12345 }),
      permission({ SecurityGroupRuleId: undefined }),
    ]);
    expect(snapshot.groups[0]!.rules.map((rule) => rule.id)).toEqual([
      'sg-rules#0',
      '12345',
      'sg-rules#2',
    ]);
    expect(snapshot.groups[0]!.rules.map((rule) => rule.origin.path)).toEqual([
      '$.Permissions.Permission[0]',
      '$.Permissions.Permission[1]',
      '$.Permissions.Permission[2]',
    ]);
  });
});

describe('rules that are skipped', () => {
  it.each([
    [{ PortRange: '22/21' }, 'invalid-port-range', '.PortRange'],
    [{ PortRange: '0/0' }, 'invalid-port-range', '.PortRange'],
    [{ PortRange: 'abc' }, 'invalid-port-range', '.PortRange'],
    [{ PortRange: '-1/-1' }, 'invalid-port-range', '.PortRange'],
    [{ PortRange: '1/65536' }, 'invalid-port-range', '.PortRange'],
    [{ PortRange: '22' }, 'invalid-port-range', '.PortRange'],
    [{ PortRange: ['22/22'] }, 'invalid-port-range', '.PortRange'],
    [{ SourceCidrIp: '10.0.0.0/33' }, 'invalid-cidr', '.SourceCidrIp'],
    [{ SourceCidrIp: '999.1.1.1/8' }, 'invalid-cidr', '.SourceCidrIp'],
    [{ SourceCidrIp: '10.1/8' }, 'invalid-cidr', '.SourceCidrIp'],
    [{ SourceCidrIp: '', Ipv6SourceCidrIp: '2001:db8::/129' }, 'invalid-cidr', '.Ipv6SourceCidrIp'],
    [{ SourceCidrIp: '', Ipv6SourceCidrIp: 'fe80::1%eth0' }, 'invalid-cidr', '.Ipv6SourceCidrIp'],
    [{ Direction: undefined }, 'missing-direction', '.Direction'],
    [{ Direction: 'inbound' }, 'invalid-direction', '.Direction'],
    [{ Direction: 7 }, 'invalid-direction', '.Direction'],
    [{ Policy: 'Allow' }, 'invalid-policy', '.Policy'],
    [{ IpProtocol: 'SCTP' }, 'unknown-protocol', '.IpProtocol'],
    [{ IpProtocol: 132 }, 'unknown-protocol', '.IpProtocol'],
    [{ IpProtocol: '' }, 'missing-protocol', '.IpProtocol'],
    [{ Priority: 1.5 }, 'invalid-priority', '.Priority'],
    [{ Priority: '1e3' }, 'invalid-priority', '.Priority'],
    [{ Priority: 'high' }, 'invalid-priority', '.Priority'],
    [{ Priority: true }, 'invalid-priority', '.Priority'],
    [{ SourceCidrIp: '' }, 'missing-source', ''],
    [{ Description: { text: 'x' } }, 'invalid-field', '.Description'],
  ])('%j → %s', async (overrides, code, field) => {
    const result = await skipped(overrides);
    expect(result.code).toBe(code);
    expect(result.path).toBe(`$.Permissions.Permission[0]${field}`);
    expect(result.message).toMatch(
      /^rules\.json, \$\.Permissions\.Permission\[0\][.\w]*: the (ingress )?rule was skipped because /,
    );
  });

  it.each([[null], ['text'], [[1, 2]], [42]])('a permission that is %j', async (value) => {
    expect(await skipped(value)).toMatchObject({
      code: 'invalid-rule',
      path: '$.Permissions.Permission[0]',
    });
  });

  it('imports the rest of the file', async () => {
    const snapshot = await importRules([
      permission({ SecurityGroupRuleId: 'sgr-a' }),
      permission({ PortRange: '9/8' }),
      permission({ SecurityGroupRuleId: 'sgr-c' }),
    ]);
    expect(snapshot.groups[0]!.rules.map((rule) => rule.id)).toEqual(['sgr-a', 'sgr-c']);
    expect(snapshot.gaps).toEqual([{ kind: 'skipped-rules', groupId: 'sg-rules', count: 1 }]);
    expect(snapshot.inputs[0]!.records).toBe(2);
  });

  it('reports a missing Permission array at $.Permissions', async () => {
    const snapshot = await importInputs([
      jsonInput('odd.json', { SecurityGroupId: 'sg-odd', Permissions: {} }),
    ]);
    expect(snapshot.issues[0]).toMatchObject({
      code: 'missing-permissions',
      path: '$.Permissions',
      message: expect.stringContaining('Permissions has no Permission array'),
    });
    expect(snapshot.groups[0]!.rulesImported).toBe(false);
  });

  it('skips an attribute response without a group id', async () => {
    const snapshot = await importInputs([
      jsonInput('noid.json', { SecurityGroupId: '', Permissions: { Permission: [] } }),
    ]);
    expect(snapshot.issues).toEqual([
      expect.objectContaining({ code: 'missing-id', path: '$.SecurityGroupId' }),
    ]);
    expect(snapshot.groups).toEqual([]);
  });

  it('lists at most 1000 problems per file and counts the rest', async () => {
    const snapshot = await importRules(
      Array.from({ length: 1500 }, () => permission({ PortRange: 'x' })),
    );
    const issues = snapshot.issues.filter((issue) => issue.file === 'rules.json');
    expect(issues.filter((issue) => issue.code === 'invalid-port-range')).toHaveLength(1000);
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'too-many-issues',
        message:
          'rules.json: 500 more problems were found but not listed (only the first 1000 are).',
      }),
    );
    expect(snapshot.gaps).toEqual([{ kind: 'skipped-rules', groupId: 'sg-rules', count: 1500 }]);
  });
});
