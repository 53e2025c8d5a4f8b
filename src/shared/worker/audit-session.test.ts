import { describe, expect, it } from 'vitest';
import { createAuditSession } from './audit-session';
import type { WorkerToHostMessage } from './protocol';
import { decodeSnapshot } from './snapshot-codec';

function run(messages: Parameters<ReturnType<typeof createAuditSession>['handle']>[0][]): Promise<{ posted: WorkerToHostMessage[]; transfers: ArrayBuffer[][] }> {
  return new Promise((resolve) => {
    const posted: WorkerToHostMessage[] = [];
    const transfers: ArrayBuffer[][] = [];
    const session = createAuditSession((message, transfer) => {
      posted.push(message);
      transfers.push(transfer ?? []);
      if (message.type === 'result' || message.type === 'failed') resolve({ posted, transfers });
    });
    for (const message of messages) session.handle(message);
  });
}

const groups = new TextEncoder().encode(
  JSON.stringify({ SecurityGroups: { SecurityGroup: [{ SecurityGroupId: 'sg-a', SecurityGroupName: 'a', VpcId: 'vpc-1' }] }, TotalCount: 1, PageNumber: 1, PageSize: 10 }),
);

describe('audit session', () => {
  it('reports a file the host could not read in its place, in order, and audits the rest', async () => {
    const { posted, transfers } = await run([
      { type: 'start', runId: 'r', fileCount: 2, options: {} },
      { type: 'unreadable-file', runId: 'r', name: 'moved.json', bytes: 42, reason: 'NotReadableError: gone' },
      { type: 'file', runId: 'r', name: 'groups.json', bytes: groups },
      { type: 'finish', runId: 'r' },
    ]);
    const imported = posted.filter((message) => message.type === 'file-imported');
    expect(imported[0]).toMatchObject({
      records: [{ name: 'moved.json', bytes: 42, sha256: '', kind: 'unreadable', records: 0 }],
      issues: [{ severity: 'error', code: 'unreadable-file', file: 'moved.json', message: 'moved.json: the file could not be read (NotReadableError: gone).' }],
    });
    expect(imported[1]).toMatchObject({ records: [{ name: 'groups.json', kind: 'alibaba:DescribeSecurityGroups' }] });
    const result = posted[posted.length - 1];
    if (result?.type !== 'result') throw new Error('expected a result');
    // The snapshot arrives encoded, its buffer handed over with the message.
    expect(result.outcome.snapshot.groups).toBe(1);
    expect(decodeSnapshot(result.outcome.snapshot.json).groups.map((group) => group.id)).toEqual(['sg-a']);
    expect(transfers[transfers.length - 1]).toEqual([result.outcome.snapshot.json.buffer]);
  });

  it('imported() resolves once every file handed over so far has been imported', async () => {
    const posted: WorkerToHostMessage[] = [];
    const session = createAuditSession((message) => posted.push(message));
    await session.imported(); // no run yet: nothing to wait for
    session.handle({ type: 'start', runId: 'r', fileCount: 2, options: {} });
    session.handle({ type: 'file', runId: 'r', name: 'a.json', bytes: groups });
    session.handle({ type: 'file', runId: 'r', name: 'b.json', bytes: groups.slice() });
    expect(posted.filter((message) => message.type === 'file-imported')).toHaveLength(0);
    await session.imported();
    expect(posted.filter((message) => message.type === 'file-imported')).toHaveLength(2);
  });
});
