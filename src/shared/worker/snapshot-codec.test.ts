import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshotBuilder } from '../import/snapshot-builder';
import { decodeSnapshot, encodeSnapshot, SnapshotDecodeError } from './snapshot-codec';

const demo = join(__dirname, '../../../test/fixtures/alibaba-demo');
const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));

describe('snapshot codec', () => {
  it('round-trips the demo snapshot exactly, with its counts beside it', async () => {
    const builder = createSnapshotBuilder();
    for (const path of listFiles(demo).sort()) await builder.add({ name: relative(demo, path), bytes: new Uint8Array(readFileSync(path)) });
    const snapshot = builder.build();
    const encoded = encodeSnapshot(snapshot);
    expect(encoded.groups).toBe(snapshot.groups.length);
    expect(encoded.instances).toBe(snapshot.instances.length);
    // Strict: no property may be lost or gained on the way (JSON drops undefined and functions).
    expect(decodeSnapshot(encoded.json)).toStrictEqual(JSON.parse(JSON.stringify(snapshot)));
    expect(decodeSnapshot(encoded.json)).toEqual(snapshot);
  });

  it('refuses bytes that are not a snapshot, with a plain message', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(() => decodeSnapshot(bytes('{"groups":'))).toThrow(SnapshotDecodeError);
    expect(() => decodeSnapshot(bytes('[1]'))).toThrow('the stored snapshot is not an object');
    expect(() => decodeSnapshot(bytes('{"groups":[]}'))).toThrow('the stored snapshot has no inputs, instances, networkInterfaces, issues, gaps list');
    expect(() => decodeSnapshot(new Uint8Array([0xff, 0xfe]))).toThrow(SnapshotDecodeError);
  });
});
