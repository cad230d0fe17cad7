/**
 * Kubernetes versions as users write them (`1.29`, `v1.29.3`, `v1.29.3-gke.100`), compared numerically: string
 * comparison would put "1.9" after "1.16" (checks-facts.md §1.1).
 */

/** A parsed Kubernetes version; vendor suffixes are dropped as Kubernetes' generic parser does. */
export interface KubeVersion {
  major: number;
  minor: number;
  patch: number;
}

const KUBE_VERSION = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?:[-+][0-9A-Za-z.+-]*)?$/;

/** Parses a Kubernetes version, or returns undefined for anything that is not one. */
export function parseKubeVersion(text: string): KubeVersion | undefined {
  const m = KUBE_VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/** Compares two versions on major and minor only (what API availability depends on): negative, zero or positive. */
export function compareMinor(a: KubeVersion, b: KubeVersion): number {
  return a.major - b.major || a.minor - b.minor;
}

/** `major.minor`, the form messages use. */
export function formatMinor(v: KubeVersion): string {
  return `${v.major}.${v.minor}`;
}
