/** Small helpers to put untrusted values into one-sentence messages safely and readably. */

/**
 * A value as a quoted, escaped literal, cut to `max` characters: control characters and
 * quotes become visible, and a 10 MB description cannot flood a message.
 */
export function quote(value: string, max = 60): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown);
}

const MiB = 1024 * 1024;

/** "300.0 MiB (314,572,800 bytes)". */
export function formatBytes(bytes: number): string {
  const grouped = String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (bytes < 1024) return `${grouped} bytes`;
  const scaled =
    bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
  return `${scaled} (${grouped} bytes)`;
}

/** Limits such as 268435456 shown as "256 MiB". */
export function formatLimit(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  return `${bytes} bytes`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An own property only: inherited names such as `constructor` or `__proto__` never count as
 * fields of an export.
 */
export function ownField(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function hasOwnField(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** `null`, `a number (42)`, `an empty array`, `an object with keys "a", "b"` — for "what did we find" messages. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value))
    return value.length === 0 ? 'an empty array' : `an array of ${value.length} elements`;
  switch (typeof value) {
    case 'number':
      return `a number (${String(value)})`;
    case 'string':
      return `a string (${quote(value, 40)})`;
    case 'boolean':
      return `a boolean (${String(value)})`;
    case 'object':
      return describeObjectKeys(value as Record<string, unknown>);
    default:
      return typeof value;
  }
}

const MAX_KEYS_SHOWN = 8;

function describeObjectKeys(record: Record<string, unknown>): string {
  const shown: string[] = [];
  let total = 0;
  // for…in with an early stop: a file with a million keys must not build a million-element array.
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    total += 1;
    if (shown.length < MAX_KEYS_SHOWN) shown.push(quote(key, 40));
    else if (total > 10_000) break;
  }
  if (total === 0) return 'an empty object';
  const more =
    total > shown.length ? `, … (${total > 10_000 ? 'over 10,000' : total} keys in all)` : '';
  return `an object with top-level keys ${shown.join(', ')}${more}`;
}

/** Plain code-unit order: deterministic everywhere, unlike localeCompare. */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
