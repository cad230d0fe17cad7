/**
 * Scans values files as text (walking the YAML with positions), so a secret is reported at the line a human must
 * edit even when no template ever uses it.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Chart, SourceFile } from '../../chart/types.js';
import { sourceFileOf } from '../../chart/source-file.js';
import { spanOf } from '../../diagnostics/location.js';
import type { RuleEnvironment } from '../types.js';
import { detectSecret, type Detection, type DetectOptions } from './detect.js';
import type { SecretPatterns } from './patterns.js';

/** A secret found in a values file. */
export interface ValuesSecret {
  file: SourceFile;
  /** Dotted key path, for the message. */
  keyPath: string;
  span: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  detection: Detection;
}

/**
 * The values files of an environment: every directory chart's values.yaml (root and subcharts), then the
 * environment's files — as given by the caller, else the ones inside the chart directory.
 */
export function valuesSources(chart: Chart, environment: RuleEnvironment): SourceFile[] {
  const out: SourceFile[] = [];
  const add = (f: SourceFile | undefined) => {
    if (f && f.archive === undefined && !out.some((o) => o.path === f.path)) out.push(f);
  };
  const visit = (c: Chart) => {
    add(c.valuesFile);
    for (const sub of c.subcharts) if (sub.archivePath === undefined) visit(sub);
  };
  visit(chart);
  if (environment.valuesSources) environment.valuesSources.forEach(add);
  else if (chart.archivePath === undefined) {
    for (const path of environment.valuesFiles) {
      const file = chart.files.find((f) => joinDir(chart.dir, f.path) === path);
      if (file) add(sourceFileOf({ dir: chart.dir }, file));
    }
  }
  return out;
}

function joinDir(dir: string, path: string): string {
  return dir === '' || dir === '.' ? path : `${dir}/${path}`;
}

function keyText(path: readonly (string | number)[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** A SOPS-encrypted file carries a top-level `sops:` metadata map; its values are ciphertext. */
function isSopsFile(root: Node | null): boolean {
  return isMap(root) && root.items.some((p) => isScalar(p.key) && p.key.value === 'sops' && isMap(p.value));
}

/** A map that names an existing Secret (`existingSecret: app-db`) does not use its literal passwords. */
function usesExistingSecret(node: Node): boolean {
  return (
    isMap(node) &&
    node.items.some(
      (p) =>
        isScalar(p.key) &&
        /^existing[-_]?secret(?:[-_]?name)?$/i.test(String(p.key.value)) &&
        isScalar(p.value) &&
        typeof p.value.value === 'string' &&
        p.value.value !== '',
    )
  );
}

/** The `name` of a `{name, value}` map (an env entry written in values), if the map is one. */
function envStyleName(node: Node): string | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && p.key.value === 'name');
  const hasValue = node.items.some((p) => isScalar(p.key) && p.key.value === 'value');
  return hasValue && pair && isScalar(pair.value) && typeof pair.value.value === 'string'
    ? pair.value.value
    : undefined;
}

/** Scans one values file; YAML errors are skipped here (the values layer reports them). */
export function scanValuesFile(
  file: SourceFile,
  patterns: SecretPatterns,
  options: DetectOptions,
): ValuesSecret[] {
  const doc = parseDocument(file.text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  const root = doc.contents as Node | null;
  if (isSopsFile(root)) return [];
  const found: ValuesSecret[] = [];
  const visit = (node: Node | null, path: (string | number)[], key: string | undefined, quiet: boolean) => {
    if (!node) return;
    if (isScalar(node)) {
      if (typeof node.value !== 'string' || !node.range) return;
      const detection = detectSecret(node.value, key, patterns, options);
      // Under an existingSecret the keyword heuristic is off; unmistakable formats are still reported.
      if (!detection || (quiet && detection.messageId === 'keyword')) return;
      found.push({
        file,
        keyPath: keyText(path),
        span: spanOf(file.lineStarts, node.range[0], node.range[1]),
        detection,
      });
      return;
    }
    if (isMap(node)) {
      const q = quiet || usesExistingSecret(node);
      const envName = envStyleName(node);
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const k = String(pair.key.value);
        // `{name: DB_PASSWORD, value: …}` (extraEnv lists): the name is what says the value is a credential.
        visit(pair.value as Node | null, [...path, k], k === 'value' && envName ? envName : k, q);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node | null, [...path, i], key, quiet));
    }
  };
  visit(root, [], undefined, false);
  return found;
}
