/**
 * The function map Helm 4.1.4 gives templates (helm-render-spec.md §11): Go's text/template builtins, overlaid by
 * every sprig v3.3.0 function except `env` and `expandenv` (Helm removes them so templates cannot read the
 * environment), overlaid by Helm's own functions. Later layers win on a name clash, which is how sprig's `slice`
 * replaces Go's and Helm's `fail`, `toJson`, `fromJson` and `getHostByName` replace sprig's.
 */
import type { GoFuncSpec } from '../values/model.js';
import { builtinFuncs } from './builtins.js';
import { RENDER_FUNC_NAMES } from './helm-funcs.js';
import { serializeFuncs } from './helm/serialize.js';
import { conversionFuncs } from './sprig/conversion.js';
import { cryptoFuncs } from './sprig/crypto.js';
import { dateFuncs } from './sprig/date.js';
import { defaultFuncs } from './sprig/defaults.js';
import { dictFuncs } from './sprig/dicts.js';
import { encodingFuncs } from './sprig/encoding.js';
import { listFuncs } from './sprig/lists.js';
import { mathFuncs } from './sprig/math.js';
import { pathFuncs } from './sprig/paths.js';
import { randomFuncs } from './sprig/random.js';
import { reflectFuncs } from './sprig/reflect.js';
import { regexFuncs } from './sprig/regex.js';
import { semverFuncs } from './sprig/semver.js';
import { stringListFuncs } from './sprig/string-lists.js';
import { stringFuncs } from './sprig/strings.js';
import { urlFuncs } from './sprig/url.js';

type FuncMap = Readonly<Record<string, GoFuncSpec>>;

/** Sprig functions Helm deletes from the map: they would read the process environment. */
const REMOVED_SPRIG_FUNCS: readonly string[] = ['env', 'expandenv'];

/** Sprig's `TxtFuncMap` as Helm installs it (one module per family). */
function sprigFuncs(): Record<string, GoFuncSpec> {
  const map: Record<string, GoFuncSpec> = {
    ...stringFuncs,
    ...stringListFuncs,
    ...mathFuncs,
    ...conversionFuncs,
    ...defaultFuncs,
    ...listFuncs,
    ...dictFuncs,
    ...reflectFuncs,
    ...dateFuncs,
    ...semverFuncs,
    ...regexFuncs,
    ...cryptoFuncs,
    ...randomFuncs,
    ...encodingFuncs,
    ...pathFuncs,
    ...urlFuncs,
  };
  for (const name of REMOVED_SPRIG_FUNCS) delete map[name];
  return map;
}

/**
 * The full function map in Helm's precedence: builtins ← sprig (without `env`/`expandenv`) ← Helm's static
 * functions (serialisers) ← `renderFuncs`, the functions bound to one render (`include`, `tpl`, `required`,
 * `fail`, `lookup`, `getHostByName`). The template engine binds the render-time ones itself, so callers of
 * `execute` pass `helmFuncMap()` without them.
 */
export function helmFuncMap(renderFuncs: FuncMap = {}): FuncMap {
  return Object.freeze({ ...builtinFuncs, ...helmEngineFuncs(), ...renderFuncs });
}

/**
 * What the template engine's `execute` takes as `funcs`: sprig (without `env`/`expandenv`) ← Helm's static
 * functions. The engine binds Go's builtins and the render-time functions itself; passing the builtins here would
 * make it treat `and`/`or`/`call` as ordinary functions and lose their special evaluation.
 */
export function helmEngineFuncs(): FuncMap {
  return Object.freeze({ ...sprigFuncs(), ...serializeFuncs });
}

/** Every function name a Helm template may call, including the render-time ones; sorted. */
export function helmFuncNames(): string[] {
  return [...new Set([...Object.keys(helmFuncMap()), ...RENDER_FUNC_NAMES])].sort();
}
