/**
 * `.helmignore` exactly as Helm's `pkg/ignore` applies it (§1.1): one pattern per line, `#` comments, `**` rejected,
 * `!` negation, trailing `/` for directories only, leading `/` anchors, patterns with a `/` match the whole relative
 * path and others the base name, all with Go's filepath.Match; the default rule `templates/.?*` is always added.
 */
import { ChartlintError } from '../diagnostics/errors.js';
import { positionAt } from '../diagnostics/location.js';
import { BadPatternError, checkGoPattern, goPathMatch } from './go-path-match.js';
import type { HelmIgnore, SourceFile } from './types.js';

/** Helm's built-in rule: hidden files and directories inside `templates/` are never templates. */
export const DEFAULT_HELMIGNORE_RULE = 'templates/.?*';

interface Rule {
  raw: string;
  negate: boolean;
  mustDir: boolean;
  match: (path: string) => boolean;
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Pattern matching that treats a malformed pattern as "no match", as Helm does at match time (it logs and moves on). */
function safeMatch(pattern: string, name: string): boolean {
  try {
    return goPathMatch(pattern, name);
  } catch (error) {
    if (error instanceof BadPatternError) return false;
    throw error;
  }
}

/** Compiles one trimmed, non-comment line; returns an error message when Helm would reject it. */
function compileRule(line: string): Rule | string {
  if (line.includes('**')) return 'double-star (**) syntax is not supported';
  try {
    checkGoPattern(line);
  } catch (error) {
    if (error instanceof BadPatternError) return error.message;
    throw error;
  }
  let pattern = line;
  const negate = pattern.startsWith('!');
  if (negate) pattern = pattern.slice(1);
  const mustDir = pattern.endsWith('/');
  if (mustDir) pattern = pattern.slice(0, -1);
  let match: (path: string) => boolean;
  if (pattern.startsWith('/')) {
    const anchored = pattern.slice(1);
    match = (path) => safeMatch(anchored, path);
  } else if (pattern.includes('/')) {
    match = (path) => safeMatch(pattern, path);
  } else {
    match = (path) => safeMatch(pattern, baseName(path));
  }
  return { raw: line, negate, mustDir, match };
}

/** Builds a {@link HelmIgnore} from compiled rules, with Helm's evaluation order and its negation semantics. */
function rulesOf(rules: Rule[]): HelmIgnore {
  return {
    patterns: rules.map((rule) => rule.raw),
    ignores(path: string, isDir: boolean): boolean {
      if (path === '' || path === '.' || path === './') return false;
      for (const rule of rules) {
        if (rule.negate) {
          // Helm's quirk, kept on purpose: a negated rule ignores everything it does NOT match.
          if (rule.mustDir && !isDir) return true;
          if (!rule.match(path)) return true;
          continue;
        }
        if (rule.mustDir && !isDir) continue;
        if (rule.match(path)) return true;
      }
      return false;
    },
  };
}

/**
 * Parses `.helmignore` text (`file` locates errors; pass undefined when the chart has none) and appends the default
 * rule. A rejected pattern throws a located `chart-invalid` error with Helm's text.
 */
export function parseHelmIgnore(file: SourceFile | undefined): HelmIgnore {
  const rules: Rule[] = [];
  if (file) {
    const lines = file.text.split('\n');
    let offset = 0;
    for (const rawLine of lines) {
      const line = rawLine.trim();
      if (line !== '' && !line.startsWith('#')) {
        const rule = compileRule(line);
        if (typeof rule === 'string') {
          const start = offset + rawLine.indexOf(line);
          const at = positionAt(file.lineStarts, start);
          throw new ChartlintError('chart-invalid', `.helmignore: ${rule}: ${JSON.stringify(line)}`, {
            location: {
              file: file.path,
              startLine: at.line,
              startColumn: at.column,
              endLine: at.line,
              endColumn: at.column + line.length,
            },
          });
        }
        rules.push(rule);
      }
      offset += rawLine.length + 1;
    }
  }
  rules.push(compileRule(DEFAULT_HELMIGNORE_RULE) as Rule);
  return rulesOf(rules);
}
