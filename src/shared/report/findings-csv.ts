/** The findings CSV: one row per finding per rule that decides or bears on it. */
import type { RuleEvidence } from '../audit/result';
import { csvDocument, type CsvCell } from './csv';
import type { ScanDocument } from './scan-document';

export const findingsCsvHeader = [
  'check_id',
  'check_title',
  'risk',
  'status',
  'level',
  'object_id',
  'object_name',
  'region',
  'public_ip',
  'rule_role',
  'rule_id',
  'rule_group_id',
  'priority',
  'policy',
  'protocol',
  'port_range',
  'source',
  'rule_description',
  'suggestion',
  'audit_name',
  'generated_at',
] as const;

type RuleRole = 'accept' | 'partial-drop' | 'unresolved';

function ruleCells(role: RuleRole, rule: RuleEvidence): CsvCell[] {
  return [
    role,
    rule.ruleId,
    rule.groupId,
    rule.priority,
    rule.action,
    rule.protocol,
    rule.portRange,
    rule.source,
    rule.description,
  ];
}

const noRuleCells: CsvCell[] = ['', '', '', '', '', '', '', '', ''];

function* findingRows(document: ScanDocument, auditName: string): Generator<CsvCell[]> {
  for (const check of document.checks) {
    if (!check.enabled) continue;
    for (const finding of check.findings) {
      const lead: CsvCell[] = [
        check.id,
        check.title,
        check.risk,
        finding.status,
        finding.level,
        finding.objectId,
        finding.objectName,
        finding.regionId,
        finding.publicIps.join(' '),
      ];
      const tail: CsvCell[] = [check.suggestion, auditName, document.generatedAt];
      const rules: [RuleRole, RuleEvidence][] = [
        ...finding.accepts.map((rule): [RuleRole, RuleEvidence] => ['accept', rule]),
        ...finding.partialDrops.map((rule): [RuleRole, RuleEvidence] => ['partial-drop', rule]),
        ...finding.unresolved.map((rule): [RuleRole, RuleEvidence] => ['unresolved', rule]),
      ];
      if (rules.length === 0) yield [...lead, ...noRuleCells, ...tail];
      for (const [role, rule] of rules) yield [...lead, ...ruleCells(role, rule), ...tail];
    }
  }
}

export function findingsCsv(document: ScanDocument, auditName = ''): string {
  return csvDocument(findingsCsvHeader, findingRows(document, auditName));
}
