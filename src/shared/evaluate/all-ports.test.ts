import { describe, expect, it } from 'vitest';
import { allTcp, allUdp, cancelledIds, ids, judge } from '../../../test/support/evaluate';

describe('exposed-all-ports: every port of a protocol open to all IPs', () => {
  it('ALL -1/-1 from everywhere opens every TCP and every UDP port', () => {
    const all = [{ protocol: 'all' as const, ports: '-1/-1', priority: 100 }];
    expect(judge(all, allTcp)).toMatchObject({
      verdict: 'open',
      open: [{ protocol: 'tcp', from: 1, to: 65535, families: ['ipv4'] }],
    });
    expect(judge(all, allUdp).verdict).toBe('open');
  });

  it('ranges that together cover 1–65535 count (1/30000 + 30001/65535)', () => {
    const answer = judge([{ ports: '1/30000' }, { ports: '30001/65535' }], allTcp);
    expect(answer.verdict).toBe('open');
    expect(answer.open).toEqual([{ protocol: 'tcp', from: 1, to: 65535, families: ['ipv4'] }]);
    expect(ids(answer.accepts)).toEqual(['r1', 'r2']);
  });

  it('each port may be opened by a different family; the spans say which', () => {
    const answer = judge([{ ports: '1/30000' }, { ports: '20000/65535', source: '::/0' }], allTcp);
    expect(answer.verdict).toBe('open');
    expect(answer.open).toEqual([
      { protocol: 'tcp', from: 1, to: 19999, families: ['ipv4'] },
      { protocol: 'tcp', from: 20000, to: 30000, families: ['ipv4', 'ipv6'] },
      { protocol: 'tcp', from: 30001, to: 65535, families: ['ipv6'] },
    ]);
  });

  it('a single port dropped for everyone closes it, and says which Accept was cancelled', () => {
    const answer = judge(
      [
        { ports: '1/65535', priority: 10 },
        { action: 'drop', ports: '22/22', priority: 1 },
      ],
      allTcp,
    );
    expect(answer.verdict).toBe('closed');
    expect(cancelledIds(answer)).toEqual(['r1<-r2']);
  });

  it('a single port dropped for part of the internet leaves it open, with the partial Drop named', () => {
    const answer = judge(
      [
        { ports: '1/65535', priority: 10 },
        { action: 'drop', ports: '22/22', source: '203.0.113.0/24' },
      ],
      allTcp,
    );
    expect(answer.verdict).toBe('open');
    expect(ids(answer.partialDrops)).toEqual(['r2']);
  });

  it('a one-port hole in the Accepts closes it', () => {
    expect(judge([{ ports: '1/21' }, { ports: '23/65535' }], allTcp).verdict).toBe('closed');
    expect(judge([{ ports: '2/65535' }], allTcp).verdict).toBe('closed');
    expect(judge([{ ports: '1/65534' }], allTcp).verdict).toBe('closed');
  });

  it('ranges from private sources do not count', () => {
    expect(judge([{ ports: '1/65535', source: '10.0.0.0/8' }], allTcp).verdict).toBe('closed');
  });

  it('UDP 1/65535 is not every TCP port, and TCP 1/65535 is not every UDP port', () => {
    expect(judge([{ protocol: 'udp', ports: '1/65535' }], allTcp).verdict).toBe('closed');
    expect(judge([{ protocol: 'tcp', ports: '1/65535' }], allUdp).verdict).toBe('closed');
  });

  it('a gap only an undecidable Accept could fill is unresolved', () => {
    const answer = judge(
      [{ ports: '1/21' }, { ports: '23/65535' }, { ports: '22/22', source: 'pl-office' }],
      allTcp,
    );
    expect(answer.verdict).toBe('unresolved');
    expect(ids(answer.unresolved)).toEqual(['r3']);
    expect(answer.open).toEqual([]);
  });

  it('a prefix-list Drop inside an open range is named and the finding stays open', () => {
    const answer = judge(
      [
        { ports: '1/65535', priority: 10 },
        { action: 'drop', ports: '22/22', source: 'pl-deny' },
      ],
      allTcp,
    );
    expect(answer.verdict).toBe('open');
    expect(ids(answer.unresolved)).toEqual(['r2']);
  });

  it('many small ranges stitched together still count', () => {
    const specs = Array.from({ length: 655 }, (_, i) => ({
      ports: `${i * 100 + 1}/${i * 100 + 100}`,
      priority: (i % 100) + 1,
    }));
    specs.push({ ports: '65501/65535', priority: 1 });
    expect(judge(specs, allTcp).verdict).toBe('open');
  });
});
