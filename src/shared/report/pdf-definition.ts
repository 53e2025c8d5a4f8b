/**
 * The PDF report as a pdfmake document definition: pure data built from the report model and a
 * language. Deterministic (dates come from the model) and free of links, scripts and attachments.
 * Every data value goes through pdfTextRuns: it is laid out as literal text, never interpreted.
 */
import { activityKinds } from '../activity/chain';
import type { ActivitySummary } from '../activity/summary';
import type { CheckStatus, OpenPort, RiskLevel } from '../audit/result';
import type { Language } from '../checks/types';
import type { GlyphCoverage } from './font-coverage';
import type {
  PdfCell,
  PdfContent,
  PdfDocumentDefinition,
  PdfInline,
  PdfStyle,
  PdfTableLayout,
  PdfTableNode,
  PdfTextNode,
} from './pdf-types';
import { pdfFontFamily } from './pdf-types';
import { pdfTextRuns } from './pdf-text';
import type { ExposedInstance, ReportCheck, ReportFinding, ReportModel, ReportRule } from './report-model';
import { riskLevels } from './report-model';
import { reportText, type ConclusionFigures, type ReportText } from './report-text';

export interface PdfDefinitionOptions {
  /** Code points the embedded font can draw (fontCoverage of the regular face). */
  coverage?: GlyphCoverage;
  /**
   * Longest data value shown, in code points (default 1,000: Alibaba Cloud caps names at 128 and
   * descriptions at 512 characters, so only hostile or corrupt values are ever cut).
   */
  maxValueLength?: number;
  /** Servers listed in the executive summary (default 10). */
  topInstances?: number;
  /** Rows per list in the scope section before "… and N more" (default 200). */
  maxListedIssues?: number;
}

/** One line of the table of contents; `level` 1 or 2. */
export interface TocEntry {
  level: 1 | 2;
  text: string;
}

export interface PdfReportDefinition {
  definition: PdfDocumentDefinition;
  /** Entry k (1-based) is the heading whose node carries `headlineLevel: k`. */
  toc: TocEntry[];
}

export const defaultMaxValueLength = 1000;

/** Lists of at most this many objects get a table per object; longer lists one table for all. */
const detailedListLimit = 20;

/** Rule ID (and group), priority, policy, protocol, ports, source, description: the same at both levels. */
const findingColumns: readonly (number | string)[] = [100, 34, 50, 40, 48, 72, '*'];

const colour = {
  ink: '#1f2933',
  muted: '#52606d',
  faint: '#7b8794',
  line: '#d3dae2',
  lineStrong: '#9aa5b1',
  headerFill: '#eef2f6',
  objectFill: '#f6f8fa',
  brand: '#1f3a5f',
  marker: '#9c2a00',
  markerFill: '#fff1c2',
  track: '#e4e8ec',
};

/** One colour per risk level, used everywhere the level appears. */
export const riskColour: Record<RiskLevel, { text: string; fill: string }> = {
  high: { text: '#b42318', fill: '#fdecea' },
  medium: { text: '#b54708', fill: '#fef4e6' },
  low: { text: '#1d5fa8', fill: '#e8f1fb' },
};

const statusColour: Record<CheckStatus, string> = {
  'at-risk': '#b42318',
  passed: '#2e7d32',
  incomplete: '#8a6100',
  disabled: '#7b8794',
};

const chartColour = { atRisk: '#b42318', incomplete: '#d4a017', passed: '#7fb685' };

const pageMargins: [number, number, number, number] = [50, 64, 50, 58];
const contentWidth = 595.28 - pageMargins[0] - pageMargins[2];

function formatCount(value: number): string {
  const digits = String(Math.trunc(Math.abs(value)));
  let out = '';
  for (let index = 0; index < digits.length; index += 1) {
    if (index > 0 && (digits.length - index) % 3 === 0) out += ',';
    out += digits[index];
  }
  return (value < 0 ? '-' : '') + out;
}

function formatBytes(bytes: number): string {
  return `${formatCount(bytes)} B`;
}

function formatPort(port: OpenPort, withFamilies: boolean): string {
  const protocol = port.protocol.toUpperCase();
  const range = port.from === 1 && port.to === 65535 ? '1–65535' : port.from === port.to ? String(port.from) : `${port.from}–${port.to}`;
  const families = withFamilies ? ` (${port.families.map((family) => (family === 'ipv4' ? 'IPv4' : 'IPv6')).join(', ')})` : '';
  return `${protocol} ${range}${families}`;
}

function formatPorts(ports: readonly OpenPort[], withFamilies: boolean, limit = 12): string {
  const shown = ports.slice(0, limit).map((port) => formatPort(port, withFamilies));
  if (ports.length > limit) shown.push(`+${ports.length - limit}`);
  return shown.join(', ');
}

/** `2026-01-01T00:00:00.000Z` → `2026-01-01 00:00:00 UTC`. */
function formatTimestamp(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match === null ? iso : `${match[1]} ${match[2]} UTC`;
}

