/** A one-line progress bar on a terminal; silent when standard error is not a terminal. */
import type { AuditProgress } from '../shared/worker/protocol';
import { terminalSafe } from './terminal-text';

const width = 28;

export interface ProgressBar {
  update(progress: AuditProgress): void;
  clear(): void;
}

export function createProgressBar(stream: NodeJS.WriteStream, enabled: boolean): ProgressBar {
  if (!enabled || !stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let lastDrawn = 0;
  return {
    update(progress) {
      const now = Date.now();
      if (now - lastDrawn < 80 && progress.done < progress.total) return;
      lastDrawn = now;
      const ratio = progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
      const filled = Math.round(ratio * width);
      const label = progress.phase === 'import' ? 'importing' : 'checking';
      const columns = stream.columns ?? 80;
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${label} ${progress.done}/${progress.total} ${terminalSafe(progress.current)}`;
      stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
    },
    clear() {
      stream.write(`\r${' '.repeat((stream.columns ?? 80) - 1)}\r`);
    },
  };
}
