import { describe, expect, it } from 'vitest';
import type { RendererFile } from '../../shared/host/host-api';
import {
  fromHostFiles,
  holdLaunchImport,
  hostErrorMessage,
  launchAuditDetails,
  launchItemName,
  takeLaunchImport,
} from './host-files';

const file = (name: string, text: string): RendererFile => ({
  name,
  bytes: new TextEncoder().encode(text),
});

describe('fromHostFiles', () => {
  it('gives the import flow picked files: path names, sorted, with the bytes main read', async () => {
    const picked = fromHostFiles([
      file('export-2025/rules/sg-2.json', '[]'),
      file('export-2025/DescribeSecurityGroups.json', '{"a":1}'),
      file('instances.zip', 'PK'),
    ]);
    expect(picked.map((item) => item.name)).toEqual([
      'export-2025/DescribeSecurityGroups.json',
      'export-2025/rules/sg-2.json',
      'instances.zip',
    ]);
    expect(picked.map((item) => item.file.name)).toEqual([
      'DescribeSecurityGroups.json',
      'sg-2.json',
      'instances.zip',
    ]);
    expect(picked.map((item) => item.file.size)).toEqual([7, 2, 2]);
    expect(await picked[0]?.file.text()).toBe('{"a":1}');
  });

  it('keeps only a view’s own bytes', async () => {
    const bytes = new Uint8Array([0, 123, 125, 0]).subarray(1, 3);
    const [picked] = fromHostFiles([{ name: 'a.json', bytes }]);
    expect(new Uint8Array((await picked?.file.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array([123, 125]),
    );
  });
});

describe('hostErrorMessage', () => {
  it('drops the IPC wrapping Electron adds', () => {
    expect(
      hostErrorMessage(
        new Error(
          "Error invoking remote method 'files:choose': Error: Nothing was opened: no files found in x.",
        ),
      ),
    ).toBe('Nothing was opened: no files found in x.');
    expect(hostErrorMessage(new Error('plain'))).toBe('plain');
    expect(hostErrorMessage('text')).toBe('text');
  });
});

describe('launch import', () => {
  it('names the audit after the first item given, dated today, client left empty', () => {
    const files = [file('export-2025/a.json', '{}'), file('other.zip', 'PK')];
    expect(launchItemName(files)).toBe('export-2025');
    expect(launchAuditDetails(files, 'Command line import', new Date(2025, 0, 5))).toEqual({
      client: '',
      engagement: 'Command line import: export-2025',
      auditor: '',
      date: '2025-01-05',
      notes: '',
    });
    expect(launchItemName([file('single.json', '{}')])).toBe('single.json');
  });

  it('hands the files to that audit’s import once, and to no other audit', () => {
    const files = [file('a.json', '{}')];
    holdLaunchImport('audit-1', files);
    expect(takeLaunchImport('audit-2')).toBeNull();
    expect(takeLaunchImport('audit-1')).toBe(files);
    expect(takeLaunchImport('audit-1')).toBeNull();
  });
});
