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

/** One distinct set of groups and its answers (by query slot), as evidence without an interface id. */
interface RuleSetEntry {
  set: CompiledRuleSet;
  answers: (TargetExposure | undefined)[];
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
  const instanceAnswers = new Map<InstanceTarget, (TargetExposure | undefined)[]>();
  // Checks ask with the same query objects again and again: each distinct question gets a slot
  // once, so answers are found by index rather than by hashing a fresh key string per call.
  const slotsByQuery = new Map<ExposureQuery, number>();
  const slotsByKey = new Map<string, number>();

  function slotOf(query: ExposureQuery): number {
    let slot = slotsByQuery.get(query);
    if (slot === undefined) {
      const key = queryKey(query);
      slot = slotsByKey.get(key) ?? slotsByKey.size;
      slotsByKey.set(key, slot);
      slotsByQuery.set(query, slot);
    }
    return slot;
  }

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
      entry = { set: mergeRuleSets(ids.flatMap(compiledGroup)), answers: [] };
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

  function answer(entry: RuleSetEntry, query: ExposureQuery, slot: number): TargetExposure {
    let known = entry.answers[slot];
    if (known === undefined) {
      known = evidence.exposure(evaluateQuery(entry.set, query));
      entry.answers[slot] = known;
    }
    return known;
  }

  function interfaceAnswer(
    nic: InterfaceTarget,
    query: ExposureQuery,
    slot: number,
  ): TargetExposure {
    const shared = answer(interfaceEntry(nic), query, slot);
    return nic.networkInterfaceId === null ? shared : tagInterface(shared, nic.networkInterfaceId);
  }

  function instanceAnswer(
    target: InstanceTarget,
    query: ExposureQuery,
    slot: number,
  ): TargetExposure {
    const [only] = target.interfaces;
    if (target.interfaces.length === 1 && only !== undefined) {
      return interfaceAnswer(only, query, slot);
    }
    let answers = instanceAnswers.get(target);
    if (answers === undefined) {
      answers = [];
      instanceAnswers.set(target, answers);
    }
    let merged = answers[slot];
    if (merged === undefined) {
      merged = mergeInterfaceExposures(
        target.interfaces.map((nic) => interfaceAnswer(nic, query, slot)),
      );
      answers[slot] = merged;
    }
    return merged;
  }

  return {
    groups,
    instances,
    exposure(target: AuditTarget, query: ExposureQuery): TargetExposure {
      const slot = slotOf(query);
      if (target.level === 'instance') return instanceAnswer(target, query, slot);
      return answer(groupEntry(target.group.id), query, slot);
    },
  };
}
