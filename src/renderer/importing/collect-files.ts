/**
 * Turns what the auditor dropped or picked into files with display paths. Folders are walked
 * (drag and drop through webkitGetAsEntry, the folder picker through webkitRelativePath), so the
 * path inside the folder stays visible as evidence.
 */

export interface PickedFile {
  /** The path as the auditor would recognise it: `export/security-group-attributes/sg-1.json`. */
  name: string;
  file: File;
}

function byName(a: PickedFile, b: PickedFile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Sorted by path so page 1 comes before page 2 and the list reads like the folder. */
export function fromFileList(list: FileList | readonly File[]): PickedFile[] {
  return Array.from(list, (file) => ({
    name: file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name,
    file,
  })).sort(byName);
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, into: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await entryFile(entry as FileSystemFileEntry);
    into.push({ name: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns the listing in batches (about 100 in Chromium) until an empty batch.
  for (;;) {
    const batch = await readEntries(reader);
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, into);
  }
}

export async function fromDataTransfer(transfer: DataTransfer): Promise<PickedFile[]> {
  // Entries must be taken synchronously, before the first await: the list empties afterwards.
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry !== null) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file !== null) loose.push(file);
    }
  }
  const picked: PickedFile[] = fromFileList(loose);
  for (const entry of entries) await walk(entry, picked);
  picked.sort(byName);
  return picked;
}
