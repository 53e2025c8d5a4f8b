/** Picks the host once at startup: Electron's preload API when present, else the web host. */
import type { HostApi } from '../../shared/host/host-api';
import { electronHost } from './electron-host';
import { createWebHost } from './web-host';

let selected: HostApi | null = null;

export function selectHost(): HostApi {
  selected ??= electronHost() ?? createWebHost();
  return selected;
}

/** Tests install a fake host before the stores ask for one. */
export function useHostForTesting(host: HostApi | null): void {
  selected = host;
}
