/**
 * The preload: the renderer's only way to its host. It exposes `window.sgAudit` (see sg-audit-api.ts)
 * and nothing else. It runs sandboxed, so electron.vite.config.ts bundles it into one CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createSgAuditApi } from './sg-audit-api';

contextBridge.exposeInMainWorld('sgAudit', createSgAuditApi(ipcRenderer));
