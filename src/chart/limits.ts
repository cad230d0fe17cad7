/** Size limits applied while loading charts, so a hostile chart cannot exhaust memory. */
export interface LoadLimits {
  /** Largest single file (Helm's MaxDecompressedFileSize: 5 MiB). */
  maxFileSize: number;
  /** Largest decompressed archive content in total (Helm's MaxDecompressedChartSize: 100 MiB). */
  maxTotalSize: number;
  /** Most entries in one archive. */
  maxEntries: number;
  /** Largest decompressed/compressed ratio accepted once `ratioFloor` bytes have been decompressed. */
  maxRatio: number;
  /** Decompressed size below which the ratio is not checked (small archives compress very well). */
  ratioFloor: number;
  /** Deepest nesting of subcharts (charts/x/charts/y/…). */
  maxDepth: number;
}

/** The defaults: Helm's own caps plus an entry count, a compression-ratio guard and a nesting depth. */
export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxFileSize: 5 * 1024 * 1024,
  maxTotalSize: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 400,
  ratioFloor: 1024 * 1024,
  maxDepth: 20,
};
