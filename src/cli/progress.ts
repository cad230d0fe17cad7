import type { LintProgress } from '../engine/lint.js';

/** A one-line progress display: shown only on a terminal, never under CI, and only once a run takes a second. */
export function progressLine(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
  now: () => number = Date.now,
): { update: (p: LintProgress) => void; clear: () => void } | undefined {
  if (!stream.isTTY || env.CI) return undefined;
  const started = now();
  let shown = false;
  return {
    update(p) {
      if (now() - started < 1000) return;
      const current = p.current ? `  ${p.current}` : '';
      const line = `chartlint: ${p.done}/${p.total} charts${current}`;
      // Some terminals (e.g. under `script`) report 0 columns: treat that as unknown.
      const width = stream.columns || 80;
      stream.write(`\r\u001b[K${line.slice(0, Math.max(10, width - 1))}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
