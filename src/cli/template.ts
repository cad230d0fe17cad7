import { resolve } from 'node:path';
import type { RenderRequest, Renderer } from '../render/types.js';
import type { TemplateArgs } from './args.js';

/** Renders one chart for `chartlint template`, with helm's defaults for everything not given. */
export async function runTemplate(
  args: TemplateArgs,
  renderer: Renderer,
  cwd: string,
): Promise<{ ok: true; output: string } | { ok: false; message: string }> {
  const request: RenderRequest = {
    chartPath: resolve(cwd, args.chart),
    releaseName: args.releaseName ?? 'release-name',
    namespace: args.namespace ?? 'default',
    valuesFiles: args.values.map((f) => (f === '-' ? f : resolve(cwd, f))),
    setJson: args.setJson,
    set: args.set,
    setString: args.setString,
    setFile: args.setFile.map((s) => resolveSetFile(cwd, s)),
    setLiteral: args.setLiteral,
    ...(args.kubeVersion !== undefined ? { kubeVersion: args.kubeVersion } : {}),
    apiVersions: args.apiVersions,
    // `chartlint template` mirrors `helm template`, whose offline .Capabilities is helm's fixed list.
    helmCapabilities: true,
    ...(args.random ? { random: true } : {}),
    flags: {
      includeCrds: args.includeCrds,
      skipTests: args.skipTests,
      noHooks: args.noHooks,
      showOnly: args.showOnly,
      isUpgrade: args.isUpgrade,
      skipSchemaValidation: args.skipSchemaValidation,
    },
  };
  const outcome = await renderer.render(request);
  return outcome.ok ? { ok: true, output: outcome.output } : { ok: false, message: outcome.failure.message };
}

/** `--set-file key=path`: the path is relative to the working directory. */
function resolveSetFile(cwd: string, assignment: string): string {
  const eq = assignment.indexOf('=');
  if (eq < 0) return assignment;
  return `${assignment.slice(0, eq)}=${resolve(cwd, assignment.slice(eq + 1))}`;
}
