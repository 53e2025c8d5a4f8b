/**
 * Test support, never imported by the app: Node has no `self` and no FileReader, and
 * dexie-export-import needs both (it reads `self` when it loads, and blobs through FileReader).
 * Import this before anything that imports dexie-export-import.
 */
const scope = globalThis as unknown as { self?: unknown; FileReader?: unknown };

class NodeFileReader {
  result: ArrayBuffer | null = null;
  onload: ((event: { target: NodeFileReader }) => void) | null = null;
  onerror: ((event: { target: { error: unknown } }) => void) | null = null;
  onabort: (() => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer;
        this.onload?.({ target: this });
      },
      (error: unknown) => this.onerror?.({ target: { error } }),
    );
  }
}

scope.self ??= globalThis;
scope.FileReader ??= NodeFileReader;
