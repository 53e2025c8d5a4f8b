/**
 * The check context for one snapshot. All the work is memoised: a group's rules are compiled once;
 * a set of groups (one interface's, or a group alone) is set up once, keyed by its sorted ids, so
 * thousands of instances sharing a set share it (its rules are merged only if a question needs
 * them); each set answers each query once.
 */
import { evaluateQuery, queryKey } from '../evaluate/query';
import { compileRuleSet, mergeRuleSets, type CompiledRuleSet } from '../evaluate/rule-set';
import type { Snapshot } from '../model';
import type {
  AuditTarget,
  CheckContext,
  ExposureQuery,
  InstanceTarget,
  InterfaceTarget,
  TargetExposure,
} from './context';
import { EvidenceBuilder, mergeInterfaceExposures, tagInterface } from './evidence';
import { buildTargets } from './targets';

/** One distinct set of groups and its answers, as evidence without an interface id. */
interface RuleSetEntry {
  set: CompiledRuleSet;
  answers: Map<string, TargetExposure>;
}

export function buildCheckContext(snapshot: Snapshot): CheckContext {
  const { groups, instances } = buildTargets(snapshot);
  const groupsById = new Map(snapshot.groups.map((group) => [group.id, group]));
  const evidence = new EvidenceBuilder(
    new Map(snapshot.groups.map((group) => [group.id, group.name])),
  );
  const compiledGroups = new Map<string, CompiledRuleSet>();
  const entries = new Map<string, RuleSetEntry>();
  // Targets are asked once per query: find their entry without re-sorting group ids each time.
  const interfaceEntries = new Map<InterfaceTarget, RuleSetEntry>();
  const groupEntries = new Map<string, RuleSetEntry>();
  const instanceAnswers = new Map<InstanceTarget, Map<string, TargetExposure>>();

  function compiledGroup(groupId: string): CompiledRuleSet[] {
    let compiled = compiledGroups.get(groupId);
    if (compiled === undefined) {
      const group = groupsById.get(groupId);
      // A group named but not exported contributes no rules; its missing-rules gap says so.
      if (group === undefined) return [];
      compiled = compileRuleSet(group.rules);
      compiledGroups.set(groupId, compiled);
    }
    return [compiled];
  }

  function entryFor(groupIds: readonly string[]): RuleSetEntry {
    const ids = [...new Set(groupIds)].sort();
    const key = ids.join(' ');
    let entry = entries.get(key);
    if (entry === undefined) {
      entry = { set: mergeRuleSets(ids.flatMap(compiledGroup)), answers: new Map() };
      entries.set(key, entry);
    }
    return entry;
  }

  function groupEntry(groupId: string): RuleSetEntry {
    let entry = groupEntries.get(groupId);
    if (entry === undefined) {
      entry = entryFor([groupId]);
      groupEntries.set(groupId, entry);
    }
    return entry;
  }

  function interfaceEntry(nic: InterfaceTarget): RuleSetEntry {
    let entry = interfaceEntries.get(nic);
    if (entry === undefined) {
      entry = entryFor(nic.securityGroupIds);
      interfaceEntries.set(nic, entry);
    }
    return entry;
  }

  function answer(entry: RuleSetEntry, query: ExposureQuery, key: string): TargetExposure {
    let known = entry.answers.get(key);
    if (known === undefined) {
      known = evidence.exposure(evaluateQuery(entry.set, query));
      entry.answers.set(key, known);
    }
    return known;
  }

  function interfaceAnswer(
    nic: InterfaceTarget,
    query: ExposureQuery,
    key: string,
  ): TargetExposure {
    const shared = answer(interfaceEntry(nic), query, key);
    return nic.networkInterfaceId === null ? shared : tagInterface(shared, nic.networkInterfaceId);
  }

  function instanceAnswer(
    target: InstanceTarget,
    query: ExposureQuery,
    key: string,
  ): TargetExposure {
    const [only] = target.interfaces;
    if (target.interfaces.length === 1 && only !== undefined) {
      return interfaceAnswer(only, query, key);
    }
    let answers = instanceAnswers.get(target);
    if (answers === undefined) {
      answers = new Map();
      instanceAnswers.set(target, answers);
    }
    let merged = answers.get(key);
    if (merged === undefined) {
      merged = mergeInterfaceExposures(
        target.interfaces.map((nic) => interfaceAnswer(nic, query, key)),
      );
      answers.set(key, merged);
    }
    return merged;
  }

  return {
    groups,
    instances,
    exposure(target: AuditTarget, query: ExposureQuery): TargetExposure {
      const key = queryKey(query);
      if (target.level === 'instance') return instanceAnswer(target, query, key);
      return answer(groupEntry(target.group.id), query, key);
    },
  };
}
