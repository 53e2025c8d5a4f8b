/**
 * Node defines some globals lazily: the first read replaces a getter with the value, which
 * @fast-check/poisoning would report as a change. Imported before it, this reads them once.
 */
for (const name of [
  'AbortController',
  'AbortSignal',
  'Blob',
  'BroadcastChannel',
  'TextDecoder',
  'TextEncoder',
  'crypto',
  'performance',
  'structuredClone',
]) {
  void (globalThis as Record<string, unknown>)[name];
}
