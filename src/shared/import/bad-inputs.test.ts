/**
 * The bad inputs of reliability.md that concern reading and parsing, in more detail than the
 * table of test/fixtures/bad/INDEX.json: each gives a clear issue naming the file (and
 * line:column or JSON path where there is one), never an exception.
 */
import { describe, expect, it } from 'vitest';
import {
  attributeResponse,
  fixtureInput,
  instanceItem,
  jsonInput,
  permission,
  textInput,
} from '../../../test/support/import-inputs';
import type { ImportIssue } from '../model';
import { createSnapshotBuilder, importInputs, type RawInput } from './snapshot-builder';

async function issuesOf(input: RawInput): Promise<ImportIssue[]> {
  const builder = createSnapshotBuilder();
  const added = await builder.add(input);
  expect(added.issues.some((issue) => issue.code === 'internal-error')).toBe(false);
  return added.issues;
}

// The files refused whole, one by one: test/fixtures/bad/INDEX.json and bad-input-fixtures.test.ts.

describe('files refused whole', () => {
  it('records a refused file as unreadable with no records', async () => {
    const added = await createSnapshotBuilder().add(fixtureInput('bad/pdf-renamed.json'));
    expect(added.records).toEqual([
      expect.objectContaining({
        name: 'bad/pdf-renamed.json',
        kind: 'unreadable',
        records: 0,
        bytes: 55,
      }),
    ]);
  });
});

describe('encodings that are accepted', () => {
  it('strips a UTF-8 BOM', async () => {
    const snapshot = await importInputs([fixtureInput('bad/bom-utf8.json')]);
    expect(snapshot.issues).toEqual([]);
    expect(snapshot.groups.map((group) => [group.id, group.rules.length])).toEqual([
      ['sg-small', 1],
    ]);
  });

  it('decodes UTF-16LE with a BOM, Chinese included', async () => {
    const snapshot = await importInputs([fixtureInput('bad/utf16le-bom.json')]);
    expect(snapshot.issues).toEqual([]);
    expect(snapshot.groups[0]!.rules[0]!.description).toBe('中文说明');
  });
});

describe('records skipped inside a file that otherwise imports', () => {
  it('skips each bad rule with its code, JSON path and line:column, and counts them as a gap', async () => {
    const snapshot = await importInputs([fixtureInput('bad/bad-rules.json')]);
    const errors = snapshot.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.path, issue.line, issue.column])).toEqual([
      ['invalid-port-range', '$.Permissions.Permission[2].PortRange', 52, 18],
      ['invalid-port-range', '$.Permissions.Permission[3].PortRange', 71, 18],
      ['invalid-port-range', '$.Permissions.Permission[4].PortRange', 90, 18],
      ['invalid-cidr', '$.Permissions.Permission[5].SourceCidrIp', 113, 21],
      ['invalid-cidr', '$.Permissions.Permission[6].SourceCidrIp', 132, 21],
      ['missing-direction', '$.Permissions.Permission[7].Direction', 139, 4],
      ['unknown-protocol', '$.Permissions.Permission[8].IpProtocol', 161, 19],
      ['invalid-priority', '$.Permissions.Permission[9].Priority', 186, 17],
      ['invalid-rule', '$.Permissions.Permission[10]', 195, 4],
    ]);
    for (const issue of errors) {
      expect(issue.file).toBe('bad/bad-rules.json');
      expect(
        issue.message.startsWith(
          `bad/bad-rules.json, ${issue.path}: the rule was skipped because `,
        ),
      ).toBe(true);
    }
    expect(errors[0]!.message).toContain('PortRange "22/21" is not a TCP range');
    expect(errors[3]!.message).toContain('SourceCidrIp "10.0.0.0/33"');
    expect(errors[4]!.message).toContain('SourceCidrIp "999.1.1.1/8"');
    expect(errors[7]!.message).toContain('1e400');
    // Priority 1 and "1" both import as the number 1.
    expect(snapshot.groups[0]!.rules.map((rule) => [rule.id, rule.priority])).toEqual([
      ['sgr-good-number', 1],
      ['sgr-good-string', 1],
    ]);
    expect(snapshot.gaps).toEqual([{ kind: 'skipped-rules', groupId: 'sg-bad-rules', count: 9 }]);
    expect(
      snapshot.issues.filter((issue) => issue.severity === 'warning').map((issue) => issue.code),
    ).toEqual(['skipped-rules']);
  });

  it('keeps a group whose Permissions is null, without rules, and says its rules are missing', async () => {
    const snapshot = await importInputs([fixtureInput('bad/permissions-null.json')]);
    expect(snapshot.issues[0]).toMatchObject({
      severity: 'error',
      code: 'missing-permissions',
      path: '$.Permissions',
      line: 4,
      column: 17,
    });
    expect(snapshot.issues[0]!.message).toBe(
      'bad/permissions-null.json, $.Permissions: the rules of security group "sg-null-permissions" were not imported because Permissions is null.',
    );
    expect(snapshot.groups).toEqual([
      expect.objectContaining({ id: 'sg-null-permissions', rulesImported: false, rules: [] }),
    ]);
    expect(snapshot.gaps).toEqual([
      { kind: 'missing-rules', groupId: 'sg-null-permissions', referencedBy: [] },
    ]);
  });

  it('lets another file supply the rules of a group whose Permissions was null', async () => {
    const snapshot = await importInputs([
      fixtureInput('bad/permissions-null.json'),
      jsonInput(
        'good.json',
        attributeResponse('sg-null-permissions', [permission({ SecurityGroupRuleId: 'sgr-1' })], {
          SecurityGroupName: 'sg-null-permissions',
          RegionId: 'cn-hangzhou',
        }),
      ),
    ]);
    expect(snapshot.groups[0]).toMatchObject({
      rulesImported: true,
      rules: [expect.objectContaining({ id: 'sgr-1' })],
    });
    expect(snapshot.gaps).toEqual([]);
  });

  it('imports the TotalCount page and reports the missing pages', async () => {
    const snapshot = await importInputs([fixtureInput('bad/total-count-larger.json')]);
    expect(snapshot.instances).toHaveLength(2);
    expect(snapshot.gaps).toContainEqual({
      kind: 'missing-pages',
      collection: 'instances',
      regionId: 'cn-beijing',
      expected: 5,
      present: 2,
    });
    expect(snapshot.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'missing-pages',
        file: 'bad/total-count-larger.json',
      }),
    );
  });
});

