/**
 * Suppressions (DESIGN.md §9): comments in values files and templates, the `chartlint.io/ignore` annotation on a
 * resource, and `exclude:` entries of the configuration. A suppressed finding is never dropped: it keeps everything
 * and is marked `suppressed` with the reason, so reports can count it and SARIF can list it under `suppressions`.
 *
 * Comment directives (in any repository file a finding points at: values files, templates, Chart.yaml):
 *
 * ```yaml
 * # chartlint-disable-next-line RULE[, RULE…] [-- justification]
 * key: value  # chartlint-disable-line RULE [-- justification]
 * # chartlint-disable RULE …   (until `# chartlint-enable RULE …` or the end of the file)
 * {{/* chartlint-disable-next-line RULE -- justification *\/}}   (the template-comment form of any of these)
 * ```
 *
 * `all`, or no rule at all, stands for every rule; a policy rule can be named by its full id
 * (`chartlint.image_latest_tag/warn`) or by its package (`chartlint.image_latest_tag`). `disable-next-line` skips
 * over directly following lines that hold only directives, so several of them can be stacked.
 *
 * Which lines a comment covers: a finding is suppressed by a comment covering its primary location line, or the line
 * of a related location labelled `template`. The second case matters when the primary location is the values line
 * that supplied a bad value: the template line that wrote it is the other place a human edits, and a comment there
 * means "this template line is fine whatever the values say". Other related locations (the rendered position, the
 * include call sites of a render error) are not honoured, so a comment far from the problem cannot hide it. A
 * location without a line counts as line 1, so only a range opened at the top of the file covers it.
 */
import { posix } from 'node:path';
import type { Finding } from '../diagnostics/finding.js';
import type { Location } from '../diagnostics/location.js';
import type { ExcludeConfig } from '../config/types.js';
import type { RenderedManifest } from '../manifests/types.js';

/** The annotation that suppresses rules for one resource: `chartlint.io/ignore: "RULE, RULE -- justification"`. */
export const IGNORE_ANNOTATION = 'chartlint.io/ignore';

/** What {@link applySuppressions} needs besides the findings. */
export interface SuppressionContext {
  /** The text of a repository file by display path; undefined when it cannot be read (no comment applies then). */
  readText(file: string): string | undefined;
  /**
   * The value of the {@link IGNORE_ANNOTATION} annotation on the finding's resource as rendered in `environment`, if
   * any. {@link ignoreAnnotationLookup} builds it from the rendered manifests.
   */
  ignoreAnnotation?(finding: Finding, environment: string): string | undefined;
  /** `exclude:` entries of the configuration that applies to the findings' chart. */
  excludes: readonly ExcludeConfig[];
  /**
   * Display path of the directory holding the configuration file: `chart` globs of excludes are matched against the
   * chart's path relative to it, so they mean the same wherever chartlint is run from. Absent: the display path.
   */
  configDir?: string;
}

/**
 * Marks findings that a comment, an annotation or a configuration exclude suppresses (checked in that order; the
 * first that applies is recorded). Findings that are already suppressed (a Rego `exception`) keep their reason.
 * Returns new finding objects for the suppressed ones; the input is not modified and nothing is dropped.
 */
export function applySuppressions(findings: readonly Finding[], ctx: SuppressionContext): Finding[] {
  const directives = new Map<string, FileDirectives | undefined>();
  const directivesOf = (file: string): FileDirectives | undefined => {
    if (!directives.has(file)) {
      const text = ctx.readText(file);
      directives.set(file, text === undefined ? undefined : parseDirectives(text));
    }
    return directives.get(file);
  };
  const excludes = ctx.excludes.map(compileExclude);
  return findings.map((finding) => {
    if (finding.suppressed) return finding;
    const suppression =
      commentSuppression(finding, directivesOf) ??
      annotationSuppression(finding, ctx) ??
      configSuppression(finding, excludes, ctx.configDir);
    return suppression ? { ...finding, suppressed: true, suppression } : finding;
  });
}

/**
 * Looks up the {@link IGNORE_ANNOTATION} annotation of a finding's resource among rendered manifests (of one or
 * several environments), by environment and resource identity.
 */
export function ignoreAnnotationLookup(
  manifests: Iterable<RenderedManifest>,
): (finding: Finding, environment: string) => string | undefined {
  const byResource = new Map<string, string>();
  for (const m of manifests) {
    const metadata = m.object.metadata;
    if (metadata === null || typeof metadata !== 'object') continue;
    const annotations = (metadata as Record<string, unknown>).annotations;
    if (annotations === null || typeof annotations !== 'object') continue;
    const value = (annotations as Record<string, unknown>)[IGNORE_ANNOTATION];
    if (value === undefined || value === null) continue;
    byResource.set(resourceKey(m.environment, m.resource), String(value));
  }
  return (finding, environment) =>
    finding.resource ? byResource.get(resourceKey(environment, finding.resource)) : undefined;
}

function resourceKey(environment: string, r: NonNullable<Finding['resource']>): string {
  return [environment, r.apiVersion, r.kind, r.namespace ?? '', r.name].join('\u0000');
}

