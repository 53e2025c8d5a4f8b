import { describe, expect, it } from 'vitest';
import { batchFiles, createReadLimiter, readBatch } from './blob-files';

const file = (name: string, text: string) => ({ name, blob: new Blob([text]) });

describe('batchFiles', () => {
  it('keeps the order and cuts at the byte and file limits; a large file is a batch of its own', () => {
    const files = [file('a', '1234'), file('b', '12'), file('c', '123456789'), file('d', '1'), file('e', '1'), file('f', '1')];
    const batches = batchFiles(files, { maxBytes: 6, maxFiles: 2 });
    expect(batches.map((batch) => batch.map((entry) => entry.name))).toEqual([['a', 'b'], ['c'], ['d', 'e'], ['f']]);
    expect(batchFiles([], { maxBytes: 6, maxFiles: 2 })).toEqual([]);
  });
});

describe('readBatch', () => {
  it('gives each file exactly its own bytes, empty files included', async () => {
    const read = await readBatch([file('a', 'first'), file('empty', ''), file('c', '第三')]);
    expect(read.map((entry) => ('bytes' in entry ? [entry.name, new TextDecoder().decode(entry.bytes)] : entry))).toEqual([
      ['a', 'first'],
      ['empty', ''],
      ['c', '第三'],
    ]);
  });

  it('when the batch cannot be read, reads file by file and names only the file that failed', async () => {
    const gone = { size: 3, arrayBuffer: () => Promise.reject(new DOMException('the file was moved', 'NotReadableError')) };
    const batchFails = () => Promise.reject(new DOMException('one file was moved', 'NotReadableError'));
    const read = await readBatch([file('a', 'ok'), { name: 'gone.json', blob: gone as unknown as Blob }], batchFails);
    expect(read[0]).toMatchObject({ name: 'a' });
    expect(read[1]).toEqual({ name: 'gone.json', size: 3, error: 'NotReadableError: the file was moved' });
  });
});

describe('createReadLimiter', () => {
  it('never runs more reads at once than its limit, and runs them all', async () => {
    const limit = createReadLimiter(2);
    let running = 0;
    let most = 0;
    const work = async (value: number): Promise<number> => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
      return value;
    };
    expect(await Promise.all([1, 2, 3, 4, 5].map((value) => limit(() => work(value))))).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });
});