const thinLayout: PdfTableLayout = {
  hLineWidth: (index, node) => (index === 0 || index === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (index, node) => (index === 0 || index === node.table.body.length ? colour.lineStrong : colour.line),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/** Tables whose first `headerRows` rows are headings: a stronger line under the last of them. */
function headedLayout(headerRows: number): PdfTableLayout {
  return {
    ...thinLayout,
    hLineWidth: (index, node) =>
      index === 0 || index === node.table.body.length ? 0.8 : index === headerRows ? 0.8 : 0.4,
    hLineColor: (index, node) =>
      index === 0 || index === node.table.body.length || index === headerRows ? colour.lineStrong : colour.line,
  };
}

const noLinesLayout: PdfTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * A cautious guess that a finding's table is well under a page high: pdfmake drops whatever an
 * unbreakable block cannot fit on one page, so only small blocks are kept together.
 */
function fitsOnePage(finding: ReportFinding): boolean {
  const text = finding.rules.reduce((sum, rule) => sum + rule.description.length + rule.source.length + rule.groupName.length + (rule.unresolved?.length ?? 0), 0);
  return finding.rules.length <= 12 && text <= 1200 && finding.instances.length <= 40 && finding.securityGroups.length <= 20 && finding.name.length <= 200;
}

class Builder {
  readonly text: ReportText;
  readonly toc: TocEntry[] = [];
  private readonly maxValueLength: number;

  constructor(
    readonly model: ReportModel,
    readonly language: Language,
    readonly options: PdfDefinitionOptions,
  ) {
    this.text = reportText[language];
    this.maxValueLength = options.maxValueLength ?? defaultMaxValueLength;
  }

  /** Literal text runs for one data value, each with `style` (markers keep their own colours). */
  value(value: string, style: PdfStyle = {}, maxLength = this.maxValueLength): PdfInline[] {
    const runs = pdfTextRuns(value, {
      maxLength,
      truncated: this.text.truncated,
      markerStyle: { color: colour.marker, background: colour.markerFill },
      noteStyle: { color: colour.faint },
      ...(this.options.coverage === undefined ? {} : { coverage: this.options.coverage }),
    });
    return runs.map((run) => ({ ...style, ...run }));
  }

  /** A data value, or a dash when empty. */
  valueOrDash(value: string, style: PdfStyle = {}): PdfInline[] {
    return value === '' ? [{ ...style, text: this.text.notSet, color: colour.faint }] : this.value(value, style);
  }

  /**
   * A cell's text: a plain string when the value needs no markers, cut or pieces (most do not),
   * which keeps pdfmake's work per cell small.
   */
  textOf(value: string, maxLength = this.maxValueLength): string | PdfInline[] {
    const runs = this.value(value, {}, maxLength);
    const only = runs[0];
    return runs.length === 1 && only !== undefined && typeof only.text === 'string' && Object.keys(only).length === 1 ? only.text : runs;
  }

  textOrDash(value: string): string | PdfInline[] {
    return value === '' ? [{ text: this.text.notSet, color: colour.faint }] : this.textOf(value);
  }

  heading(level: 1 | 2, title: string, pageBreak: boolean): PdfContent {
    this.toc.push({ level, text: title });
    // The id makes pdfmake correct the heading's recorded page when an unbreakable block that
    // holds it moves to the next page (it also names a destination: a name, not a link).
    const node: PdfTextNode = { text: title, style: level === 1 ? 'h1' : 'h2', headlineLevel: this.toc.length, id: `section-${this.toc.length}` };
    return pageBreak ? { stack: [node], pageBreak: 'before' } : node;
  }

  riskBadge(risk: RiskLevel, suffix = ''): PdfInline {
    return { text: `${this.text.risk[risk]}${suffix}`, color: riskColour[risk].text, bold: true };
  }

  statusText(status: CheckStatus): PdfInline {
    return { text: this.text.status[status], color: statusColour[status], bold: status === 'at-risk' };
  }

  headerCell(label: string, alignment: 'left' | 'right' = 'left'): PdfTextNode {
    return { text: label, style: 'th', alignment };
  }

  // ── Cover ────────────────────────────────────────────────────────────────────────────────────

  cover(): PdfContent[] {
    const { audit } = this.model;
    const t = this.text.cover;
    const row = (label: string, value: PdfInline[] | string): PdfCell[] => [
      { text: label, style: 'coverLabel' },
      { text: value, style: 'coverValue' },
    ];
    const rows: PdfCell[][] = [
      row(t.client, this.valueOrDash(audit.client, { bold: true })),
      row(t.engagement, this.valueOrDash(audit.engagement)),
      row(t.auditor, this.valueOrDash(audit.auditor)),
      row(t.date, this.valueOrDash(audit.date)),
    ];
    if (audit.name !== '') rows.push(row(t.auditName, this.value(audit.name)));
    rows.push(
      row(t.generatedAt, formatTimestamp(this.model.generatedAt)),
      row(t.appVersion, this.value(`${this.model.tool.name} ${this.model.tool.version}`)),
      row(t.catalogueVersion, this.value(this.model.catalogueVersion)),
      row(t.findingsSha256, [{ text: this.model.findingsSha256, style: 'hash' }]),
    );
    return [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: 64, h: 5, color: colour.brand }], margin: [0, 150, 0, 18] },
      { text: this.text.title, style: 'title' },
      { text: this.text.subtitle, style: 'subtitle' },
      {
        table: { widths: [130, '*'], body: rows },
        layout: {
          ...thinLayout,
          hLineWidth: (index, node) => (index === 0 || index === node.table.body.length ? 0.8 : 0.4),
          paddingTop: () => 5,
          paddingBottom: () => 5,
          paddingLeft: () => 0,
        },
        margin: [0, 36, 0, 0],
      },
      { text: t.statement, style: 'small', margin: [0, 22, 0, 0] },
      { text: this.text.confidential, style: 'small', color: colour.faint, margin: [0, 8, 0, 0] },
    ];
  }

  // ── 1 Scope and evidence ─────────────────────────────────────────────────────────────────────

  scope(): PdfContent[] {
    const t = this.text;
    const { scope } = this.model;
    const content: PdfContent[] = [this.heading(1, t.sections.scope, true), this.heading(2, t.sections.inputs, false)];
    const inputRows: PdfCell[][] = [
      [this.headerCell('#', 'right'), this.headerCell(t.inputs.file), this.headerCell(t.inputs.kind), this.headerCell(t.inputs.size, 'right'), this.headerCell(t.inputs.records, 'right')],
    ];
    scope.inputs.forEach((input, index) => {
      const fileStack: PdfContent[] = [{ text: this.textOf(input.path), style: 'cell' }];
      if (input.container !== undefined) {
        fileStack.push({ text: [{ text: t.inputs.container(''), color: colour.faint }, ...this.value(input.container)], style: 'cellSmall' });
      }
      fileStack.push({ text: input.sha256, style: 'hash' });
      inputRows.push([
        { text: String(index + 1), style: 'cellNumber' },
        { stack: fileStack },
        { text: t.kinds[input.kind], style: 'cell' },
        { text: formatBytes(input.bytes), style: 'cellNumber' },
        { text: formatCount(input.records), style: 'cellNumber' },
      ]);
    });
    if (scope.inputs.length === 0) inputRows.push([{ text: t.none, style: 'cell', colSpan: 5 }, {}, {}, {}, {}]);
    content.push(this.table([18, '*', 78, 58, 40], inputRows, 1));

    content.push(this.heading(2, t.sections.counts, false));
    const counts = scope.counts;
    const tile = (label: string, value: number): PdfContent => ({
      stack: [
        { text: formatCount(value), style: 'tileNumber' },
        { text: label, style: 'tileLabel' },
      ],
    });
    content.push({
      table: {
        widths: ['*', '*', '*', '*', '*'],
        body: [
          [
            tile(t.counts.groups, counts.securityGroups),
            tile(t.counts.rules, counts.rules),
            tile(t.counts.instances, counts.instances),
            tile(t.counts.interfaces, counts.networkInterfaces),
            tile(t.counts.regions, counts.regions.length),
          ],
        ],
      },
      layout: { ...noLinesLayout, paddingTop: () => 4, paddingBottom: () => 4 },
    });
    content.push({
      text: [{ text: `${t.counts.regions}: `, color: colour.muted }, ...this.valueOrDash(counts.regions.join(', '))],
      style: 'body',
      margin: [0, 4, 0, 0],
    });

    content.push(this.heading(2, t.sections.warnings, false));
    const limit = this.options.maxListedIssues ?? 200;
    if (scope.issues.length === 0 && scope.gaps.length === 0) {
      content.push({ text: t.warnings.none, style: 'body' });
    } else {
      content.push({ text: t.warnings.intro, style: 'body' });
      if (scope.gaps.length > 0) {
        const rows: PdfCell[][] = scope.gaps.slice(0, limit).map((gap) => [{ text: this.textOf(t.gap(gap)), style: 'cell' }]);
        if (scope.gaps.length > limit) rows.push([{ text: t.warnings.more(scope.gaps.length - limit), style: 'cellMuted' }]);
        content.push(this.titledTable(t.warnings.gapsHeading, ['*'], rows, 0));
      }
      if (scope.issues.length > 0) {
        const rows: PdfCell[][] = [[this.headerCell(''), this.headerCell(t.warnings.file), this.headerCell(t.warnings.message)]];
        for (const issue of scope.issues.slice(0, limit)) {
          const where = issue.line !== undefined ? ` (${issue.line}:${issue.column ?? 0})` : issue.path !== undefined && issue.path !== '$' ? ` (${issue.path})` : '';
          rows.push([
            { text: t.warnings.severity[issue.severity], style: 'cell', color: issue.severity === 'error' ? statusColour['at-risk'] : statusColour.incomplete, bold: true },
            { text: this.textOf(issue.file), style: 'cell' },
            { text: this.textOf(`${issue.message}${where}`), style: 'cell' },
          ]);
        }
        if (scope.issues.length > limit) rows.push([{ text: t.warnings.more(scope.issues.length - limit), style: 'cellMuted', colSpan: 3 }, {}, {}]);
        content.push(this.titledTable(t.warnings.issuesHeading, [44, 150, '*'], rows, 1));
      }
    }

    content.push(this.heading(2, t.sections.notAssessed, false));
    if (scope.notAssessed.length === 0) {
      content.push({ text: t.notAssessed.none(scope.assessedChecks), style: 'body' });
    } else {
      content.push({ text: t.notAssessed.intro, style: 'body' });
      const rows: PdfCell[][] = [[this.headerCell(t.results.risk), this.headerCell(t.results.check), this.headerCell(t.results.status)]];
      for (const check of scope.notAssessed) {
        rows.push([
          { text: [this.riskBadge(check.risk)], style: 'cell' },
          { stack: [{ text: this.textOf(check.text[this.language].title), style: 'cell' }, { text: this.textOf(check.id), style: 'cellId' }] },
          { text: [this.statusText('disabled')], style: 'cell' },
        ]);
      }
      content.push(this.table([58, '*', 70], rows, 1));
    }

    content.push(this.heading(2, t.sections.method, false));
    for (const paragraph of t.method) content.push({ text: paragraph, style: 'body', alignment: 'justify', margin: [0, 0, 0, 6] });
    return content;
  }

  /**
   * A table whose header rows repeat on every page. `keepWithHeader`: keep them with the first body
   * row, which pdfmake does by making them one unbreakable block, so only when that row is surely
   * small (pdfmake drops what an unbreakable block cannot fit on a page).
   */
  table(widths: (number | string)[], body: PdfCell[][], headerRows: number, extra: Partial<PdfTableNode> = {}, keepWithHeader = true): PdfTableNode {
    return {
      table: { widths, body, headerRows, ...(headerRows > 0 && keepWithHeader ? { keepWithHeaderRows: 1 } : {}), dontBreakRows: false },
      layout: headerRows > 0 ? headedLayout(headerRows) : thinLayout,
      margin: [0, 2, 0, 8],
      ...extra,
    };
  }

  /**
   * A table under a small heading that is its first header row: the heading can never be left
   * alone at the foot of a page, and it is repeated (with the column headings) on every page.
   */
  titledTable(title: string, widths: (number | string)[], body: PdfCell[][], headerRows: number, keepWithHeader = true): PdfTableNode {
    const titleRow: PdfCell[] = [{ text: title, style: 'h3', margin: [-4, 0, 0, 0], colSpan: widths.length }];
    while (titleRow.length < widths.length) titleRow.push({});
    const table = this.table(widths, [titleRow, ...body], headerRows + 1, {}, keepWithHeader);
    const base = headerRows > 0 ? headedLayout(headerRows + 1) : thinLayout;
    table.layout = {
      ...base,
      hLineWidth: (index, node) => (index === 0 ? 0 : index === 1 ? 0.8 : (base.hLineWidth?.(index, node) ?? 0.4)),
      hLineColor: (index, node) => (index === 1 ? colour.lineStrong : (base.hLineColor?.(index, node) ?? colour.line)),
      paddingTop: (index) => (index === 0 ? 0 : 2.5),
    };
    table.margin = [0, 6, 0, 8];
    return table;
  }

  // ── 2 Executive summary ──────────────────────────────────────────────────────────────────────

  summary(): PdfContent[] {
    const t = this.text;
    const { summary, scope } = this.model;
    const content: PdfContent[] = [this.heading(1, t.sections.summary, true), this.heading(2, t.sections.conclusion, false)];
    content.push({ text: this.textOf(t.conclusion(this.conclusionFigures())), style: 'body', alignment: this.language === 'en' ? 'justify' : 'left' });

    content.push(this.heading(2, t.sections.figures, false));
    const tile = (value: number, label: string, detail: string, color: string): PdfContent => ({
      stack: [
        { text: formatCount(value), style: 'tileNumber', color },
        { text: label, style: 'tileLabel' },
        { text: detail, style: 'tileDetail' },
      ],
    });
    const publicTotal = this.model.appendix.instances.filter((instance) => instance.publicIps.length > 0).length;
    const tiles: PdfContent[] = riskLevels.map((risk) =>
      tile(summary.byRisk[risk].atRisk, t.figures.checks(t.risk[risk]), t.figures.atRiskOf(summary.byRisk[risk].assessed), riskColour[risk].text),
    );
    tiles.push(
      tile(summary.atRiskGroups, t.figures.groups, t.figures.atRiskOf(scope.counts.securityGroups), colour.ink),
      tile(summary.atRiskInstances, t.figures.instances, t.figures.atRiskOf(scope.counts.instances), colour.ink),
      tile(summary.atRiskInstancesWithPublicIp, t.figures.publicInstances, t.figures.atRiskOf(publicTotal), colour.ink),
    );
    content.push({
      table: { widths: ['*', '*', '*', '*', '*', '*'], body: [tiles] },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: (index, node) => (index === 0 || index === (node.table.body[0]?.length ?? 0) ? 0 : 0.6),
        vLineColor: () => colour.line,
        paddingLeft: (index) => (index === 0 ? 0 : 8),
        paddingRight: () => 4,
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
      margin: [0, 4, 0, 6],
    });

    content.push(this.heading(2, t.sections.chart, false));
    content.push(this.chart());

    content.push(this.heading(2, t.sections.exposed, false));
    const top = summary.exposedInstances.slice(0, this.options.topInstances ?? 10);
    if (top.length === 0) content.push({ text: t.exposed.none, style: 'body' });
    else {
      content.push({ text: t.exposed.intro(top.length, summary.exposedInstances.length), style: 'body' });
      const rows: PdfCell[][] = [
        [this.headerCell(t.exposed.instance), this.headerCell(t.exposed.publicIp), this.headerCell(t.exposed.highest), this.headerCell(t.exposed.checks, 'right'), this.headerCell(t.exposed.ports)],
      ];
      for (const instance of top) rows.push(this.exposedRow(instance));
      content.push(this.table([120, 72, 52, 42, '*'], rows, 1));
    }
    return content;
  }

  exposedRow(instance: ExposedInstance): PdfCell[] {
    const t = this.text;
    return [
      { stack: [{ text: this.textOf(instance.id), style: 'cellId' }, { text: this.textOf(instance.name), style: 'cellSmall' }] },
      instance.publicIps.length > 0
        ? { text: this.textOf(instance.publicIps.join(', ')), style: 'cell' }
        : { text: t.exposed.noPublicIp, style: 'cellMuted' },
      { text: [this.riskBadge(instance.highestRisk)], style: 'cell' },
      { text: formatCount(instance.checks.length), style: 'cellNumber' },
      { text: formatPorts(instance.open, false), style: 'cell' },
    ];
  }

  conclusionFigures(): ConclusionFigures {
    const { summary, scope } = this.model;
    const top = summary.exposedInstances[0];
    const topLabel =
      top === undefined
        ? ''
        : `${top.id}${top.name === '' ? '' : ` (${top.name})`}${top.publicIps.length > 0 ? `, ${top.publicIps.join(', ')}` : ''}`;
    return {
      assessed: scope.assessedChecks,
      atRisk: summary.statuses['at-risk'],
      atRiskHigh: summary.byRisk.high.atRisk,
      atRiskMedium: summary.byRisk.medium.atRisk,
      atRiskLow: summary.byRisk.low.atRisk,
      incomplete: summary.statuses.incomplete,
      groups: summary.atRiskGroups,
      instances: summary.atRiskInstances,
      publicInstances: summary.atRiskInstancesWithPublicIp,
      totalGroups: scope.counts.securityGroups,
      totalInstances: scope.counts.instances,
      notAssessed: scope.notAssessed.length,
      evidenceGaps: scope.gaps.length,
      topInstance: topLabel,
    };
  }

  /** Horizontal stacked bars, one per risk level: at risk, incomplete, passed (vector graphics). */
  chart(): PdfContent {
    const t = this.text;
    const { byRisk } = this.model.summary;
    const barWidth = 250;
    const barHeight = 13;
    const scale = Math.max(1, ...riskLevels.map((risk) => byRisk[risk].assessed));
    const rows: PdfCell[][] = riskLevels.map((risk) => {
      const tally = byRisk[risk];
      const segments: [number, string][] = [
        [tally.atRisk, chartColour.atRisk],
        [tally.incomplete, chartColour.incomplete],
        [tally.passed, chartColour.passed],
      ];
      let x = 0;
      const canvas: PdfContent = {
        canvas: [
          { type: 'rect', x: 0, y: 0, w: barWidth, h: barHeight, color: colour.track },
          ...segments
            .filter(([count]) => count > 0)
            .map(([count, color]) => {
              const w = (count / scale) * barWidth;
              const rect = { type: 'rect' as const, x, y: 0, w, h: barHeight, color };
              x += w;
              return rect;
            }),
        ],
      };
      return [
        { text: [this.riskBadge(risk)], style: 'cell', margin: [0, 1.5, 0, 0] },
        canvas,
        {
          text: t.chart.counts(tally.atRisk, tally.incomplete, tally.passed),
          style: 'cellSmall',
          margin: [0, 2, 0, 0],
        },
      ];
    });
    const legend = (label: string, color: string): PdfContent => ({
      columns: [
        { width: 9, canvas: [{ type: 'rect', x: 0, y: 2, w: 7, h: 7, color }] },
        { width: 'auto', text: label, style: 'cellSmall' },
      ],
      columnGap: 3,
    });
    return {
      stack: [
        {
          table: { widths: [52, barWidth, '*'], body: rows },
          layout: { ...noLinesLayout, paddingTop: () => 4, paddingBottom: () => 4, paddingRight: () => 8 },
        },
        {
          columns: [
            { width: 52, text: '' },
            legend(t.chart.legendAtRisk, chartColour.atRisk),
            legend(t.chart.legendIncomplete, chartColour.incomplete),
            legend(t.chart.legendPassed, chartColour.passed),
            { width: '*', text: '' },
          ],
          columnGap: 12,
          margin: [0, 4, 0, 2],
        },
        { text: t.chart.caption, style: 'caption' },
      ],
      margin: [0, 2, 0, 6],
    };
  }

  // ── 3 Results ────────────────────────────────────────────────────────────────────────────────

  results(): PdfContent[] {
    const t = this.text;
    const rows: PdfCell[][] = [
      [this.headerCell(t.results.number, 'right'), this.headerCell(t.results.risk), this.headerCell(t.results.check), this.headerCell(t.results.counts, 'right'), this.headerCell(t.results.status)],
    ];
    for (const check of this.model.checks) {
      rows.push([
        { text: String(check.number), style: 'cellNumber' },
        { text: [this.riskBadge(check.risk)], style: 'cell', fillColor: riskColour[check.risk].fill },
        { stack: [{ text: this.textOf(check.text[this.language].title), style: 'cell' }, { text: this.textOf(check.id), style: 'cellId' }] },
        check.enabled
          ? { text: `${formatCount(check.atRiskGroups)} / ${formatCount(check.atRiskInstances)}`, style: 'cellNumber' }
          : { text: this.text.notSet, style: 'cellNumber', color: colour.faint },
        { text: [this.statusText(check.status)], style: 'cell' },
      ]);
    }
    return [this.heading(1, t.sections.results, true), this.table([22, 56, '*', 82, 66], rows, 1, { dontBreakRows: true } as Partial<PdfTableNode>)];
  }

  // ── 4 Findings ───────────────────────────────────────────────────────────────────────────────

  findings(): PdfContent[] {
    const t = this.text;
    const content: PdfContent[] = [this.heading(1, t.sections.findings, true)];
    const shown = this.model.checks.filter((check) => check.enabled && (check.status === 'at-risk' || check.status === 'incomplete'));
    if (shown.length === 0) {
      content.push({ text: t.findings.none, style: 'body' });
      return content;
    }
    content.push({ text: t.findings.intro, style: 'body', margin: [0, 0, 0, 4] });
    shown.forEach((check, index) => content.push(...this.checkSection(check, index === 0)));
    return content;
  }

  checkSection(check: ReportCheck, first: boolean): PdfContent[] {
    const t = this.text;
    const text = check.text[this.language];
    const content: PdfContent[] = [];
    const heading = this.heading(2, `4.${check.number}  ${metadata(text.title)}`, false);
    content.push({
      stack: [
        heading,
        {
          text: [
            this.riskBadge(check.risk, this.language === 'en' ? ' risk' : ''),
            { text: '   ·   ', color: colour.faint },
            { text: check.id, color: colour.muted },
            { text: '   ·   ', color: colour.faint },
            this.statusText(check.status),
          ],
          style: 'cellSmall',
          margin: [0, 0, 0, 6],
        },
        { text: [{ text: `${t.findings.risk}  `, bold: true }, ...this.value(text.risk)], style: 'body', margin: [0, 0, 0, 4] },
        { text: [{ text: `${t.findings.suggestion}  `, bold: true }, ...this.value(text.suggestion)], style: 'body', margin: [0, 0, 0, 6] },
      ],
      // Heading, risk and suggestion stay together; the findings below may break across pages.
      unbreakable: true,
      margin: [0, first ? 0 : 14, 0, 0],
    });
    if (check.gaps.length > 0) {
      content.push(this.titledTable(t.findings.checkGaps, ['*'], check.gaps.map((gap) => [{ text: this.textOf(t.gap(gap)), style: 'cell' }]), 0));
    }
    const atRiskGroups = check.groups.filter((finding) => finding.status === 'at-risk');
    const atRiskInstances = check.instances.filter((finding) => finding.status === 'at-risk');
    const review = [...check.groups, ...check.instances].filter((finding) => finding.status === 'incomplete');
    const list = (heading: string, findings: ReportFinding[]): void => {
      if (findings.length === 0) return;
      if (findings.length > detailedListLimit) {
        content.push(this.findingListTable(heading, findings));
        return;
      }
      const [first, ...rest] = findings.map((finding) => this.findingTable(finding));
      const title: PdfContent = { text: heading, style: 'h3' };
      // Keep a list's heading with its first table when that table surely fits on a page.
      const firstFinding = findings[0];
      if (first !== undefined && firstFinding !== undefined && fitsOnePage(firstFinding)) content.push({ stack: [title, first], unbreakable: true });
      else content.push(title, ...(first === undefined ? [] : [first]));
      content.push(...rest);
    };
    list(t.findings.groupsHeading(atRiskGroups.length), atRiskGroups);
    list(t.findings.instancesHeading(atRiskInstances.length), atRiskInstances);
    list(t.findings.incompleteHeading(review.length), review);
    return content;
  }

  /** The grey row naming an at-risk object: id, name, region, public IP, open ports, groups or instances. */
  objectCell(finding: ReportFinding, span: number): PdfCell {
    const t = this.text;
    const instanceLevel = finding.level === 'instance';
    const label = (text: string): PdfInline => ({ text: `${text}: `, color: colour.muted });
    const lines: PdfContent[] = [
      {
        text: [
          ...this.value(finding.id, { bold: true }),
          { text: '   ' },
          ...this.value(finding.name, { bold: true }),
          ...(finding.status === 'incomplete' ? [{ text: `   ${t.findings.needsReview}`, color: statusColour.incomplete, bold: true }] : []),
        ],
        style: 'objectTitle',
      },
    ];
    const facts: PdfInline[] = [label(t.findings.region), ...this.valueOrDash(finding.regionId)];
    if (instanceLevel) {
      facts.push({ text: '   ' });
      if (finding.publicIps.length > 0) facts.push(label(t.findings.publicIp), ...this.value(finding.publicIps.join(', ')));
      else facts.push({ text: t.findings.noPublicIp, color: colour.marker });
    }
    if (finding.open.length > 0) facts.push({ text: '   ' }, label(t.findings.open), { text: formatPorts(finding.open, true, 24) });
    lines.push({ text: facts, style: 'cellSmall' });
    if (instanceLevel) {
      const groups: PdfInline[] = [label(t.findings.memberOf)];
      finding.securityGroups.forEach((group, index) => {
        if (index > 0) groups.push({ text: ', ' });
        groups.push(...this.value(group.id));
        if (group.name !== '') groups.push({ text: ' (' }, ...this.value(group.name, {}, 200), { text: ')' });
      });
      lines.push({ text: groups, style: 'cellSmall' });
    } else {
      const used: PdfInline[] = [label(t.findings.usedBy)];
      if (finding.instances.length === 0) used.push({ text: t.findings.usedByNone, color: colour.faint });
      const listed = finding.instances.slice(0, 50);
      listed.forEach((instance, index) => {
        if (index > 0) used.push({ text: ', ' });
        used.push(...this.value(instance.id));
        const detail = [instance.name, ...instance.publicIps].filter((part) => part !== '').join(', ');
        if (detail !== '') used.push({ text: ' (' }, ...this.value(detail, {}, 200), { text: ')' });
      });
      if (finding.instances.length > listed.length) used.push({ text: ` ${t.findings.more(finding.instances.length - listed.length)}`, color: colour.faint });
      lines.push({ text: used, style: 'cellSmall' });
    }
    if (finding.gaps.length > 0) {
      lines.push({ text: [label(t.findings.objectGaps), ...this.value(finding.gaps.map((gap) => t.gap(gap)).join(' '))], style: 'cellSmall' });
    }
    return { stack: lines, colSpan: span, fillColor: colour.objectFill };
  }

  ruleHeaderRow(instanceLevel: boolean): PdfCell[] {
    const r = this.text.rule;
    return [
      this.headerCell(instanceLevel ? r.idAndGroup : r.id),
      this.headerCell(r.priority, 'right'),
      this.headerCell(r.policy),
      this.headerCell(r.protocol),
      this.headerCell(r.ports),
      this.headerCell(r.source),
      this.headerCell(r.description),
    ];
  }

  /** The object row and its rule rows (or a note when no single rule decides the item). */
  findingRows(finding: ReportFinding, withRuleHeader: boolean): PdfCell[][] {
    const span = findingColumns.length;
    const fill = (cells: PdfCell[]): PdfCell[] => {
      while (cells.length < span) cells.push({});
      return cells;
    };
    const instanceLevel = finding.level === 'instance';
    const rows: PdfCell[][] = [fill([this.objectCell(finding, span)])];
    if (finding.rules.length === 0) {
      const note = finding.status === 'incomplete' ? this.text.findings.noRulesIncomplete : this.text.findings.noRules;
      rows.push(fill([{ text: note, style: 'cellMuted', colSpan: span }]));
      return rows;
    }
    if (withRuleHeader) rows.push(this.ruleHeaderRow(instanceLevel));
    for (const rule of finding.rules) rows.push(this.ruleRow(rule, instanceLevel));
    return rows;
  }

  /** One at-risk object: its row and the rule header repeat across pages, then the deciding rules. */
  findingTable(finding: ReportFinding): PdfTableNode {
    const rows = this.findingRows(finding, true);
    const headerRows = finding.rules.length === 0 ? 1 : 2;
    return { ...this.table([...findingColumns], rows, headerRows, {}, fitsOnePage(finding)), margin: [0, 2, 0, 10] };
  }

  /**
   * Many objects in one table (long lists: hundreds of small tables cost pdfmake far more time and
   * paper): one rule header repeated on each page, then each object's row and its rules.
   */
  findingListTable(heading: string, findings: readonly ReportFinding[]): PdfTableNode {
    const instanceLevel = findings[0]?.level === 'instance';
    const body: PdfCell[][] = [this.ruleHeaderRow(instanceLevel)];
    for (const finding of findings) body.push(...this.findingRows(finding, false));
    const small = findings.every(fitsOnePage);
    const table = this.titledTable(heading, [...findingColumns], body, 1, small);
    // Rows stay whole (an object's row never starts on one page and ends on the next) when every
    // row is surely small; pdfmake drops what a whole row cannot fit on a page.
    table.table.dontBreakRows = small;
    return table;
  }

  ruleRow(rule: ReportRule, withGroup: boolean): PdfCell[] {
    const r = this.text.rule;
    const policy: PdfContent = {
      stack: [
        { text: rule.action === 'accept' ? r.accept : r.drop, style: 'cell', bold: rule.role === 'accept', color: rule.action === 'drop' ? '#2e7d32' : colour.ink },
        ...(rule.role === 'accept' ? [] : [{ text: r.role[rule.role], style: 'cellTiny', color: rule.role === 'unresolved' ? statusColour.incomplete : colour.muted }]),
      ],
    };
    const description: PdfContent =
      rule.unresolved === null
        ? { text: this.textOf(rule.description), style: 'cell' }
        : { stack: [{ text: this.textOf(rule.description), style: 'cell' }, { text: this.textOf(rule.unresolved), style: 'cellTiny', color: statusColour.incomplete }] };
    const cells: PdfCell[] = [
      withGroup
        ? {
            stack: [
              { text: this.textOf(rule.ruleId), style: 'cellId' },
              { text: this.textOf(rule.groupId), style: 'cellTiny' },
              ...(rule.groupName === '' ? [] : [{ text: this.textOf(rule.groupName, 200), style: 'cellTiny' }]),
            ],
          }
        : { text: this.textOf(rule.ruleId), style: 'cellId' },
    ];
    cells.push(
      { text: String(rule.priority), style: 'cellNumber' },
      policy,
      { text: this.textOf(rule.protocol.toUpperCase()), style: 'cell' },
      { text: this.textOf(rule.portRange), style: 'cell' },
      { text: this.textOf(rule.source), style: 'cell' },
      description,
    );
    return cells;
  }

  // ── Appendix ─────────────────────────────────────────────────────────────────────────────────

  appendix(): PdfContent[] {
    const t = this.text;
    const a = t.appendix;
    const { appendix } = this.model;
    const content: PdfContent[] = [this.heading(1, t.sections.appendix, true), this.heading(2, t.sections.appendixGroups, false)];
    content.push({ text: a.groupsIntro, style: 'body' });
    const groupRows: PdfCell[][] = [
      [this.headerCell(a.id), this.headerCell(a.name), this.headerCell(a.region), this.headerCell(a.vpc), this.headerCell(a.type), this.headerCell(a.ingressRules, 'right'), this.headerCell(a.instances, 'right')],
    ];
    for (const group of appendix.securityGroups) {
      groupRows.push([
        { text: this.textOf(group.id), style: 'cellId' },
        { text: this.textOf(group.name, 300), style: 'cell' },
        { text: this.textOrDash(group.regionId), style: 'cell' },
        { text: this.textOrDash(group.vpcId), style: 'cell' },
        { text: this.textOrDash(group.type), style: 'cell' },
        group.rulesImported
          ? { text: formatCount(group.ingressRules), style: 'cellNumber' }
          : { text: a.rulesMissing, style: 'cellNumber', color: statusColour.incomplete },
        { text: formatCount(group.instanceCount), style: 'cellNumber' },
      ]);
    }
    if (appendix.securityGroups.length === 0) groupRows.push([{ text: t.none, style: 'cell', colSpan: 7 }, {}, {}, {}, {}, {}, {}]);
    content.push(this.table([100, '*', 62, 78, 46, 44, 40], groupRows, 1));

    content.push(this.heading(2, t.sections.appendixInstances, false));
    content.push({ text: a.instancesIntro, style: 'body' });
    const instanceRows: PdfCell[][] = [
      [this.headerCell(a.id), this.headerCell(a.name), this.headerCell(a.region), this.headerCell(a.publicIps), this.headerCell(a.groups)],
    ];
    for (const instance of appendix.instances) {
      instanceRows.push([
        { text: this.textOf(instance.id), style: 'cellId' },
        { text: this.textOf(instance.name, 300), style: 'cell' },
        { text: this.textOrDash(instance.regionId), style: 'cell' },
        { text: this.textOrDash(instance.publicIps.join(', ')), style: 'cell' },
        { text: this.textOrDash(instance.securityGroupIds.join(', ')), style: 'cellId' },
      ]);
    }
    if (appendix.instances.length === 0) instanceRows.push([{ text: t.none, style: 'cell', colSpan: 5 }, {}, {}, {}, {}]);
    content.push(this.table([92, '*', 62, 76, 110], instanceRows, 1));

    content.push({
      stack: [
        this.heading(2, t.sections.appendixIntegrity, false),
        { text: a.integrityIntro, style: 'body', margin: [0, 0, 0, 6] },
        this.table(
          [130, '*'],
          [
            [{ text: a.findingsSha256, style: 'cell', bold: true }, { text: this.model.findingsSha256, style: 'hash', fontSize: 8 }],
            [{ text: t.cover.catalogueVersion, style: 'cell' }, { text: this.textOf(this.model.catalogueVersion), style: 'cell' }],
            [{ text: t.cover.generatedAt, style: 'cell' }, { text: formatTimestamp(this.model.generatedAt), style: 'cell' }],
          ],
          0,
        ),
        { text: a.howToVerify, style: 'body' },
      ],
      unbreakable: true,
    });
    if (this.model.activity !== null) content.push(this.activityLog(this.model.activity));
    return content;
  }

  /** Appendix D: the activity log's summary (reports made by the app; the CLI keeps no log). */
  activityLog(activity: ActivitySummary): PdfContent {
    const a = this.text.appendix;
    const period =
      activity.firstAt === null || activity.lastAt === null
        ? this.text.none
        : `${formatTimestamp(activity.firstAt)} – ${formatTimestamp(activity.lastAt)}`;
    const chain: PdfCell = activity.chainVerified
      ? { text: a.activityVerified, style: 'cell', color: statusColour.passed }
      : {
          text: a.activityBroken(activity.brokenSeq ?? 0, activity.brokenReason === undefined ? '' : a.activityBreaks[activity.brokenReason]),
          style: 'cell',
          bold: true,
          color: statusColour['at-risk'],
        };
    const kinds = activityKinds
      .filter((kind) => (activity.byKind[kind] ?? 0) > 0)
      .map((kind) => `${a.activityKinds[kind]} ${formatCount(activity.byKind[kind] ?? 0)}`)
      .join(' · ');
    return {
      stack: [
        this.heading(2, this.text.sections.appendixActivity, false),
        { text: a.activityIntro, style: 'body', margin: [0, 0, 0, 6] },
        this.table(
          [130, '*'],
          [
            [{ text: a.activityEntries, style: 'cell', bold: true }, { text: formatCount(activity.entries), style: 'cell' }],
            [{ text: a.activityPeriod, style: 'cell' }, { text: period, style: 'cell' }],
            [{ text: a.activityHead, style: 'cell' }, { text: activity.headHash ?? this.text.none, style: 'hash', fontSize: 8 }],
            [{ text: a.activityChain, style: 'cell' }, chain],
            [{ text: a.activityByKind, style: 'cell' }, { text: kinds === '' ? this.text.none : kinds, style: 'cell' }],
          ],
          0,
        ),
      ],
      unbreakable: true,
    };
  }

  contents(): PdfContent[] {
    const rows: PdfCell[][] = this.toc.map((entry, index) => [
      { text: entry.text, style: entry.level === 1 ? 'tocLevel1' : 'tocLevel2' },
      { text: '', style: entry.level === 1 ? 'tocLevel1' : 'tocLevel2', alignment: 'right', tocPageOf: index + 1 },
    ]);
    return [
      { text: this.text.contents, style: 'h1', pageBreak: 'before' },
      {
        table: { widths: ['*', 40], body: rows, dontBreakRows: true },
        layout: { ...noLinesLayout, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
      },
    ];
  }

  runningHeader(currentPage: number): PdfContent | null {
    if (currentPage === 1) return null;
    const { audit } = this.model;
    const left: PdfInline[] = [];
    if (audit.client !== '') left.push(...this.value(audit.client, { bold: true }, 80), { text: '  ·  ' });
    left.push({ text: this.text.headerTitle });
    return {
      stack: [
        {
          columns: [
            { width: '*', text: left, style: 'running' },
            { width: 'auto', text: this.textOf(audit.date, 40), style: 'running', alignment: 'right' },
          ],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 4, x2: contentWidth, y2: 4, lineWidth: 0.5, lineColor: colour.line }] },
      ],
      margin: [pageMargins[0], 30, pageMargins[2], 0],
    };
  }

  runningFooter(currentPage: number, pageCount: number): PdfContent | null {
    if (currentPage === 1) return null;
    const { tool, catalogueVersion } = this.model;
    return {
      columns: [
        {
          width: '*',
          text: this.textOf(this.text.footer(`${tool.name} ${tool.version}`, catalogueVersion, this.model.findingsSha256.slice(0, 16)), 160),
          style: 'running',
        },
        { width: 'auto', text: this.text.page(currentPage, pageCount), style: 'running', alignment: 'right' },
      ],
      margin: [pageMargins[0], 22, pageMargins[2], 0],
    };
  }
}