type Suppression = NonNullable<Finding['suppression']>;

// ---------------------------------------------------------------------------------------------------------------
// Comments

type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

interface Directive {
  kind: DirectiveKind;
  /** 1-based line of the comment. */
  line: number;
  /** Rule names; empty means every rule. */
  rules: string[];
  justification?: string;
}

interface FileDirectives {
  /** `disable-line` / `disable-next-line` directives by the line they cover. */
  byLine: Map<number, Directive[]>;
  /** `disable` / `enable` directives in file order. */
  ranges: Directive[];
}

const DIRECTIVE = /^chartlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/s;
// `{{/* … */}}` and `{{- /* … */ -}}`: the only comment form Go templates have.
const TEMPLATE_COMMENT = /\{\{-?\s*\/\*\s*(.*?)\s*\*\/\s*-?\}\}/g;
// A YAML comment starts with `#` at the start of a line or after whitespace.
const YAML_COMMENT = /(?:^|\s)#\s*(chartlint-.*)$/;

/** Every chartlint directive of a file. */
function parseDirectives(text: string): FileDirectives {
  const lines = text.split(/\r?\n|\r/);
  const found: Directive[] = [];
  const onlyDirectives = new Set<number>();
  lines.forEach((content, index) => {
    const line = index + 1;
    const bodies: string[] = [];
    let rest = content.replace(TEMPLATE_COMMENT, (whole, body: string) => {
      if (!DIRECTIVE.test(body)) return whole;
      bodies.push(body);
      return '';
    });
    const yaml = YAML_COMMENT.exec(rest);
    if (yaml?.[1] !== undefined && DIRECTIVE.test(yaml[1])) {
      bodies.push(yaml[1]);
      rest = rest.slice(0, yaml.index);
    }
    for (const body of bodies) {
      const directive = parseDirective(body, line);
      if (directive) found.push(directive);
    }
    if (bodies.length > 0 && rest.trim() === '') onlyDirectives.add(line);
  });
  const byLine = new Map<number, Directive[]>();
  const ranges: Directive[] = [];
  for (const d of found) {
    if (d.kind === 'disable' || d.kind === 'enable') {
      ranges.push(d);
      continue;
    }
    let target = d.line;
    if (d.kind === 'disable-next-line') {
      target++;
      while (onlyDirectives.has(target)) target++;
    }
    const list = byLine.get(target) ?? [];
    list.push(d);
    byLine.set(target, list);
  }
  return { byLine, ranges };
}

function parseDirective(body: string, line: number): Directive | undefined {
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const { rules, justification } = parseRuleList(m[2] ?? '');
  return { kind: m[1] as DirectiveKind, line, rules, ...(justification ? { justification } : {}) };
}

/** `RULE, RULE -- justification` (used by comments and by the annotation). */
function parseRuleList(text: string): { rules: string[]; justification?: string } {
  const separator = /(?:^|\s)--(?:\s|$)/.exec(text);
  const list = separator ? text.slice(0, separator.index) : text;
  const justification = separator ? text.slice(separator.index + separator[0].length).trim() : '';
  return {
    rules: list.split(/[\s,]+/).filter((r) => r !== ''),
    ...(justification ? { justification } : {}),
  };
}

/** True when a rule list names `ruleId` (empty list and `all` name every rule; a policy package names its rules). */
function namesRule(rules: readonly string[], ruleId: string): boolean {
  if (rules.length === 0) return true;
  return rules.some((r) => r === 'all' || r === ruleId || ruleId.startsWith(`${r}/`));
}

/** The directive that suppresses `ruleId` at `line`, if any. */
function directiveAt(file: FileDirectives, ruleId: string, line: number): Directive | undefined {
  const onLine = file.byLine.get(line)?.find((d) => namesRule(d.rules, ruleId));
  if (onLine) return onLine;
  let open: Directive | undefined;
  for (const d of file.ranges) {
    if (d.line > line) break;
    if (!namesRule(d.rules, ruleId)) continue;
    open = d.kind === 'disable' ? d : undefined;
  }
  return open;
}

