/** rules/secret-patterns.yaml, matched with RE2 (user-supplied patterns must not be able to hang a run). */
import type { RE2JS } from 're2js';
import { re2js } from '../../values/re2.js';
import { ChartlintError } from '../../diagnostics/errors.js';
import { loadRuleData } from '../data.js';

/** One known credential format as written in the data file (or a rule option). */
export interface SecretFormat {
  id: string;
  description: string;
  regex: string;
  allow?: string;
  /** Lowercase strings one of which every match contains (a prefilter); absent = try every value. */
  keywords?: string[];
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

/** What the detectors call on an expression: RE2JS's matcher. */
export interface Pattern {
  matcher(input: string): Matcher;
}
type Matcher = ReturnType<RE2JS['matcher']>;

/** A format with its expressions. */
export interface CompiledFormat {
  id: string;
  description: string;
  regex: Pattern;
  allow?: Pattern;
  /** Lowercase strings one of which every match contains; undefined = try every value. */
  keywords?: readonly string[];
}

/** Everything the detectors need. */
export interface SecretPatterns {
  formats: CompiledFormat[];
  keywords: readonly string[];
  nameSuffixes: ReadonlySet<string>;
  keyNameWords: ReadonlySet<string>;
  referenceKeys: ReadonlySet<string>;
  placeholders: Pattern[];
  references: Pattern[];
  encrypted: Pattern[];
  generators: readonly string[];
}

function compile(pattern: string, where: string): RE2JS {
  try {
    return re2js().compile(pattern);
  } catch (e) {
    throw new ChartlintError(
      'config-invalid',
      `${where}: invalid regular expression: ${(e as Error).message}`,
    );
  }
}

/**
 * A shipped expression, compiled when first used: compiling all ~40 costs more than scanning a small chart, and
 * most never run. The build compiles each one (scripts/build-data.mjs), so this cannot fail at run time.
 */
class LazyPattern implements Pattern {
  #compiled: RE2JS | undefined;
  constructor(
    private readonly source: string,
    private readonly where: string,
  ) {}
  matcher(input: string): Matcher {
    this.#compiled ??= compile(this.source, this.where);
    return this.#compiled.matcher(input);
  }
}

/** A format whose expressions are compiled now (user formats: a bad one must fail the run at once) or lazily. */
function compileFormat(f: SecretFormat, where: string, lazy: boolean): CompiledFormat {
  const make = (source: string): Pattern =>
    lazy ? new LazyPattern(source, `${where} ${f.id}`) : compile(source, `${where} ${f.id}`);
  return {
    id: f.id,
    description: f.description,
    regex: make(f.regex),
    ...(f.allow !== undefined ? { allow: make(f.allow) } : {}),
    ...(f.keywords !== undefined ? { keywords: f.keywords } : {}),
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
      formats: data.formats.map((f) => compileFormat(f, where, true)),
      keywords: data.keywords,
      nameSuffixes: new Set(data.nameSuffixes),
      keyNameWords: new Set(data.keyNameWords),
      referenceKeys: new Set(data.referenceKeys),
      placeholders: data.placeholders.map((p) => new LazyPattern(p, where)),
      references: data.references.map((p) => new LazyPattern(p, where)),
      encrypted: data.encrypted.map((p) => new LazyPattern(p, where)),
      generators: data.generators,
    };
  }
  if (extra.length === 0) return builtin;
  const key = JSON.stringify(extra);
  let patterns = withExtra.get(key);
  if (!patterns) {
    patterns = {
      ...builtin,
      formats: [
        ...extra.map((f) => compileFormat(f, 'rules.plaintext-secret.patterns', false)),
        ...builtin.formats,
      ],
    };
    withExtra.set(key, patterns);
  }
  return patterns;
}
