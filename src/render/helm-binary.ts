import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHelmFailure } from './helm-failure.js';
import { splitTemplateOutput } from './split-output.js';
import type { RenderOutcome, RenderRequest, Renderer } from './types.js';

/** Arguments of `helm template` for a request (exported for `chartlint template --renderer helm` and tests). */
export function helmTemplateArgs(req: RenderRequest): string[] {
  const args = ['template', req.releaseName, req.chartPath, '--namespace', req.namespace];
  for (const f of req.valuesFiles) args.push('--values', f);
  for (const s of req.setJson) args.push('--set-json', s);
  for (const s of req.set) args.push('--set', s);
  for (const s of req.setString) args.push('--set-string', s);
  for (const s of req.setFile) args.push('--set-file', s);
  for (const s of req.setLiteral) args.push('--set-literal', s);
  if (req.kubeVersion) args.push('--kube-version', req.kubeVersion);
  for (const a of req.apiVersions) args.push('--api-versions', a);
  const f = req.flags;
  if (f.includeCrds) args.push('--include-crds');
  if (f.skipTests) args.push('--skip-tests');
  if (f.noHooks) args.push('--no-hooks');
  if (f.isUpgrade) args.push('--is-upgrade');
  if (f.skipSchemaValidation) args.push('--skip-schema-validation');
  for (const s of f.showOnly) args.push('--show-only', s);
  return args;
}

/**
 * Renders through the real `helm template`, offline: helm gets empty, private config/cache directories so it never
 * reads the user's repositories, and `dependency update` is never run. Judged by exit status.
 */
export class HelmBinaryRenderer implements Renderer {
  readonly name = 'helm' as const;
  readonly exactLocations = false;

  constructor(private readonly helmPath: string) {}

  render(req: RenderRequest): Promise<RenderOutcome> {
    const home = mkdtempSync(join(tmpdir(), 'chartlint-helm-'));
    const env = {
      HOME: home,
      HELM_CACHE_HOME: join(home, 'cache'),
      HELM_CONFIG_HOME: join(home, 'config'),
      HELM_DATA_HOME: join(home, 'data'),
      PATH: '/usr/bin:/bin',
    };
    return new Promise((resolve) => {
      execFile(
        this.helmPath,
        helmTemplateArgs(req),
        { env, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
        (err, stdout, stderr) => {
          rmSync(home, { recursive: true, force: true });
          if (err) {
            resolve({ ok: false, failure: parseHelmFailure(stderr || err.message) });
            return;
          }
          resolve({ ok: true, output: stdout, documents: splitTemplateOutput(stdout) });
        },
      );
    });
  }
}
