/**
 * pdfmake's Node build, imported by its file path so that TypeScript does not load @types/pdfmake:
 * that package references the DOM library, whose Web Crypto types then clash with
 * src/shared/platform.d.ts across the whole Node program. The host sees the module only as the
 * engine shape src/shared/report/pdf-render.ts declares.
 */
declare module 'pdfmake/js/index.js' {
  const pdfmake: unknown;
  export default pdfmake;
}
