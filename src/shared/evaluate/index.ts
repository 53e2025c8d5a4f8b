export {
  covers,
  coversFamily,
  mergeRanges,
  parseCidr,
  wholeFamily,
  type AddressRange,
} from './address-range';
export { evaluateAllPorts } from './all-ports';
export {
  closedExposure,
  NOTHING_OPEN,
  type CancelledAccept,
  type RuleSetExposure,
  type Verdict,
} from './exposure';
export { evaluatePort } from './port-exposure';
export { evaluateQuery, queryKey } from './query';
export {
  compileRuleSet,
  mergeRuleSets,
  type CompiledRule,
  type CompiledRuleSet,
  type PortProtocol,
} from './rule-set';
