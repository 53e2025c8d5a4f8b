/**
 * `$.Permissions.Permission[37]` is the origin of rule 37 in every attribute file of an export:
 * one shared string per (prefix, index) instead of half a million equal copies.
 */
const MAX_CACHED_INDEX = 10_000;
const MAX_PREFIXES = 64;
const pathsByPrefix = new Map<string, string[]>();

export function indexedPath(prefix: string, index: number): string {
  if (index >= MAX_CACHED_INDEX) return `${prefix}[${index}]`;
  let paths = pathsByPrefix.get(prefix);
  if (paths === undefined) {
    if (pathsByPrefix.size >= MAX_PREFIXES) pathsByPrefix.clear();
    paths = [];
    pathsByPrefix.set(prefix, paths);
  }
  return (paths[index] ??= `${prefix}[${index}]`);
}
