/**
 * One test per decision of spec/evaluation.md and per "where naive checkers fail" item, on a single
 * rule set (group level). Instance-level merging is tested in audit/build-context.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cancelledIds, ids, judge, tcp, udp } from '../../../test/support/evaluate';

describe('1. only ingress rules count', () => {
  it('an egress Accept from everywhere never opens a port', () => {
    expect(judge([{ direction: 'egress', protocol: 'all', ports: '-1/-1' }], tcp(22)).verdict).toBe(
      'closed',
    );
  });

  it('an egress Drop never cancels an ingress Accept', () => {
    const answer = judge([{}, { direction: 'egress', action: 'drop', priority: 1 }], tcp(22));
    expect(answer.verdict).toBe('open');
  });
});

describe('2. a rule applies when its protocol is X or ALL and the port is inside its range', () => {
  it('ranges cover the port: 1/65535 and 8000/9400 (no exact-port string match)', () => {
    expect(judge([{ ports: '1/65535' }], tcp(22)).verdict).toBe('open');
    expect(judge([{ ports: '8000/9400' }], tcp(8088)).verdict).toBe('open');
    expect(judge([{ ports: '8000/9400' }], tcp(9400)).verdict).toBe('open');
    expect(judge([{ ports: '8000/9400' }], tcp(9401)).verdict).toBe('closed');
    expect(judge([{ ports: '21/21' }], tcp(22)).verdict).toBe('closed');
  });

  it('ALL -1/-1 covers every TCP and every UDP port', () => {
    const all = [{ protocol: 'all' as const, ports: '-1/-1' }];
    expect(judge(all, tcp(1)).verdict).toBe('open');
    expect(judge(all, tcp(65535)).verdict).toBe('open');
    expect(judge(all, udp(53)).verdict).toBe('open');
  });

  it('UDP, GRE, ICMP and ICMPv6 rules never open a TCP port', () => {
    expect(judge([{ protocol: 'udp', ports: '1/65535' }], tcp(22)).verdict).toBe('closed');
    expect(judge([{ protocol: 'gre', ports: '-1/-1' }], tcp(22)).verdict).toBe('closed');
    expect(judge([{ protocol: 'icmp', ports: '-1/-1' }], tcp(22)).verdict).toBe('closed');
    expect(judge([{ protocol: 'icmpv6', ports: '-1/-1', source: '::/0' }], tcp(22)).verdict).toBe(
      'closed',
    );
    expect(judge([{ protocol: 'tcp', ports: '1/65535' }], udp(53)).verdict).toBe('closed');
  });

  it('a Drop of another protocol or port does not cancel', () => {
    expect(
      judge([{ priority: 5 }, { action: 'drop', protocol: 'udp', ports: '22/22' }], tcp(22))
        .verdict,
    ).toBe('open');
    expect(judge([{ priority: 5 }, { action: 'drop', ports: '23/100' }], tcp(22)).verdict).toBe(
      'open',
    );
  });

  it('an ALL Drop cancels a TCP Accept', () => {
    const answer = judge(
      [{ priority: 5 }, { action: 'drop', protocol: 'all', ports: '-1/-1' }],
      tcp(22),
    );
    expect(answer.verdict).toBe('closed');
    expect(cancelledIds(answer)).toEqual(['r1<-r2']);
  });
});

describe('3. all IP addresses are judged per family, on ranges', () => {
  it('::/0 alone opens the port to all IPv6 addresses', () => {
    const answer = judge([{ source: '::/0' }], tcp(22));
    expect(answer.open).toEqual([{ protocol: 'tcp', from: 22, to: 22, families: ['ipv6'] }]);
  });

  it('1.2.3.4/0 is the whole IPv4 space (CIDRs are not compared as strings)', () => {
    expect(judge([{ source: '1.2.3.4/0' }], tcp(22)).open[0]?.families).toEqual(['ipv4']);
  });

  it('0.0.0.0/1 + 128.0.0.0/1 together cover IPv4, and both are named', () => {
    const answer = judge([{ source: '0.0.0.0/1' }, { source: '128.0.0.0/1' }], tcp(22));
    expect(answer.verdict).toBe('open');
    expect(ids(answer.accepts)).toEqual(['r1', 'r2']);
  });

  it('half of IPv4 plus half of IPv6 is not a whole family', () => {
    expect(judge([{ source: '0.0.0.0/1' }, { source: '::/1' }], tcp(22)).verdict).toBe('closed');
  });

  it('a private range is not the internet', () => {
    expect(judge([{ source: '10.0.0.0/8' }, { source: '172.16.0.0/12' }], tcp(22)).verdict).toBe(
      'closed',
    );
  });

  it('names the Accepts that carry the reach, not a narrower one inside them', () => {
    const answer = judge(
      [
        { source: '10.0.0.0/8' },
        { source: '0.0.0.0/0', priority: 2 },
        { source: '0.0.0.0/0', priority: 3 },
      ],
      tcp(22),
    );
    expect(ids(answer.accepts)).toEqual(['r2', 'r3']);
  });

  it('reports both families when both are open', () => {
    const answer = judge([{ source: '0.0.0.0/0' }, { source: '::/0' }], tcp(22));
    expect(answer.open[0]?.families).toEqual(['ipv4', 'ipv6']);
  });
});

describe('4. an Accept is cancelled only by Drops of its family, ranked at or before it, covering its whole source', () => {
  it('at equal priority the Drop wins, whatever the rule order', () => {
    expect(judge([{ priority: 1 }, { action: 'drop', priority: 1 }], tcp(22)).verdict).toBe(
      'closed',
    );
    expect(judge([{ action: 'drop', priority: 1 }, { priority: 1 }], tcp(22)).verdict).toBe(
      'closed',
    );
  });

  it('a smaller priority number wins: a Drop at 1 cancels an Accept at 10', () => {
    const answer = judge(
      [
        { priority: 10, ports: '3389/3389' },
        { action: 'drop', priority: 1, ports: '3389/3389' },
      ],
      tcp(3389),
    );
    expect(answer.verdict).toBe('closed');
    expect(cancelledIds(answer)).toEqual(['r1<-r2']);
  });

  it('a Drop at a worse priority does not cancel: Accept 50 beats Drop 60', () => {
    const answer = judge(
      [
        { priority: 50, ports: '3306/3306' },
        { action: 'drop', priority: 60, ports: '3306/3306' },
      ],
      tcp(3306),
    );
    expect(answer.verdict).toBe('open');
    expect(answer.partialDrops).toEqual([]);
    expect(answer.cancelled).toEqual([]);
  });

  it('Drops that together cover the source cancel it', () => {
    const answer = judge(
      [
        { priority: 5 },
        { action: 'drop', source: '0.0.0.0/1' },
        { action: 'drop', source: '128.0.0.0/1' },
      ],
      tcp(22),
    );
    expect(answer.verdict).toBe('closed');
    expect(cancelledIds(answer)).toEqual(['r1<-r2,r3']);
  });

  it('a Drop covering only part of the source does not cancel it, and is named', () => {
    const answer = judge(
      [{ priority: 5 }, { id: 'block', action: 'drop', source: '203.0.113.0/24' }],
      tcp(22),
    );
    expect(answer.verdict).toBe('open');
    expect(ids(answer.partialDrops)).toEqual(['block']);
  });

  it('a Drop of half the space still leaves the Accept open (decision 4 is about the whole source)', () => {
    expect(judge([{ priority: 5 }, { action: 'drop', source: '0.0.0.0/1' }], tcp(22)).verdict).toBe(
      'open',
    );
  });

  it('a Drop ranked after the Accept restricts nothing and is not named', () => {
    const answer = judge(
      [{ priority: 5 }, { action: 'drop', priority: 50, source: '10.0.0.0/8' }],
      tcp(22),
    );
    expect(answer.verdict).toBe('open');
    expect(answer.partialDrops).toEqual([]);
  });

  it('an IPv4 Drop does not cancel an IPv6 Accept', () => {
    const answer = judge(
      [
        { source: '::/0', priority: 5 },
        { action: 'drop', source: '0.0.0.0/0' },
      ],
      tcp(22),
    );
    expect(answer.verdict).toBe('open');
    expect(answer.partialDrops).toEqual([]);
  });

  it('cancelling one half leaves the other half: no longer a whole family', () => {
    const answer = judge(
      [
        { priority: 5, source: '0.0.0.0/1' },
        { priority: 5, source: '128.0.0.0/1' },
        { action: 'drop', source: '0.0.0.0/1' },
      ],
      tcp(22),
    );
    expect(answer.verdict).toBe('closed');
    expect(cancelledIds(answer)).toEqual(['r1<-r3']);
  });

  it('an Accept ranked before the Drop keeps its part open', () => {
    const answer = judge(
      [
        { priority: 1, source: '0.0.0.0/1' },
        { priority: 5, source: '128.0.0.0/1' },
        { action: 'drop', priority: 3, source: '0.0.0.0/0' },
      ],
      tcp(22),
    );
    expect(answer.verdict).toBe('closed');
    expect(cancelledIds(answer)).toEqual(['r2<-r3']);
  });
});

describe('questions', () => {
  it('refuses a port outside 1–65535 rather than answering closed', () => {
    expect(() => judge([{}], tcp(0))).toThrow(RangeError);
    expect(() => judge([{}], tcp(65536))).toThrow(RangeError);
    expect(() => judge([{}], tcp(22.5))).toThrow(RangeError);
  });
});

describe('priorities', () => {
  it('accepts the system priority 110 and any integer', () => {
    expect(judge([{ priority: 110 }], tcp(22)).verdict).toBe('open');
    expect(judge([{ priority: 110 }, { action: 'drop', priority: 100 }], tcp(22)).verdict).toBe(
      'closed',
    );
    expect(judge([{ priority: 0 }, { action: 'drop', priority: 1 }], tcp(22)).verdict).toBe('open');
    expect(judge([{ priority: 1 }, { action: 'drop', priority: -5 }], tcp(22)).verdict).toBe(
      'closed',
    );
  });
});

describe('group references and undecidable sources', () => {
  it('a group reference is never public, even for ALL', () => {
    expect(
      judge([{ protocol: 'all', ports: '-1/-1', source: 'sg-other' }], tcp(27017)).verdict,
    ).toBe('closed');
  });

  it('a prefix-list Accept is unresolved, never safe', () => {
    const answer = judge([{ source: 'pl-office' }], tcp(22));
    expect(answer.verdict).toBe('unresolved');
    expect(ids(answer.unresolved)).toEqual(['r1']);
    expect(answer.unresolved[0]?.unresolved).toBe('prefix-list');
  });

  it('a port-list Accept without usable ports is unresolved for any port of its protocol', () => {
    const answer = judge([{ ports: '', portListId: 'prl-web' }], tcp(8080));
    expect(answer.verdict).toBe('unresolved');
    expect(judge([{ ports: '', portListId: 'prl-web' }], udp(8080)).verdict).toBe('closed');
  });

  it('an undecidable Accept for another port does not matter', () => {
    expect(judge([{ source: 'pl-office', ports: '80/80' }], tcp(22)).verdict).toBe('closed');
  });

  it('a prefix-list Drop does not close an open port but is named for review', () => {
    const answer = judge(
      [
        { priority: 5 },
        { action: 'drop', source: 'pl-blocklist', priority: 1 },
        { action: 'drop', source: 'pl-late', priority: 50 },
      ],
      tcp(22),
    );
    expect(answer.verdict).toBe('open');
    expect(ids(answer.unresolved)).toEqual(['r2']);
  });

  it('a source that is not an address is unresolved, not ignored', () => {
    const answer = judge([{ source: '010.0.0.0/0' }], tcp(22));
    expect(answer.verdict).toBe('unresolved');
    expect(answer.unresolved[0]?.unresolved).toBe('unparseable-source');
  });

  it('an undecidable Accept does not hide an open verdict', () => {
    expect(judge([{ source: 'pl-office' }, {}], tcp(22)).verdict).toBe('open');
  });
});
