/** Chart.lock (v2) and requirements.lock (v1): Helm's `chart.Lock`, read with positions. */
import { ChartlintError } from '../diagnostics/errors.js';
import { decodeLockYaml } from './chart-yaml.js';
import type { ChartLock, LockedDependency, SourceFile, YamlSourceFile } from './types.js';

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Parses a lock file. `label` is its name inside the chart (`Chart.lock` or `requirements.lock`), used in messages
 * as Helm does (`cannot load Chart.lock: …`). Null dependency entries are rejected with a located error.
 */
export function parseLock(file: SourceFile, label: string): { file: YamlSourceFile; parsed: ChartLock } {
  const decoded = decodeLockYaml(file, label);
  const entries = Array.isArray(decoded.fields['dependencies'])
    ? (decoded.fields['dependencies'] as unknown[])
    : [];
  const dependencies = entries.map((entry, index): LockedDependency => {
    if (entry === null) {
      throw new ChartlintError(
        'chart-invalid',
        `${label}: dependencies must not contain empty or null nodes`,
        {
          location: decoded.file.locate(['dependencies', index]),
        },
      );
    }
    const d = entry as Record<string, unknown>;
    return { name: str(d['name']), version: str(d['version']), repository: str(d['repository']) };
  });
  return {
    file: decoded.file,
    parsed: {
      generated: str(decoded.fields['generated']),
      digest: str(decoded.fields['digest']),
      dependencies,
    },
  };
}
