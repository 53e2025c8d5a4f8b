/**
 * In Electron the preload exposes the host as `window.sgAudit` (named functions over an IPC
 * allowlist). Absent in a plain browser page.
 */
import type { HostApi } from '../../shared/host/host-api';

declare global {
  interface Window {
    sgAudit?: HostApi;
  }
}

export function electronHost(): HostApi | null {
  const exposed = window.sgAudit;
  return exposed !== undefined && exposed.kind === 'electron' ? exposed : null;
}
