import { describe, expect, it } from 'vitest';
import { batchFiles, createReadAhead, readBatch } from './blob-files';

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

describe('createReadAhead', () => {
  const named = (name: string) => ({ name, blob: new Blob([name]) });
  const asRead = (files: readonly { name: string }[]) => files.map((entry) => ({ name: entry.name, bytes: new Uint8Array(1) }));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('holds at most its number of batches, being read or read and not yet imported; order is kept', async () => {
    const started: string[] = [];
    const handed: string[] = [];
    const importedSignals: (() => void)[] = [];
    const inbox = createReadAhead({
      batchesHeld: 2,
      read: async (files) => {
        started.push(files[0]!.name);
        return asRead(files);
      },
      imported: () => new Promise<void>((resolve) => importedSignals.push(resolve)),
    });
    for (const name of ['b1', 'b2', 'b3', 'b4']) inbox.batch([named(name)], (file) => handed.push(file.name));
    inbox.after(() => handed.push('finish'));

    await settle();
    // b1 is handed over and awaits its import; b2 is read and waits its turn; b3 is not read.
    expect(started).toEqual(['b1', 'b2']);
    expect(handed).toEqual(['b1']);

    importedSignals.shift()!();
    await settle();
    expect(started).toEqual(['b1', 'b2', 'b3']);
    expect(handed).toEqual(['b1', 'b2']);

    for (let round = 0; round < 3; round += 1) {
      importedSignals.shift()!();
      await settle();
    }
    expect(started).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(handed).toEqual(['b1', 'b2', 'b3', 'b4', 'finish']);
  });

  it('hands a batch over whole and in order, an unreadable file in its place', async () => {
    const handed: string[] = [];
    const inbox = createReadAhead({
      batchesHeld: 1,
      read: async (files) =>
        files.map((entry) => (entry.name === 'gone' ? { name: 'gone', size: 3, error: 'moved' } : { name: entry.name, bytes: new Uint8Array(0) })),
      imported: () => Promise.resolve(),
    });
    inbox.batch([named('a'), named('gone'), named('c')], (file) => handed.push('error' in file ? `${file.name}: ${file.error}` : file.name));
    inbox.batch([named('d')], (file) => handed.push(file.name));
    await settle();
    expect(handed).toEqual(['a', 'gone: moved', 'c', 'd']);
  });
});
