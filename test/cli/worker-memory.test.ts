/**
 * The real audit worker (the built dist/cli/audit-worker.mjs) under a heap ceiling far below what
 * a large export needs: the run fails with a typed error naming the limit and the file, the CLI
 * exits 2 with that one line and writes nothing, and the next run in the same process works.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditWorkerOutOfMemoryError,
  runAuditInWorker,
  type InMemoryInputFile,
} from '../../src/node/worker-host';
import { buildCli, demoExport, projectRoot, runCli } from './cli-harness';

const workerUrl = new URL(`file://${projectRoot}dist/cli/audit-worker.mjs`);
/** Parsing this export takes several times its 30 MB of text in heap. */
const instanceCount = 60_000;
const tinyLimitMb = 64;

let scratch: string;
let largeFile: string;

/** One DescribeInstances page of `count` instances, as the aliyun CLI writes it. */
function largeInstancesFile(count: number): string {
  const instances = Array.from({ length: count }, (_, index) => ({
    InstanceId: `i-oom${String(index).padStart(8, '0')}`,
    InstanceName: `node-${index}`,
    RegionId: 'cn-hangzhou',
    Status: 'Running',
    Description: 'x'.repeat(200),
    SecurityGroupIds: { SecurityGroupId: ['sg-oomopen00000001'] },
    PublicIpAddress: { IpAddress: [`198.18.${(index >> 8) & 255}.${index & 255}`] },
    VpcAttributes: {
      VpcId: 'vpc-oom',
      PrivateIpAddress: { IpAddress: [`10.0.${(index >> 8) & 255}.${index & 255}`] },
    },
  }));
  return JSON.stringify({
    Instances: { Instance: instances },
    PageNumber: 1,
    PageSize: count,
    RequestId: 'OOM',
    TotalCount: count,
  });
}

function demoFiles(): InMemoryInputFile[] {
  const files: InMemoryInputFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push({ name: path, bytes: new Uint8Array(readFileSync(path)) });
    }
  };
  walk(demoExport);
  return files;
}

beforeAll(() => {
  buildCli();
  scratch = mkdtempSync(join(tmpdir(), 'sg-audit-oom-'));
  largeFile = join(scratch, 'DescribeInstances.json');
  writeFileSync(largeFile, largeInstancesFile(instanceCount));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('audit worker out of memory', () => {
  it('rejects with the limit and the file being imported, and the next run works', async () => {
    const big: InMemoryInputFile = {
      name: 'client/DescribeInstances.json',
      bytes: new Uint8Array(readFileSync(largeFile)),
    };
    const failure = await runAuditInWorker(
      [big],
      {},
      { workerUrl, maxOldGenerationSizeMb: tinyLimitMb },
    ).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AuditWorkerOutOfMemoryError);
    expect(failure).toMatchObject({
      limitMb: tinyLimitMb,
      stage: 'while importing client/DescribeInstances.json',
    });
    expect((failure as Error).message).toBe(
      `the audit worker ran out of memory (limit ${tinyLimitMb} MB) while importing client/DescribeInstances.json`,
    );

    // Same process, same limit: a fresh worker audits the demo export.
    const next = await runAuditInWorker(
      demoFiles(),
      {},
      { workerUrl, maxOldGenerationSizeMb: tinyLimitMb },
    );
    expect(next.kind).toBe('outcome');
    if (next.kind === 'outcome') expect(next.outcome.snapshot.groups).toBe(9);
  });

  it('makes the CLI exit 2 with one line naming the limit and the file, and write nothing', () => {
    const out = join(scratch, 'report.json');
    const run = runCli([
      'scan',
      largeFile,
      '-q',
      '--max-memory',
      String(tinyLimitMb),
      '--out',
      out,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `sg-audit: the audit worker ran out of memory (limit ${tinyLimitMb} MB) while importing ${largeFile}; nothing was written (--max-memory raises the limit)\n`,
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.manifest.json`)).toBe(false);
  });

  it('refuses a --max-memory that is not a sensible number of megabytes', () => {
    const run = runCli(['scan', demoExport, '--max-memory', '8']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      '--max-memory must be a whole number of megabytes from 16 to 65536 (got "8")',
    );
  });
});
