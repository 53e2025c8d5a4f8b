/**
 * PDF support for Node hosts (the CLI's worker thread, Electron main's worker): pdfmake's Node
 * build and the Noto Sans SC fonts from resources/fonts (copied there from the npm package by
 * scripts/copy-fonts.mjs). Nothing is downloaded; pdfmake is loaded on the first PDF only.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createReportPdfRenderer, type PdfMakeEngine, type ReportPdfRenderer } from '../shared/report/pdf-render';
import type { PdfFonts } from '../shared/report/pdf-types';

// @types/pdfmake is deliberately not used (see pdfmake-module.d.ts): the shared definition types
// mirror pdfmake's, and the PDF tests exercise them end to end.

export const fontFileNames = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;

/**
 * resources/fonts of the project: the same two levels up from src/node (tests), dist/cli (the CLI
 * bundle) and out/main (Electron). A packaged app passes its own folder.
 */
export function defaultFontDirectory(): string {
  return fileURLToPath(new URL('../../resources/fonts/', import.meta.url));
}

export async function loadPdfFonts(directory: string = defaultFontDirectory()): Promise<PdfFonts> {
  try {
    const [regular, bold] = await Promise.all([
      readFile(`${directory.replace(/[\\/]$/, '')}/${fontFileNames.regular}`),
      readFile(`${directory.replace(/[\\/]$/, '')}/${fontFileNames.bold}`),
    ]);
    // Buffers are Uint8Arrays; the renderer copies them once (withoutLayoutTables), never mutates them.
    return { regular, bold };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the PDF fonts are missing from ${directory} (run: node scripts/copy-fonts.mjs): ${reason}`);
  }
}

export async function loadPdfEngine(): Promise<PdfMakeEngine> {
  // pdfmake and pdfkit are CommonJS and read `__dirname` (pdfmake's virtual file system strips it
  // from names). Bundled into an ES module (dist/cli) that free variable resolves on globalThis.
  const scope = globalThis as { __dirname?: string };
  if (typeof scope.__dirname !== 'string') scope.__dirname = fileURLToPath(new URL('.', import.meta.url));
  const loaded = (await import('pdfmake/js/index.js')) as { default?: unknown };
  return (loaded.default ?? loaded) as PdfMakeEngine;
}

export function createNodePdfRenderer(fontDirectory?: string): ReportPdfRenderer {
  return createReportPdfRenderer(loadPdfEngine, () => loadPdfFonts(fontDirectory));
}
