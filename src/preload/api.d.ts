/**
 * The type of `window.sgAudit`, for the renderer: reference it with
 * `/// <reference path="../preload/api.d.ts" />` or list it in the renderer's tsconfig `include`.
 * Absent in the web build, hence optional.
 */
import type { HostApi } from '../shared/host/host-api';

declare global {
  interface Window {
    sgAudit?: HostApi;
  }
}

export {};
