/** Writes the named generated fixtures (all by default) into `folder` unless already there; returns their paths by name. */
export function makeBadFixtures(folder: string, names?: readonly string[]): Record<string, string>;

/** The generated fixtures by name, as test/fixtures/bad/INDEX.json lists them. */
export const generatedFixtures: Record<string, (path: string) => string>;
/** The small fixtures kept in test/fixtures/bad, by name. */
export const committedFixtures: Record<string, (path: string) => string>;

/** [name, description] of the security groups in hostile-strings.json. */
export const hostileGroups: readonly (readonly [string, string])[];
export const hostileRuleDescriptions: readonly string[];
export const hostileInstanceNames: readonly string[];

/** `[response, …]` holding the attributes of `groups` security groups (300,000: about 83 MiB). */
export function writeLargeExport(path: string, groups?: number): string;
