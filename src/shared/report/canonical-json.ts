/**
 * Canonical JSON (object keys sorted by UTF-16 code units, no whitespace, `undefined` members
 * dropped) and SHA-256 helpers: the same data gives the same hash whichever host or key order
 * produced it, so a report's findings hash can be recomputed from its JSON export.
 */
import { sha256Hex } from '../import/digest';

export function canonicalJson(value: unknown): string {
  try {
    // Native JSON.stringify of a key-sorted copy: a report's 100,000 findings in well under a second.
    return JSON.stringify(sortedCopy(value));
  } catch (error) {
    if (!(error instanceof IndexKeyFound)) throw error;
    return canonicalJsonByParts(value);
  }
}

/** The same text built piece by piece: slower, but free of the engine's own key order. */
export function canonicalJsonByParts(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

/**
 * Engines list integer-like keys ("0", "42") first, in numeric order, whatever the insertion
 * order: a copy cannot hold them sorted as text, so such values take the piecewise path.
 */
class IndexKeyFound extends Error {}

const indexKey = /^(?:0|[1-9]\d{0,9})$/;

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return items.map((item) => (item === undefined ? null : sortedCopy(item)));
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // No prototype: an own "__proto__" key stays a key instead of setting the copy's prototype.
    const copy = Object.create(null) as Record<string, unknown>;
    for (const key of keys) {
      if (indexKey.test(key)) throw new IndexKeyFound();
      copy[key] = sortedCopy(record[key]);
    }
    return copy;
  }
  throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
}

function write(value: unknown, parts: string[]): void {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    parts.push(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    value.forEach((item, index) => {
      if (index > 0) parts.push(',');
      // JSON.stringify writes null for undefined array items; so do we.
      write(item === undefined ? null : item, parts);
    });
    parts.push(']');
    return;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    parts.push('{');
    keys.forEach((key, index) => {
      if (index > 0) parts.push(',');
      parts.push(JSON.stringify(key), ':');
      write(record[key], parts);
    });
    parts.push('}');
    return;
  }
  throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
}

export { sha256Hex };

export async function sha256OfText(text: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(text));
}
