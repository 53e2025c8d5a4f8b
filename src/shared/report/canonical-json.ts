/**
 * Canonical JSON (object keys sorted by UTF-16 code units, no whitespace, `undefined` members
 * dropped) and SHA-256 helpers: the same data gives the same hash whichever host or key order
 * produced it, so a report's findings hash can be recomputed from its JSON export.
 */
import { sha256Hex } from '../import/digest';

export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
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
