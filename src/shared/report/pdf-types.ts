/**
 * The subset of pdfmake's document definition the report uses, declared here so that src/shared
 * needs no pdfmake types (they pull in the DOM and Node libraries). The Node host checks these
 * against @types/pdfmake's TDocumentDefinitions at compile time (src/node/pdf-engine.ts).
 */

export type PdfMargins = [number, number, number, number] | [number, number] | number;
export type PdfAlignment = 'left' | 'right' | 'center' | 'justify';

export interface PdfStyle {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  color?: string;
  background?: string;
  lineHeight?: number;
  alignment?: PdfAlignment;
  characterSpacing?: number;
  noWrap?: boolean;
  fillColor?: string;
  margin?: PdfMargins;
  preserveLeadingSpaces?: boolean;
  wordBreak?: 'normal' | 'break-all';
}

export interface PdfInline extends PdfStyle {
  text: string | PdfInline[];
  style?: string | string[];
}

export type PdfTextValue = string | PdfInline | (string | PdfInline)[];

interface PdfNodeBase {
  style?: string | string[];
  margin?: PdfMargins;
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
  /** Table-of-contents headings: entry number (1-based), read by renderPdf. */
  headlineLevel?: number;
  id?: string;
  colSpan?: number;
  rowSpan?: number;
  fillColor?: string;
  border?: [boolean, boolean, boolean, boolean];
  /** Read by renderPdf only: the number of the TOC entry whose page this cell shows. */
  tocPageOf?: number;
}

export interface PdfTextNode extends PdfNodeBase, PdfStyle {
  text: PdfTextValue;
}

export interface PdfStackNode extends PdfNodeBase, PdfStyle {
  stack: PdfContent[];
}

export interface PdfColumnsNode extends PdfNodeBase, PdfStyle {
  columns: (PdfContent & { width?: number | string })[];
  columnGap?: number;
}

export type PdfCell = PdfContent | Record<string, never>;

export interface PdfTableLayout {
  hLineWidth?: (index: number, node: PdfTableInfo) => number;
  vLineWidth?: (index: number, node: PdfTableInfo) => number;
  hLineColor?: (index: number, node: PdfTableInfo) => string;
  vLineColor?: (index: number, node: PdfTableInfo) => string;
  fillColor?: (rowIndex: number, node: PdfTableInfo, columnIndex: number) => string | null;
  paddingLeft?: (index: number, node: PdfTableInfo) => number;
  paddingRight?: (index: number, node: PdfTableInfo) => number;
  paddingTop?: (index: number, node: PdfTableInfo) => number;
  paddingBottom?: (index: number, node: PdfTableInfo) => number;
}

export interface PdfTableInfo {
  table: { body: unknown[][]; headerRows?: number; widths?: unknown };
}

export interface PdfTableNode extends PdfNodeBase, PdfStyle {
  table: {
    headerRows?: number;
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
    widths?: (number | string)[];
    body: PdfCell[][];
  };
  layout?: PdfTableLayout | string;
}

export type PdfCanvasElement =
  | { type: 'rect'; x: number; y: number; w: number; h: number; r?: number; color?: string; lineColor?: string; lineWidth?: number }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth?: number; lineColor?: string; dash?: { length: number } };

export interface PdfCanvasNode extends PdfNodeBase {
  canvas: PdfCanvasElement[];
}

export type PdfContent = string | PdfTextNode | PdfStackNode | PdfColumnsNode | PdfTableNode | PdfCanvasNode | PdfContent[];

export interface PdfDocumentDefinition {
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  info: {
    title: string;
    author: string;
    subject: string;
    keywords: string;
    creator: string;
    producer: string;
    creationDate: Date;
    modDate: Date;
  };
  language?: string;
  content: PdfContent[];
  header?: (currentPage: number, pageCount: number) => PdfContent | null;
  footer?: (currentPage: number, pageCount: number) => PdfContent | null;
  styles: Record<string, PdfStyle>;
  defaultStyle: PdfStyle;
  compress?: boolean;
}

/** The font bytes a PDF needs: one family, regular and bold, covering Latin and Chinese. */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const pdfFontFamily = 'NotoSansSC';
