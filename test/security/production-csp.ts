/**
 * The production Content-Security-Policy, copied word for word from the spec (reliability.md,
 * "Electron"): the built index.html files, main's app:// header and the browser test are held to it.
 */
export const productionCsp =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-src 'none'";
