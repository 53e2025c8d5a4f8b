/* global self, fetch, URL */
// A Web Worker that makes a report PDF the way the web host does: pdfmake's browser build, the
// fonts fetched from the app's own origin, the shared renderer. Bundled by browser-worker.test.ts.
import pdfMake from 'pdfmake/build/pdfmake.js';
import { createReportPdfRenderer } from '../../src/shared/report/pdf-render.ts';
import { buildReportModel } from '../../src/shared/report/report-model.ts';

async function fetchBytes(path) {
  const response = await fetch(new URL(path, self.location.href));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const renderPdf = createReportPdfRenderer(
  async () => pdfMake,
  async () => ({ regular: await fetchBytes('/fonts/NotoSansSC-Regular.ttf'), bold: await fetchBytes('/fonts/NotoSansSC-Bold.ttf') }),
);

self.onmessage = async (event) => {
  try {
    const model = await buildReportModel(event.data.document, { client: '浏览器测试 Browser test' });
    const pdf = await renderPdf(model, event.data.language);
    self.postMessage({ ok: true, pdf }, [pdf.buffer]);
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
};
