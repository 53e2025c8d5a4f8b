// Writes the bad-input fixtures that are too large to commit (test/fixtures/bad/INDEX.json lists
// them with `"generated": true`). Tests call it into a temporary folder; by hand:
//   node scripts/make-bad-fixtures.mjs [folder]      (default: test-results/bad-fixtures)
// Every file is deterministic, so figures and messages are the same on every run.
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

/** A zip whose one entry inflates 1,000 times: ten million zero bytes. */
export function writeZipBomb(path) {
  writeFileSync(path, zipSync({ 'export.json': new Uint8Array(10 * MiB) }, { level: 9 }));
  return path;
}

/** The generated fixtures by name, as INDEX.json lists them. */
export const generatedFixtures = {
  'large-300k-groups.json': writeLargeExport,
  'nesting-100000-deep.json': writeDeepNesting,
  'million-keys.json': writeMillionKeys,
  'description-10mb.json': writeLongDescription,
  'over-size-limit.json': writeOverSizeLimit,
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
  const folder = process.argv[2] ?? 'test-results/bad-fixtures';
  for (const path of Object.values(makeBadFixtures(folder))) console.log(path);
}
