import { ChartlintError } from '../diagnostics/errors.js';
import { HelmBinaryRenderer } from '../render/helm-binary.js';
import { findExecutable } from '../render/find-executable.js';
import type { Renderer } from '../render/types.js';
import { EmbeddedRenderer } from '../render/embedded/renderer.js';

/** Builds the renderer the user asked for; the helm binary comes from `$HELM_BIN` or `PATH`. */
export function createRenderer(kind: 'embedded' | 'helm', env: NodeJS.ProcessEnv, cwd: string): Renderer {
  if (kind === 'helm') {
    const helm = findExecutable('helm', env.PATH, env.HELM_BIN);
    if (!helm) {
      throw new ChartlintError(
        'helm-missing',
        env.HELM_BIN
          ? `$HELM_BIN (${env.HELM_BIN}) is not an executable file; point it at a helm 3 or 4 binary`
          : 'no helm binary found on PATH; install helm (or set $HELM_BIN), or use the embedded renderer',
      );
    }
    return new HelmBinaryRenderer(helm);
  }
  return new EmbeddedRenderer({ cwd });
}