describe('hostile structure', () => {
  it('never pollutes prototypes with __proto__ or constructor keys at any level', async () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const snapshot = await importInputs([
      fixtureInput('bad/proto-pollution.json'),
      fixtureInput('bad/proto-pollution-instances.json'),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    for (const object of [
      snapshot,
      ...snapshot.groups,
      ...snapshot.groups.flatMap((group) => group.rules),
      ...snapshot.instances,
    ]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect((object as unknown as Record<string, unknown>).polluted).toBeUndefined();
    }
    // Ids named __proto__ and constructor are ordinary ids.
    expect(snapshot.groups[0]!.rules.map((rule) => rule.id)).toEqual(['__proto__']);
    expect(snapshot.instances.map((instance) => [instance.id, instance.securityGroupIds])).toEqual([
      ['__proto__', ['__proto__', 'constructor', 'toString']],
    ]);
    expect(snapshot.instances[0]!.tags).toEqual([{ key: '__proto__', value: 'x' }]);
    expect(
      snapshot.gaps.map((gap) => (gap.kind === 'missing-rules' ? gap.groupId : gap.kind)),
    ).toEqual(['__proto__', 'constructor', 'toString', 'skipped-rules']);
    // An inherited-looking Direction inside "__proto__" is not the rule's own field.
    expect(snapshot.issues).toContainEqual(
      expect.objectContaining({
        code: 'missing-direction',
        path: '$.Permissions.Permission[1].Direction',
      }),
    );
  });

  it('takes the last of duplicate keys, as JSON.parse does', async () => {
    const snapshot = await importInputs([fixtureInput('bad/duplicate-keys.json')]);
    expect(snapshot.issues).toEqual([]);
    expect(snapshot.groups.map((group) => group.id)).toEqual(['sg-dupkeys']);
    expect(snapshot.groups[0]!.rules[0]).toMatchObject({
      direction: 'ingress',
      portRangeText: '443/443',
      ports: { from: 443, to: 443 },
    });
  });

  it('keeps a 20-digit account id given as a string exactly, and warns when a number lost digits', async () => {
    const snapshot = await importInputs([fixtureInput('bad/owner-id-20-digits.json')]);
    const sources = snapshot.groups[0]!.rules.map((rule) => rule.source);
    expect(sources[0]).toEqual({
      kind: 'security-group',
      groupId: 'sg-peer',
      groupName: '',
      ownerAccount: '12345678901234567890',
    });
    expect(sources[1]).toMatchObject({
      kind: 'security-group',
      ownerAccount: '12345678901234567000',
    });
    expect(snapshot.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'imprecise-number',
        path: '$.Permissions.Permission[1].SourceGroupOwnerAccount',
        line: 7,
      }),
    ]);
  });

  it('imports a 10 MB description', async () => {
    const description = '说明'.repeat(5 * 1024 * 1024);
    const snapshot = await importInputs([
      jsonInput(
        'long.json',
        attributeResponse('sg-long', [
          permission({ SecurityGroupRuleId: 'sgr-long', Description: description }),
        ]),
      ),
    ]);
    expect(snapshot.issues).toEqual([]);
    expect(snapshot.groups[0]!.rules[0]!.description).toHaveLength(10 * 1024 * 1024);
  });

  it('refuses nesting 100,000 deep with the path and place where it crossed the limit, and reads a million keys', async () => {
    const deep = await issuesOf(
      textInput('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    );
    expect(deep).toEqual([
      expect.objectContaining({ code: 'json-too-deep', file: 'deep.json', line: 1, column: 65 }),
    ]);
    expect(deep[0]!.message).toBe(
      'deep.json: the JSON is nested deeper than 64 levels at $[0][0][0][0][0][0]…(52 more levels)…[0][0][0][0][0][0] (line 1, column 65), so the file was not read (no Alibaba Cloud export nests more than 10 levels).',
    );

    const keys = Array.from({ length: 1_000_000 }, (_, index) => `"k${index}":0`).join(',');
    const wide = await issuesOf(textInput('wide.json', `{${keys}}`));
    expect(wide).toEqual([expect.objectContaining({ code: 'not-an-export', file: 'wide.json' })]);
    expect(wide[0]!.message).toMatch(
      /top-level keys "k0", "k1", .*"k7", … \(over 10,000 keys in all\)\.$/,
    );
    expect(wide[0]!.message.length).toBeLessThan(300);
  });

  it('reports two files with clashing ids once, keeping the first by file name', async () => {
    const snapshot = await importInputs([
      jsonInput('b.json', {
        Instances: { Instance: [instanceItem('i-same', ['sg-1'], { InstanceName: 'from-b' })] },
      }),
      jsonInput('a.json', {
        Instances: { Instance: [instanceItem('i-same', ['sg-1'], { InstanceName: 'from-a' })] },
      }),
    ]);
    expect(snapshot.instances.map((instance) => instance.name)).toEqual(['from-a']);
    const conflicts = snapshot.issues.filter((issue) => issue.code === 'conflicting-duplicate');
    expect(conflicts).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'b.json',
        path: '$.Instances.Instance[0]',
      }),
    ]);
    expect(conflicts[0]!.message).toBe(
      'b.json, $.Instances.Instance[0]: instance "i-same" appears in a.json and b.json with different content; the one in a.json was kept.',
    );
  });

  it('ignores the same fixture imported twice', async () => {
    const builder = createSnapshotBuilder();
    await builder.add(fixtureInput('bad/bad-rules.json'));
    const again = await builder.add({
      ...fixtureInput('bad/bad-rules.json'),
      name: 'again/bad-rules.json',
    });
    expect(again.issues).toEqual([
      expect.objectContaining({
        code: 'duplicate-file',
        severity: 'warning',
        file: 'again/bad-rules.json',
      }),
    ]);
    expect(builder.build().gaps).toEqual([
      { kind: 'skipped-rules', groupId: 'sg-bad-rules', count: 9 },
    ]);
  });

  it('shows hostile text literally and briefly in messages', async () => {
    const issues = await issuesOf(
      jsonInput(
        'x.json',
        attributeResponse('sg-x', [
          permission({ PortRange: `<img src=x onerror=alert(1)>\n${'A'.repeat(100_000)}` }),
        ]),
      ),
    );
    const skipped = issues.find((issue) => issue.code === 'invalid-port-range')!;
    expect(skipped.message).toContain('"<img src=x onerror=alert(1)>\\nAAAA');
    expect(skipped.message).not.toContain('\n');
    expect(skipped.message.length).toBeLessThan(250);
  });
});

