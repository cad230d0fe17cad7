import { ChartlintError } from '../diagnostics/errors.js';
import type { RendererSpec } from '../engine/lint.js';
import { findExecutable } from '../render/find-executable.js';
import type { Renderer } from '../render/types.js';

/**
 * The renderer the user asked for, as plain data (worker threads build their own from it). The helm binary comes
 * from `$HELM_BIN` or `PATH`; without one, the error says how to get one.
 */
export function rendererSpec(kind: 'embedded' | 'helm', env: NodeJS.ProcessEnv): RendererSpec {
  if (kind === 'embedded') return { kind: 'embedded' };
  const helm = findExecutable('helm', env.PATH, env.HELM_BIN);
  if (!helm) {
    throw new ChartlintError(
      'helm-missing',
      env.HELM_BIN
        ? `$HELM_BIN (${env.HELM_BIN}) is not an executable file; point it at a helm 3 or 4 binary`
        : 'no helm binary found on PATH; install helm (or set $HELM_BIN), or use the embedded renderer',
    );
  }
  return { kind: 'helm', helmPath: helm };
}

/** A renderer object for `chartlint template`, which renders one chart in-process. */
export async function createRenderer(spec: RendererSpec, cwd: string): Promise<Renderer> {
  if (spec.kind === 'helm') {
    const { HelmBinaryRenderer } = await import('../render/helm-binary.js');
    return new HelmBinaryRenderer(spec.helmPath);
  }
  const { EmbeddedRenderer } = await import('../render/embedded/renderer.js');
  return new EmbeddedRenderer({ cwd });
}