function commentSuppression(
  finding: Finding,
  directivesOf: (file: string) => FileDirectives | undefined,
): Suppression | undefined {
  const candidates: Location[] = [finding.location, ...finding.related.filter((r) => r.label === 'template')];
  for (const location of candidates) {
    const file = directivesOf(location.file);
    const directive = file && directiveAt(file, finding.ruleId, location.startLine ?? 1);
    if (directive) {
      return {
        kind: 'comment',
        ...(directive.justification ? { justification: directive.justification } : {}),
      };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Annotation

/**
 * The annotation suppresses a finding only when it names the rule in every environment the finding occurred in: a
 * resource annotated in `prod` only must still be reported for `dev`.
 */
function annotationSuppression(finding: Finding, ctx: SuppressionContext): Suppression | undefined {
  if (!ctx.ignoreAnnotation || !finding.resource || finding.environments.length === 0) return undefined;
  let justification: string | undefined;
  for (const environment of finding.environments) {
    const value = ctx.ignoreAnnotation(finding, environment);
    if (value === undefined) return undefined;
    const parsed = parseRuleList(value);
    // An empty annotation value names no rule: unlike a comment, it is most likely a template that rendered nothing.
    if (parsed.rules.length === 0 || !namesRule(parsed.rules, finding.ruleId)) return undefined;
    justification ??= parsed.justification;
  }
  return { kind: 'annotation', ...(justification ? { justification } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Configuration excludes

interface CompiledExclude {
  rule?: RegExp;
  chart?: RegExp;
  kind?: RegExp;
  name?: RegExp;
  reason?: string;
}

function compileExclude(e: ExcludeConfig): CompiledExclude {
  return {
    ...(e.rule !== undefined ? { rule: globToRegExp(e.rule, false) } : {}),
    ...(e.chart !== undefined ? { chart: globToRegExp(e.chart.replace(/\/+$/, ''), true) } : {}),
    ...(e.kind !== undefined ? { kind: globToRegExp(e.kind, false) } : {}),
    ...(e.name !== undefined ? { name: globToRegExp(e.name, false) } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
  };
}

/**
 * Every field an exclude gives must match. An entry with no field besides `reason` matches nothing: a stray
 * `- reason: …` must not silence a whole repository. `kind` and `name` need a resource.
 */
function configSuppression(
  finding: Finding,
  excludes: readonly CompiledExclude[],
  configDir: string | undefined,
): Suppression | undefined {
  const chart = configDir === undefined ? finding.chart : posix.relative(configDir, finding.chart) || '.';
  const hit = excludes.find(
    (e) =>
      (e.rule ?? e.chart ?? e.kind ?? e.name) !== undefined &&
      (!e.rule || e.rule.test(finding.ruleId)) &&
      (!e.chart || e.chart.test(chart)) &&
      (!e.kind || (finding.resource !== undefined && e.kind.test(finding.resource.kind))) &&
      (!e.name || (finding.resource !== undefined && e.name.test(finding.resource.name))),
  );
  if (!hit) return undefined;
  return { kind: 'config', ...(hit.reason ? { justification: hit.reason } : {}) };
}

/**
 * Compiles a glob with minimatch's syntax — `*`, `?`, `**`, `[…]`/`[!…]` classes, `{a,b}` alternatives, `\`
 * escapes — to an anchored RegExp. For paths (`pathLike`), `*` and `?` stay within a segment and `**` spans segments
 * (`a/**` also matches `a`); dot-files are matched like any name. For rule ids, kinds and names `/` is an ordinary
 * character, because policy ids contain it (`chartlint.*` must match `chartlint.image_latest_tag/warn`). Written
 * here rather than borrowed: minimatch is not a dependency of ours and `path.matchesGlob` warns on Node 20.
 */
function globToRegExp(glob: string, pathLike: boolean): RegExp {
  const any = pathLike ? '[^/]*' : '.*';
  const one = pathLike ? '[^/]' : '.';
  const closers = matchingBraces(glob);
  let out = '';
  const open: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '\\' && i + 1 < glob.length) {
      out += escapeRegExp(glob[++i] as string);
    } else if (ch === '*') {
      let stars = 1;
      while (glob[i + 1] === '*') {
        stars++;
        i++;
      }
      if (!pathLike || stars === 1) out += any;
      else {
        const segmentStart = i - stars + 1 === 0 || glob[i - stars] === '/';
        const segmentEnd = i + 1 === glob.length || glob[i + 1] === '/';
        if (!segmentStart || !segmentEnd) out += any;
        else if (i + 1 === glob.length) {
          // `a/**` matches `a` too: make the slash before it optional.
          if (out.endsWith('/')) out = `${out.slice(0, -1)}(?:/.*)?`;
          else out += '.*';
        } else {
          out += '(?:[^/]*(?:/[^/]*)*/)?';
          i++; // the `/` after `**` is part of the optional group
        }
      }
    } else if (ch === '?') {
      out += one;
    } else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        const negated = body.startsWith('!') || body.startsWith('^');
        if (negated) body = body.slice(1);
        out += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, (c) => `\\${c}`)}]`;
        i = end;
      }
    } else if (ch === '{' && closers.has(i)) {
      open.push(closers.get(i) as number);
      out += '(?:';
    } else if (ch === ',' && open.length > 0) {
      out += '|';
    } else if (ch === '}' && open.at(-1) === i) {
      open.pop();
      out += ')';
    } else {
      out += escapeRegExp(ch);
    }
  }
  return new RegExp(`^${out}$`);
}

/** Positions of `{` that have a matching `}` (and contain a comma), mapped to that `}`; others are literal. */
function matchingBraces(glob: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: { at: number; comma: boolean }[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i++;
    else if (ch === '{') stack.push({ at: i, comma: false });
    else if (ch === ',' && stack.length > 0) (stack.at(-1) as { comma: boolean }).comma = true;
    else if (ch === '}') {
      const top = stack.pop();
      if (top?.comma) pairs.set(top.at, i);
    }
  }
  return pairs;
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
}
