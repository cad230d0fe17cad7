/**
 * Turns the `helm template` arguments of a render fixture case into a RenderRequest, so one case list drives both
 * the helm binary (when goldens are recorded) and the embedded renderer (in tests).
 */
import type { RenderRequest } from '../../../src/render/types.js';

const LIST_FLAGS: Record<string, keyof RenderRequest> = {
  '--values': 'valuesFiles',
  '-f': 'valuesFiles',
  '--set': 'set',
  '--set-string': 'setString',
  '--set-json': 'setJson',
  '--set-file': 'setFile',
  '--set-literal': 'setLiteral',
};

/** A RenderRequest for `helm template [release] chart args…`; helm's own capabilities unless told otherwise. */
export function requestFromArgs(
  chartPath: string,
  release: string | undefined,
  args: readonly string[],
): RenderRequest {
  const req: RenderRequest = {
    chartPath,
    releaseName: release ?? 'release-name',
    namespace: 'default',
    valuesFiles: [],
    setJson: [],
    set: [],
    setString: [],
    setFile: [],
    setLiteral: [],
    apiVersions: [],
    helmCapabilities: true,
    flags: {
      includeCrds: false,
      skipTests: false,
      noHooks: false,
      showOnly: [],
      isUpgrade: false,
      skipSchemaValidation: false,
    },
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new Error(`flag ${flag} needs a value`);
      return v;
    };
    const list = LIST_FLAGS[flag];
    if (list) {
      (req[list] as string[]).push(value());
      continue;
    }
    switch (flag) {
      case '--namespace':
      case '-n':
        req.namespace = value();
        break;
      case '--kube-version':
        req.kubeVersion = value();
        break;
      case '--api-versions':
      case '-a':
        req.apiVersions.push(...value().split(','));
        break;
      case '--show-only':
      case '-s':
        req.flags.showOnly.push(value());
        break;
      case '--include-crds':
        req.flags.includeCrds = true;
        break;
      case '--skip-tests':
        req.flags.skipTests = true;
        break;
      case '--no-hooks':
        req.flags.noHooks = true;
        break;
      case '--is-upgrade':
        req.flags.isUpgrade = true;
        break;
      case '--skip-schema-validation':
        req.flags.skipSchemaValidation = true;
        break;
      default:
        throw new Error(`unsupported helm template flag in a render case: ${flag}`);
    }
  }
  return req;
}
