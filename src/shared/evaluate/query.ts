import type { ExposureQuery } from '../audit/context';
import { evaluateAllPorts } from './all-ports';
import type { RuleSetExposure } from './exposure';
import { evaluatePort } from './port-exposure';
import type { CompiledRuleSet } from './rule-set';

/** A short stable key for memoising answers per query: `tcp:22`, `udp:*`. */
export function queryKey(query: ExposureQuery): string {
  return 'allPorts' in query ? `${query.protocol}:*` : `${query.protocol}:${query.port}`;
}

export function evaluateQuery(set: CompiledRuleSet, query: ExposureQuery): RuleSetExposure {
  // A port outside 1–65535 is a catalogue slip: answering "closed" would hide it.
  if (
    'port' in query &&
    !(Number.isInteger(query.port) && query.port >= 1 && query.port <= 65535)
  ) {
    throw new RangeError(`port ${query.port} is not an integer in 1–65535`);
  }
  return 'allPorts' in query
    ? evaluateAllPorts(set, query.protocol)
    : evaluatePort(set, query.protocol, query.port);
}
