import type { ImportIssue, IssueSeverity } from '../model';

/**
 * Issues found in one file, before they get line:column. Every message starts with the file
 * name (and the JSON path for a record), so normalisers write only the specific clause.
 */
export interface PendingIssue {
  severity: IssueSeverity;
  code: string;
  message: string;
  path?: string;
  line?: number;
  column?: number;
}

/**
 * A file with a million bad records must not produce a million issues: past this many, the rest
 * are counted and summarised in one warning (the skipped-rules gaps still count every rule).
 */
export const MAX_ISSUES_PER_FILE = 1000;

export class FileIssues {
  readonly pending: PendingIssue[] = [];
  private unlisted = 0;

  constructor(readonly file: string) {}

  /** A problem with the whole file: nothing of it is used. */
  fileError(code: string, detail: string, position?: { line?: number; column?: number }): void {
    this.push({ severity: 'error', code, message: `${this.file}: ${detail}.`, ...position });
  }

  /** A record (or one response inside the file) was skipped; `path` is its JSON path. */
  recordError(code: string, path: string, detail: string): void {
    this.push({ severity: 'error', code, message: `${this.file}, ${path}: ${detail}.`, path });
  }

  warning(code: string, detail: string, path?: string): void {
    if (path === undefined)
      this.push({ severity: 'warning', code, message: `${this.file}: ${detail}.` });
    else
      this.push({ severity: 'warning', code, message: `${this.file}, ${path}: ${detail}.`, path });
  }

  /** Forget everything found so far (the file turned out to be a duplicate). */
  clear(): void {
    this.pending.length = 0;
    this.unlisted = 0;
  }

  get hasErrors(): boolean {
    return this.pending.some((issue) => issue.severity === 'error');
  }

  get hasPaths(): boolean {
    return this.pending.some((issue) => issue.path !== undefined);
  }

  private push(issue: PendingIssue): void {
    if (this.pending.length >= MAX_ISSUES_PER_FILE) this.unlisted += 1;
    else this.pending.push(issue);
  }

  /** Final issues; `positionOf` turns a JSON path into line:column where it can. */
  toImportIssues(
    positionOf?: (path: string) => { line: number; column: number } | null,
  ): ImportIssue[] {
    const issues = this.pending.map((pending) => {
      const issue: ImportIssue = {
        severity: pending.severity,
        code: pending.code,
        message: pending.message,
        file: this.file,
      };
      if (pending.path !== undefined) issue.path = pending.path;
      const position =
        pending.path !== undefined
          ? positionOf?.(pending.path)
          : pending.line !== undefined
            ? { line: pending.line, column: pending.column ?? 1 }
            : null;
      if (position) {
        issue.line = position.line;
        issue.column = position.column;
      }
      return issue;
    });
    if (this.unlisted > 0) {
      issues.push({
        severity: 'warning',
        code: 'too-many-issues',
        message: `${this.file}: ${this.unlisted} more problems were found but not listed (only the first ${MAX_ISSUES_PER_FILE} are).`,
        file: this.file,
      });
    }
    return issues;
  }
}
