/** The Node worker's ReportSink: writes a streamed report to its file and hashes it on the way. */
import { createHash } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { ReportSink } from '../shared/report/render';

export function openReportFileSink(path: string): ReportSink {
  // 'wx': the host names a fresh temporary file; never overwrite something already there.
  const descriptor = openSync(path, 'wx');
  const hash = createHash('sha256');
  let byteLength = 0;
  let open = true;
  const closeOnce = (): void => {
    if (open) closeSync(descriptor);
    open = false;
  };
  return {
    write(chunk) {
      for (let offset = 0; offset < chunk.byteLength; ) offset += writeSync(descriptor, chunk, offset);
      hash.update(chunk);
      byteLength += chunk.byteLength;
    },
    close() {
      closeOnce();
      return Promise.resolve({ byteLength, sha256: hash.digest('hex') });
    },
    abort() {
      closeOnce();
      rmSync(path, { force: true });
    },
  };
}
