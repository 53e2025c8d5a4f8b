import { describe, expect, it } from 'vitest';
import { catalogueVersion, checkCatalogue, findCheck } from './registry';

/** spec/checks.md, in its order: id, default risk, watched TCP ports. */
const spec: readonly [id: string, risk: string, ports: number[]][] = [
  ['exposed-ssh-22', 'medium', [22]],
  ['exposed-rdp-3389', 'medium', [3389]],
  ['exposed-db2-50000', 'medium', [50000]],
  ['excessive-security-groups', 'low', []],
  ['exposed-elasticsearch-9200-9300', 'medium', [9200, 9300]],
  ['exposed-yarn-8088', 'medium', [8088]],
  ['exposed-hadoop-50070-50030', 'medium', [50070, 50030]],
  ['exposed-mongodb-27017', 'medium', [27017]],
  ['exposed-mysql-3306', 'medium', [3306]],
  ['exposed-oracle-1521', 'medium', [1521]],
  ['exposed-postgresql-5432', 'medium', [5432]],
  ['exposed-redis-6379', 'medium', [6379]],
  ['exposed-sqlserver-1433', 'medium', [1433]],
  ['exposed-spark-6066', 'medium', [6066]],
  ['exposed-splunk-8089-8090', 'medium', [8089, 8090]],
  ['exposed-all-ports', 'high', []],
];

/** Sentences of the product's own documentation (seed/), which our texts must not reuse. */
const seedSentences = [
  'Port 22 allows requests from all IP addresses.',
  'We recommend that you deny the access of public IP addresses to port 22 on the Security Groups page of the ECS console.',
  'If your services require access to port 22, we recommend that you allow only specific public IP addresses to access port 22 or use Bastionhost for remote O&M.',
  'We recommend that you also enable the threat intelligence and basic protection features on the Protection Configuration page of the Cloud Firewall console.',
  'Ports 9200 and 9300 allow requests from all IP addresses.',
  'An ECS instance is added to three or more security groups. This makes O&M difficult and increases the risk of incorrect configurations.',
  'We recommend that you add an ECS instance to a maximum of two security groups.',
  'Security groups are configured to allow all IP addresses to access any ports. The associated servers may be cracked.',
  'We recommend that you configure security groups to allow requests from specific IP addresses.',
  'Improper configuration of security group rules may cause security risks.',
];

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9&/.:]+/)
    .map((word) => word.replace(/[.:]+$/, ''))
    .filter((word) => word !== '');

/** Every run of eight consecutive words: a copied sentence of eight words or more contains one. */
function shingles(text: string, size = 8): string[] {
  const list = words(text);
  return list
    .slice(0, Math.max(0, list.length - size + 1))
    .map((_, i) => list.slice(i, i + size).join(' '));
}

const displayWidth = (text: string): number =>
  [...text].reduce((width, char) => width + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0);

describe('check catalogue', () => {
  it('has exactly the items of checks.md, in its order', () => {
    expect(checkCatalogue.map((check) => check.id)).toEqual(spec.map(([id]) => id));
  });

  it('has unique kebab-case ids', () => {
    const ids = checkCatalogue.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(spec)('%s watches the ports and has the risk of checks.md', (id, risk, ports) => {
    const check = findCheck(id);
    expect(check?.risk).toBe(risk);
    expect(check?.ports).toEqual(ports.map((port) => ({ protocol: 'tcp', port })));
  });

  it('only watches integer ports in 1–65535', () => {
    for (const { port } of checkCatalogue.flatMap((check) => check.ports)) {
      expect(Number.isInteger(port) && port >= 1 && port <= 65535).toBe(true);
    }
  });

  it.each(checkCatalogue.map((check) => [check.id, check] as const))(
    '%s has every text in both languages, the Chinese in Chinese',
    (_id, check) => {
      for (const language of ['en', 'zh'] as const) {
        const { title, risk, suggestion } = check.text[language];
        for (const text of [title, risk, suggestion]) expect(text.trim()).not.toBe('');
        // A title is a table column: keep it short (a CJK character takes two columns).
        expect(displayWidth(title)).toBeLessThanOrEqual(56);
      }
      for (const text of Object.values(check.text.zh)) expect(text).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('mentions both address families and a fix verification in every suggestion', () => {
    for (const check of checkCatalogue) {
      expect(check.text.en.suggestion).toMatch(/IPv4 and for IPv6/);
      expect(check.text.en.suggestion).toMatch(/re-run the audit/);
      expect(check.text.zh.suggestion).toMatch(/IPv4 和 IPv6/);
    }
  });

  it('copies no sentence of eight words or more from the product documentation', () => {
    const seed = new Set(seedSentences.flatMap((sentence) => shingles(sentence)));
    expect(seed.size).toBeGreaterThan(50);
    // The detector itself: a seed sentence embedded in other words is caught.
    const planted = `In short, ${seedSentences[1] ?? ''} Thanks.`;
    expect(shingles(planted).some((shingle) => seed.has(shingle))).toBe(true);
    for (const check of checkCatalogue) {
      const { title, risk, suggestion } = check.text.en;
      for (const text of [title, risk, suggestion]) {
        const copied = shingles(text).filter((shingle) => seed.has(shingle));
        expect(copied, `${check.id}: ${copied.join(' | ')}`).toEqual([]);
      }
    }
  });

  it('finds items by id and nothing else', () => {
    expect(findCheck('exposed-redis-6379')?.id).toBe('exposed-redis-6379');
    expect(findCheck('exposed-telnet-23')).toBeUndefined();
    expect(catalogueVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
