export interface BenchExportSize {
  groups: number;
  rulesPerGroup: number;
  instances: number;
}

/** Writes (once) a synthetic aliyun-CLI-shaped export under `root` and returns its folder. */
export function ensureBenchExport(root: string, size: BenchExportSize): string;