describe('very deep documents', () => {
  it('refuses a truncated 100,000-deep document for its depth, met first, without overflowing', async () => {
    const issues = await issuesOf(textInput('deep-cut.json', `{"a": ${'['.repeat(100_000)}`));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'json-too-deep',
        file: 'deep-cut.json',
        line: 1,
        column: 70,
      }),
    ]);
  });

  it('refuses a rule whose value nests too deep as a whole file, naming the path into the rule', async () => {
    const deepValue = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `{"SecurityGroupId": "sg-deep", "Permissions": {"Permission": [{"Direction": "ingress", "IpProtocol": "TCP", "PortRange": "22/22", "SourceCidrIp": "0.0.0.0/0", "Description": ${deepValue}}]}}`;
    const issues = await issuesOf(textInput('deep-rule.json', text));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'json-too-deep', file: 'deep-rule.json', line: 1 }),
    ]);
    expect(issues[0]!.message).toContain(
      'at $.Permissions.Permission[0].Description[0][0]…(52 more levels)…[0][0][0][0][0][0] (line 1, column',
    );
  });

  it('reports a record problem inside a document nested within the limit, with line:column', async () => {
    const deepValue = `${'['.repeat(40)}${']'.repeat(40)}`;
    const text = `{"SecurityGroupId": "sg-deep", "Permissions": {"Permission": [{"Direction": "ingress", "IpProtocol": "TCP", "PortRange": "22/22", "SourceCidrIp": "0.0.0.0/0",\n "Description": ${deepValue}}]}}`;
    const issues = await issuesOf(textInput('deep-rule.json', text));
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'invalid-field',
        path: '$.Permissions.Permission[0].Description',
        file: 'deep-rule.json',
        line: 2,
        column: 17,
      }),
    );
  });
});
