import type { CheckStatus, RiskLevel } from '../shared/audit/result';

/** `mismatch` is verify's 1: a report, its findings or an input differs from its manifest. */
export const exitCodes = { done: 0, findings: 1, mismatch: 1, unusableInput: 2 } as const;

const riskRank: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3 };

/** True when an enabled check of risk `failOn` or higher is at risk. */
export function hasFindingsAtOrAbove(
  checks: readonly { risk: RiskLevel; status: CheckStatus }[],
  failOn: RiskLevel,
): boolean {
  return checks.some(
    (check) => check.status === 'at-risk' && riskRank[check.risk] >= riskRank[failOn],
  );
}