const styles: Record<string, PdfStyle> = {
  title: { fontSize: 24, bold: true, color: colour.brand, lineHeight: 1.15 },
  subtitle: { fontSize: 11, color: colour.muted, margin: [0, 6, 0, 0] },
  coverLabel: { fontSize: 9, color: colour.muted },
  coverValue: { fontSize: 10, color: colour.ink },
  h1: { fontSize: 16, bold: true, color: colour.brand, margin: [0, 0, 0, 10] },
  h2: { fontSize: 11.5, bold: true, color: colour.ink, margin: [0, 12, 0, 5] },
  h3: { fontSize: 9, bold: true, color: colour.muted, margin: [0, 8, 0, 3] },
  body: { fontSize: 9, lineHeight: 1.3, color: colour.ink },
  small: { fontSize: 8, lineHeight: 1.3, color: colour.muted },
  caption: { fontSize: 7.5, color: colour.faint },
  th: { fontSize: 7.5, bold: true, color: colour.muted, fillColor: colour.headerFill },
  cell: { fontSize: 7.5, lineHeight: 1.2, color: colour.ink },
  cellSmall: { fontSize: 7, lineHeight: 1.25, color: colour.muted },
  cellTiny: { fontSize: 6.5, lineHeight: 1.15, color: colour.muted },
  cellMuted: { fontSize: 7.5, color: colour.faint },
  cellId: { fontSize: 7, lineHeight: 1.2, color: colour.ink },
  cellNumber: { fontSize: 7.5, alignment: 'right', color: colour.ink },
  hash: { fontSize: 6.8, color: colour.muted, characterSpacing: 0.1 },
  objectTitle: { fontSize: 8, color: colour.ink, lineHeight: 1.2 },
  tileNumber: { fontSize: 18, bold: true, color: colour.ink },
  tileLabel: { fontSize: 7.5, color: colour.ink, lineHeight: 1.2 },
  tileDetail: { fontSize: 7, color: colour.faint },
  tocLevel1: { fontSize: 10, bold: true, color: colour.ink, margin: [0, 6, 0, 0] },
  tocLevel2: { fontSize: 9, color: colour.muted, margin: [14, 0, 0, 0] },
  running: { fontSize: 7.5, color: colour.faint },
};

