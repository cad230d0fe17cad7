/** rules/secret-patterns.yaml, compiled once with RE2 (user-supplied patterns must not be able to hang a run). */
import { RE2JS } from 're2js';
import { ChartlintError } from '../../diagnostics/errors.js';
import { loadRuleData } from '../data.js';

/** One known credential format as written in the data file (or a rule option). */
export interface SecretFormat {
  id: string;
  description: string;
  regex: string;
  allow?: string;
}

interface SecretPatternData {
  formats: SecretFormat[];
  keywords: string[];
  nameSuffixes: string[];
  keyNameWords: string[];
  referenceKeys: string[];
  placeholders: string[];
  references: string[];
  encrypted: string[];
  generators: string[];
}

/** A format with its compiled expressions. */
export interface CompiledFormat {
  id: string;
  description: string;
  regex: RE2JS;
  allow?: RE2JS;
}

/** Everything the detectors need, compiled. */
export interface SecretPatterns {
  formats: CompiledFormat[];
  keywords: readonly string[];
  nameSuffixes: ReadonlySet<string>;
  keyNameWords: ReadonlySet<string>;
  referenceKeys: ReadonlySet<string>;
  placeholders: RE2JS[];
  references: RE2JS[];
  encrypted: RE2JS[];
  generators: readonly string[];
}

function compile(pattern: string, where: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (e) {
    throw new ChartlintError(
      'config-invalid',
      `${where}: invalid regular expression: ${(e as Error).message}`,
    );
  }
}

function compileFormat(f: SecretFormat, where: string): CompiledFormat {
  return {
    id: f.id,
    description: f.description,
    regex: compile(f.regex, `${where} ${f.id}`),
    ...(f.allow !== undefined ? { allow: compile(f.allow, `${where} ${f.id}`) } : {}),
  };
}

let builtin: SecretPatterns | undefined;
const withExtra = new Map<string, SecretPatterns>();

/** The built-in patterns plus `extra` formats (from the rule's `patterns` option), compiled and cached. */
export function secretPatterns(extra: readonly SecretFormat[] = []): SecretPatterns {
  if (!builtin) {
    const data = loadRuleData<SecretPatternData>('secret-patterns');
    const where = 'rules/secret-patterns.yaml';
    builtin = {
      formats: data.formats.map((f) => compileFormat(f, where)),
      keywords: data.keywords,
      nameSuffixes: new Set(data.nameSuffixes),
      keyNameWords: new Set(data.keyNameWords),
      referenceKeys: new Set(data.referenceKeys),
      placeholders: data.placeholders.map((p) => compile(p, where)),
      references: data.references.map((p) => compile(p, where)),
      encrypted: data.encrypted.map((p) => compile(p, where)),
      generators: data.generators,
    };
  }
  if (extra.length === 0) return builtin;
  const key = JSON.stringify(extra);
  let patterns = withExtra.get(key);
  if (!patterns) {
    patterns = {
      ...builtin,
      formats: [...extra.map((f) => compileFormat(f, 'rules.plaintext-secret.patterns')), ...builtin.formats],
    };
    withExtra.set(key, patterns);
  }
  return patterns;
}
