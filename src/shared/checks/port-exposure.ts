/**
 * The factory behind the fourteen single-service items: each is just an id, a risk level, the TCP
 * ports it watches and its texts. The ports are data; the evaluation is shared.
 */
import type { ExposureQuery } from '../audit/context';
import type { RiskLevel } from '../audit/result';
import { exposureFindings } from './exposure-finding';
import type { CheckDefinition, CheckText, Language, WatchedPort } from './types';

export interface PortCheckSpec {
  id: string;
  risk: RiskLevel;
  /** At least one; the item is at risk when any of them is open to all addresses of a family. */
  ports: readonly WatchedPort[];
  text: Record<Language, CheckText>;
}

/** Port items watch TCP (evaluation.md §6); this keeps the item files to the numbers. */
export function tcp(...ports: number[]): WatchedPort[] {
  return ports.map((port) => ({ protocol: 'tcp', port }));
}

function assertPorts(id: string, ports: readonly WatchedPort[]): void {
  // Fail at load time: a mistyped port would otherwise be a check that silently never fires.
  if (ports.length === 0) throw new Error(`check ${id}: a port check needs at least one port`);
  for (const { port } of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`check ${id}: port ${port} is not an integer in 1–65535`);
    }
  }
}

export function definePortCheck(spec: PortCheckSpec): CheckDefinition {
  assertPorts(spec.id, spec.ports);
  const ports = Object.freeze(spec.ports.map((watched) => ({ ...watched })));
  const queries: readonly ExposureQuery[] = ports.map(({ protocol, port }) => ({ protocol, port }));
  return {
    id: spec.id,
    risk: spec.risk,
    ports,
    text: spec.text,
    evaluate: (context) => exposureFindings(context, queries),
  };
}
