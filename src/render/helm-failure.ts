import type { RenderFailure } from './types.js';

/**
 * Extracts the message and the template location from what Helm prints on failure. Helm's shapes
 * (helm-render-spec.md §7.8): `parse error at (T:L): …`, `execution error at (T:L:C): …`, the multi-line include trace
 * whose first line is `T:L:C`, `template: T:L:C: executing …`, `YAML parse error on T: …`.
 */
export function parseHelmFailure(stderr: string): RenderFailure {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !/^level=/.test(l));
  let message = lines.join('\n').trim();
  message = message.replace(/\n*Use --debug flag to render out invalid YAML$/, '').trim();
  if (message.startsWith('Error: ')) message = message.slice('Error: '.length);
  return { message, ...locate(message) };
}

const LOCATORS: RegExp[] = [
  /^(?:parse|execution) error at \(([^():]+):(\d+)(?::(\d+))?\)/,
  /^template: ([^:\s]+):(\d+)(?::(\d+))?:/,
  /^([^:\s]+\/templates\/[^:\s]+):(\d+):(\d+)\n/,
  /^YAML parse error on ([^:\s]+):/,
];

function locate(message: string): Pick<RenderFailure, 'template' | 'line' | 'column'> {
  for (const re of LOCATORS) {
    const m = re.exec(message);
    if (!m) continue;
    const out: Pick<RenderFailure, 'template' | 'line' | 'column'> = { template: m[1] };
    if (m[2]) out.line = Number(m[2]);
    if (m[3]) out.column = Number(m[3]) + 1; // Go reports 0-based byte columns; findings are 1-based.
    return out;
  }
  return {};
}
