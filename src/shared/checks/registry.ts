/**
 * The check catalogue: the sixteen items in the order of spec/checks.md. The only barrel in
 * src/shared/checks, so every consumer (engine, CLI, reports, UI) sees one list and one version.
 */
import { excessiveSecurityGroups } from './items/excessive-security-groups';
import { exposedAllPorts } from './items/exposed-all-ports';
import { exposedDb250000 } from './items/exposed-db2-50000';
import { exposedElasticsearch92009300 } from './items/exposed-elasticsearch-9200-9300';
import { exposedHadoop5007050030 } from './items/exposed-hadoop-50070-50030';
import { exposedMongodb27017 } from './items/exposed-mongodb-27017';
import { exposedMysql3306 } from './items/exposed-mysql-3306';
import { exposedOracle1521 } from './items/exposed-oracle-1521';
import { exposedPostgresql5432 } from './items/exposed-postgresql-5432';
import { exposedRdp3389 } from './items/exposed-rdp-3389';
import { exposedRedis6379 } from './items/exposed-redis-6379';
import { exposedSpark6066 } from './items/exposed-spark-6066';
import { exposedSplunk80898090 } from './items/exposed-splunk-8089-8090';
import { exposedSqlserver1433 } from './items/exposed-sqlserver-1433';
import { exposedSsh22 } from './items/exposed-ssh-22';
import { exposedYarn8088 } from './items/exposed-yarn-8088';
import type { CheckDefinition } from './types';

/** Bumped whenever an item's ports, risk or logic changes; stored audits record it. */
export const catalogueVersion = '1.0.0';

export const checkCatalogue: readonly CheckDefinition[] = Object.freeze([
  exposedSsh22,
  exposedRdp3389,
  exposedDb250000,
  excessiveSecurityGroups,
  exposedElasticsearch92009300,
  exposedYarn8088,
  exposedHadoop5007050030,
  exposedMongodb27017,
  exposedMysql3306,
  exposedOracle1521,
  exposedPostgresql5432,
  exposedRedis6379,
  exposedSqlserver1433,
  exposedSpark6066,
  exposedSplunk80898090,
  exposedAllPorts,
]);

const byId = new Map(checkCatalogue.map((check) => [check.id, check]));

export function findCheck(id: string): CheckDefinition | undefined {
  return byId.get(id);
}
