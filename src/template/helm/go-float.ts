/**
 * Go encoding/json's float64 text (helm-render-spec.md §2.3), which differs from `%v`: plain decimal unless
 * |x| < 1e-6 or |x| ≥ 1e21, then exponent form where a negative exponent drops its leading zero (`1e-7`) and a
 * positive one keeps two digits (`1e+21`). The YAML and TOML serialisers use strconv's `%g` form directly.
 */
import { formatFloat } from '../fmt/float.js';

/** Go's `floatEncoder` text of a finite float64 (callers reject NaN and infinities first). */
export function formatFloatJson(x: number): string {
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return formatFloat(x, 'e', -1).replace(/e-0(\d)$/, 'e-$1');
  return formatFloat(x, 'f', -1);
}

/** strconv.FormatFloat(x, 'g', -1, 64), the shortest `%g` form (`1e+06`, `123456.7`, `NaN`, `+Inf`). */
export function formatFloatG(x: number): string {
  return formatFloat(x, 'g', -1);
}
