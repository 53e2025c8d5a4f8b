/**
 * PDF bytes from a report definition, with the pdfmake module the host provides (Node: pdfmake's
 * Node build; browser Web Worker: its browser build) and the font bytes it loaded. One code path
 * for every host: fonts go into pdfmake's virtual file system and every URL and local file access
 * is refused.
 *
 * The table of contents uses pdfmake's page-reference mechanism without its link: pdfmake's own
 * `toc` and `pageReference` add a link annotation to every entry, and the report carries none. A
 * TOC cell gets `_pageRef` pointing at its heading node (what `pageReference` sets internally,
 * minus `linkToDestination`); the renderer then writes the heading's page number into the cell
 * after layout. Headings carry an `id` so that pdfmake corrects their page when an unbreakable
 * block moves to the next page (an id names a destination: a name, not a link). The PDF tests check every entry against the page its heading is on, so a pdfmake
 * upgrade that changes this internal shows up as a failing test, not as a wrong report.
 */
import type { Language } from '../checks/types';
import { fontCoverage, withoutLayoutTables, type GlyphCoverage } from './font-coverage';
import { buildPdfDefinition, type PdfReportDefinition } from './pdf-definition';
import type { PdfContent, PdfDocumentDefinition, PdfFonts } from './pdf-types';
import { pdfFontFamily } from './pdf-types';
import type { ReportModel } from './report-model';

/** The part of pdfmake's API used here; both its Node and browser builds provide it. */
export interface PdfMakeEngine {
  virtualfs: { writeFileSync(path: string, content: Uint8Array): void };
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy?(callback: (url: string) => boolean): void;
  /** Node build only. */
  setLocalAccessPolicy?(callback: (path: string) => boolean): void;
  createPdf(definition: never, options?: never): { getBuffer(): Promise<Uint8Array> };
}

const regularPath = 'sg-audit-fonts/regular.ttf';
const boldPath = 'sg-audit-fonts/bold.ttf';

function prepare(engine: PdfMakeEngine, fonts: PdfFonts): void {
  engine.virtualfs.writeFileSync(regularPath, fonts.regular);
  engine.virtualfs.writeFileSync(boldPath, fonts.bold);
  engine.setFonts({ [pdfFontFamily]: { normal: regularPath, bold: boldPath, italics: regularPath, bolditalics: boldPath } });
  // Nothing is fetched or read: fonts come from memory, and the report has no images.
  engine.setUrlAccessPolicy?.(() => false);
  engine.setLocalAccessPolicy?.(() => false);
}

/** A deep copy of plain data that keeps functions (header, footer, table layouts) as they are. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copy(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = copy(item);
    return out as T;
  }
  return value;
}

type Visit = (node: Exclude<PdfContent, string | PdfContent[]>) => void;

function walk(content: PdfContent, visit: Visit): void {
  if (Array.isArray(content)) {
    for (const item of content) walk(item, visit);
    return;
  }
  if (typeof content !== 'object' || content === null) return;
  visit(content);
  if ('stack' in content) walk(content.stack, visit);
  if ('columns' in content) walk(content.columns, visit);
  if ('table' in content) for (const row of content.table.body) walk(row as PdfContent[], visit);
}

/** Points every TOC page cell at its heading node (see the module comment). */
function linkTocPages(content: PdfContent[]): void {
  const headings = new Map<number, object>();
  walk(content, (node) => {
    if (node.headlineLevel !== undefined && !headings.has(node.headlineLevel)) headings.set(node.headlineLevel, node);
  });
  walk(content, (node) => {
    if (node.tocPageOf === undefined || !('text' in node)) return;
    const heading = headings.get(node.tocPageOf);
    if (heading === undefined) throw new Error(`table of contents: no heading ${node.tocPageOf}`);
    node.text = '00000';
    (node as { _pageRef?: unknown })._pageRef = { _nodeRef: heading };
  });
}

/** pdfmake output as a Uint8Array that owns its whole buffer (transferable without exposing other memory). */
function owned(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}

export async function renderPdf(engine: PdfMakeEngine, report: PdfReportDefinition, fonts: PdfFonts): Promise<Uint8Array> {
  prepare(engine, fonts);
  // pdfmake annotates the definition it lays out: work on a copy, so a definition can be rendered again.
  const definition: PdfDocumentDefinition = copy(report.definition);
  linkTocPages(definition.content);
  const bytes = await engine.createPdf(definition as never).getBuffer();
  return owned(bytes);
}

/** Makes the PDF of a report model; what a host hands the worker session (see createReportPdfRenderer). */
export interface ReportPdfRenderer {
  (model: ReportModel, language: Language): Promise<Uint8Array>;
  /** Starts loading pdfmake and the fonts now (a run that will end in a PDF), so they are ready when needed. */
  prepare?: () => void;
}

/**
 * A ReportPdfRenderer over host-provided loaders, called once: the pdfmake module (Node:
 * src/node/pdf-engine.ts; browser worker: pdfmake's browser build) and the font bytes (Node:
 * read from resources/fonts; browser: fetched from the app's own origin).
 */
export function createReportPdfRenderer(
  loadEngine: () => Promise<PdfMakeEngine>,
  loadFonts: () => Promise<PdfFonts>,
): ReportPdfRenderer {
  let ready: Promise<{ engine: PdfMakeEngine; fonts: PdfFonts; coverage: GlyphCoverage }> | null = null;
  const load = (): Promise<{ engine: PdfMakeEngine; fonts: PdfFonts; coverage: GlyphCoverage }> => {
    ready ??= Promise.all([loadEngine(), loadFonts()]).then(([engine, fonts]) => ({
      engine,
      fonts: { regular: withoutLayoutTables(fonts.regular), bold: withoutLayoutTables(fonts.bold) },
      coverage: fontCoverage(fonts.regular),
    }));
    // A failed load is tried again next time (the fonts may have been installed meanwhile).
    ready.catch(() => {
      ready = null;
    });
    return ready;
  };
  const render: ReportPdfRenderer = async (model, language) => {
    const loaded = await load();
    return renderPdf(loaded.engine, buildPdfDefinition(model, language, { coverage: loaded.coverage }), loaded.fonts);
  };
  render.prepare = () => void load().catch(() => undefined);
  return render;
}
