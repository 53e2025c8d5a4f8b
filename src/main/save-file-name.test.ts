import { describe, expect, it } from 'vitest';
import { safeSaveFileName } from './save-file-name';

describe('safeSaveFileName', () => {
  it.each([
    ['sg-audit-report.pdf', 'application/pdf', 'sg-audit-report.pdf'],
    ['findings', 'text/csv', 'findings.csv'],
    ['findings.CSV', 'text/csv', 'findings.CSV'],
    ['outcome.json', 'application/json', 'outcome.json'],
    ['..\\..\\x.json', 'application/json', 'x.json'],
    ['../../etc/passwd', 'text/csv', 'passwd.csv'],
    ['/etc/cron.d/job', 'text/csv', 'job.csv'],
    ['C:\\Windows\\evil', 'application/pdf', 'evil.pdf'],
    ['a\nb\r\tc.csv', 'text/csv', 'a_b__c.csv'],
    ['report\u202Efdp.exe', 'application/pdf', 'report_fdp.exe.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'application/pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['...', 'application/pdf', 'sg-audit-report.pdf'],
    ['', 'text/csv', 'sg-audit-report.csv'],
    ['CON', 'text/csv', 'sg-audit-report.csv'],
    ['nul.pdf', 'application/pdf', 'sg-audit-report.pdf'],
    ['安全组审计', 'application/pdf', '安全组审计.pdf'],
  ] as const)('%j as %s → %j', (name, mimeType, expected) => {
    expect(safeSaveFileName(name, mimeType)).toBe(expected);
  });
});