/**
 * A section's last node without bottom margin: a table ending at the foot of a page would push its
 * margin onto a new, empty page before the next section's page break.
 */
function withoutTrailingMargin(content: PdfContent[]): PdfContent[] {
  const last = content[content.length - 1];
  if (last === undefined || typeof last === 'string' || Array.isArray(last)) return content;
  const margin = last.margin ?? 0;
  const [left, top, right] =
    typeof margin === 'number' ? [margin, margin, margin] : margin.length === 2 ? [margin[0], margin[1], margin[0]] : margin;
  return [...content.slice(0, -1), { ...last, margin: [left, top, right, 0] }];
}

/** A document-information string: visible characters only, at most 200 code points. */
function metadata(value: string): string {
  return pdfTextRuns(value, { maxLength: 200, truncated: () => '…', markerStyle: {}, noteStyle: {} })
    .map((run) => (typeof run.text === 'string' ? run.text : ''))
    .join('');
}

/** The whole report as a pdfmake definition, plus its table of contents (pages filled in by renderPdf). */
export function buildPdfDefinition(model: ReportModel, language: Language, options: PdfDefinitionOptions = {}): PdfReportDefinition {
  const builder = new Builder(model, language, options);
  const cover = builder.cover();
  // The sections first: they register the table-of-contents entries the contents page lists.
  const sections = [builder.scope(), builder.summary(), builder.results(), builder.findings(), builder.appendix()].flatMap(withoutTrailingMargin);
  const contents = builder.contents();
  const date = new Date(model.generatedAt);
  const text = reportText[language];
  const client = model.audit.client === '' ? '' : ` — ${model.audit.client}`;
  return {
    toc: builder.toc,
    definition: {
      pageSize: 'A4',
      pageMargins,
      info: {
        title: metadata(`${text.title}${client}`),
        author: metadata(model.audit.auditor),
        subject: text.subtitle,
        keywords: metadata(`security group audit; ${model.audit.engagement}`),
        creator: `${model.tool.name} ${model.tool.version}`,
        producer: `${model.tool.name} ${model.tool.version} (pdfmake)`,
        creationDate: date,
        modDate: date,
      },
      language: language === 'zh' ? 'zh-CN' : 'en-GB',
      content: [...cover, ...contents, ...sections],
      header: (currentPage) => builder.runningHeader(currentPage),
      footer: (currentPage, pageCount) => builder.runningFooter(currentPage, pageCount),
      styles,
      defaultStyle: { font: pdfFontFamily, fontSize: 9, color: colour.ink, lineHeight: 1.2 },
      compress: true,
    },
  };
}
