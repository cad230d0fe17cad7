/**
 * Masterminds semver v3.4.0 (the library Helm 4.1.4 bundles): versions, constraints and their check, shared by
 * Sprig's `semver`/`semverCompare` (helm-render-spec.md §11.14), Helm's dependency and `kubeVersion` checks
 * ({@link isCompatibleRange}) and the rules that read Chart.yaml ranges.
 *
 * Charts lean on the exact rules (`semverCompare ">=1.20" .Capabilities.KubeVersion.Version` is false for
 * `1.28.3-gke.1`), so this follows the library's algorithm rather than npm's semver: versions are lenient (`v`
 * prefix, missing minor/patch, leading zeros), and a prerelease version satisfies an AND group only when some
 * constraint of that group names a prerelease.
 */
import { GoBytes, GoFuncError, GoObject, type GoFuncSpec } from './model.js';
import { re2js } from './re2.js';

/** Go's `\s` (RE2 Perl class: tab, newline, form feed, carriage return, space). */
const S = '[\\t\\n\\f\\r ]';
const VERSION_RE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = (1n << 64n) - 1n;

/** Go's `strconv.ParseUint(s, 10, 64)` for an all-digit string, with the library's error wrapping. */
function parseSegment(s: string): bigint {
  const n = BigInt(s);
  if (n > UINT64_MAX) {
    throw new GoFuncError(
      `error parsing version segment: strconv.ParseUint: parsing "${s}": value out of range`,
    );
  }
  return n;
}

/** A Masterminds `*semver.Version`. */
export class SemverVersion extends GoObject {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
    readonly goType: string = '*semver.Version',
  ) {
    super();
  }

  /** `NewVersion`: lenient parsing; throws the library's error texts. */
  static parse(v: string): SemverVersion {
    const m = VERSION_RE.exec(v);
    if (!m) throw new GoFuncError('invalid semantic version');
    const major = parseSegment(m[1] as string);
    const minor = m[2] ? parseSegment(m[2].slice(1)) : 0n;
    const patch = m[3] ? parseSegment(m[3].slice(1)) : 0n;
    const pre = m[5] ?? '';
    validatePrerelease(pre);
    return new SemverVersion(major, minor, patch, pre, m[8] ?? '', v);
  }

  /** The normalised form, without the `v` prefix. */
  override stringer(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre !== '') s += '-' + this.pre;
    if (this.metadata !== '') s += '+' + this.metadata;
    return s;
  }
  formatV(): string {
    return this.stringer();
  }

  /** -1, 0 or 1; build metadata is ignored and a prerelease sorts before its release. */
  compare(o: SemverVersion): number {
    for (const [a, b] of [
      [this.major, o.major],
      [this.minor, o.minor],
      [this.patch, o.patch],
    ] as const) {
      if (a !== b) return a < b ? -1 : 1;
    }
    if (this.pre === '' && o.pre === '') return 0;
    if (this.pre === '') return 1;
    if (o.pre === '') return -1;
    return comparePrerelease(this.pre, o.pre);
  }

  /** The `Inc*` methods: a `semver.Version` value whose original keeps a `v` prefix. */
  next(major: bigint, minor: bigint, patch: bigint): SemverVersion {
    const bare = new SemverVersion(major, minor, patch, '', '', '', 'semver.Version');
    const prefix = this.original.startsWith('v') ? 'v' : '';
    return new SemverVersion(major, minor, patch, '', '', prefix + bare.stringer(), 'semver.Version');
  }

  /** A copy with another prerelease or metadata (`SetPrerelease`/`SetMetadata`). */
  with(pre: string, metadata: string): SemverVersion {
    const bare = new SemverVersion(this.major, this.minor, this.patch, pre, metadata, '', 'semver.Version');
    const prefix = this.original.startsWith('v') ? 'v' : '';
    return new SemverVersion(
      this.major,
      this.minor,
      this.patch,
      pre,
      metadata,
      prefix + bare.stringer(),
      bare.goType,
    );
  }

  /**
   * Methods as Go's method sets allow: a `*semver.Version` has them all; a `semver.Version` value (what `Inc*`
   * return) is not addressable, so the pointer-receiver methods (`Original`, `Compare`, …) are not in its set.
   */
  override method(name: string): GoFuncSpec | undefined {
    return (
      valueMethod(this, name) ?? (this.goType === '*semver.Version' ? pointerMethod(this, name) : undefined)
    );
  }
}

const nullary = (result: string, fn: () => unknown): GoFuncSpec => ({ params: [], result, call: () => fn() });

/** Methods with value receivers. */
function valueMethod(v: SemverVersion, name: string): GoFuncSpec | undefined {
  const text = (): Uint8Array => Buffer.from(v.stringer(), 'utf8');
  switch (name) {
    case 'Major':
      return nullary('uint64', () => v.major);
    case 'Minor':
      return nullary('uint64', () => v.minor);
    case 'Patch':
      return nullary('uint64', () => v.patch);
    case 'Prerelease':
      return nullary('string', () => v.pre);
    case 'Metadata':
      return nullary('string', () => v.metadata);
    case 'String':
      return nullary('string', () => v.stringer());
    case 'IncMajor':
      return nullary('semver.Version', () => v.next(v.major + 1n, 0n, 0n));
    case 'IncMinor':
      return nullary('semver.Version', () => v.next(v.major, v.minor + 1n, 0n));
    case 'IncPatch':
      // A prerelease increments to its release (semver.org §9).
      return nullary('semver.Version', () => v.next(v.major, v.minor, v.pre ? v.patch : v.patch + 1n));
    case 'SetPrerelease':
      return {
        params: ['string'],
        result: 'semver.Version',
        call: (_ctx, pre) => {
          if (pre !== '') validateIdentifiers(pre as string, 'prerelease');
          return v.with(pre as string, v.metadata);
        },
      };
    case 'SetMetadata':
      return {
        params: ['string'],
        result: 'semver.Version',
        call: (_ctx, meta) => {
          if (meta !== '') validateIdentifiers(meta as string, 'metadata');
          return v.with(v.pre, meta as string);
        },
      };
    case 'MarshalJSON':
      return nullary('[]uint8', () => new GoBytes(Buffer.from(JSON.stringify(v.stringer()), 'utf8')));
    case 'MarshalText':
      return nullary('[]uint8', () => new GoBytes(text()));
    case 'Value':
      // driver.Value is an interface; templates see the string inside.
      return nullary('interface {}', () => v.stringer());
    default:
      return undefined;
  }
}

/** Methods with pointer receivers. */
function pointerMethod(v: SemverVersion, name: string): GoFuncSpec | undefined {
  const cmp = (result: string, fn: (c: number) => unknown): GoFuncSpec => ({
    params: ['*semver.Version'],
    result,
    call: (_ctx, o) => fn(v.compare(o as SemverVersion)),
  });
  switch (name) {
    case 'Original':
      return nullary('string', () => v.original);
    case 'Compare':
      return cmp('int', (c) => c);
    case 'LessThan':
      return cmp('bool', (c) => c < 0);
    case 'GreaterThan':
      return cmp('bool', (c) => c > 0);
    case 'Equal':
      return cmp('bool', (c) => c === 0);
    default:
      return undefined;
  }
}

/** `SetPrerelease`/`SetMetadata` validation: dot-separated, non-empty `[0-9A-Za-z-]` identifiers. */
function validateIdentifiers(s: string, kind: 'prerelease' | 'metadata'): void {
  for (const part of s.split('.')) {
    if (!/^[0-9A-Za-z-]+$/.test(part)) throw new GoFuncError(`invalid ${kind} string`);
  }
  if (kind === 'prerelease') validatePrerelease(s);
}

/** Numeric prerelease identifiers must not have leading zeros. */
function validatePrerelease(pre: string): void {
  if (pre === '') return;
  for (const part of pre.split('.')) {
    if (/^[0-9]+$/.test(part) && part.length > 1 && part.startsWith('0')) {
      throw new GoFuncError('version segment starts with 0');
    }
  }
}

const isNumeric = (s: string): boolean => /^[0-9]+$/.test(s) && BigInt(s) <= UINT64_MAX;

/** Compares one prerelease identifier: numbers numerically and below words; a missing one sorts first. */
function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const sn = isNumeric(s);
  const on = isNumeric(o);
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    const d = comparePrePart(as[i] ?? '', bs[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

// ---- constraints ----

const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const CV =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
/** The library's four regular expressions, in JavaScript syntax with Go's `\s`. */
const CONSTRAINT_RE = new RegExp(`^${S}*(${OPS})${S}*(${CV})${S}*$`);
const RANGE_RE = new RegExp(`${S}*(${CV})${S}+-${S}+(${CV})${S}*`, 'g');
const FIND_RE = new RegExp(`(${OPS})${S}*(${CV})`, 'g');
// Whitespace can be split between neighbouring `S*` in many ways: JavaScript's backtracking took seconds on a
// 40-character constraint. Go matches it with RE2, and so does this (compiled on first use).
const VALID_SOURCE = `^(${S}*(${OPS})${S}*(${CV})${S}*)((?:${S}+|,${S}*)(${OPS})${S}*(${CV})${S}*)*$`;
let validRe: ReturnType<ReturnType<typeof re2js>['compile']> | undefined;
const isValidGroup = (group: string): boolean =>
  (validRe ??= re2js().compile(VALID_SOURCE)).matcher(group).matches();

type Op = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

interface Constraint {
  op: Op;
  con: SemverVersion;
  orig: string;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (s: string): boolean => s === 'x' || s === 'X' || s === '*';

function parseConstraint(text: string): Constraint {
  const m = CONSTRAINT_RE.exec(text);
  if (!m) throw new GoFuncError(`improper constraint: ${text}`);
  const [, op = '', orig = '', major = '', minor = '', patch = '', pre = ''] = m;
  let ver = orig;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === '') {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.slice(1)) || minor === '') {
    ver = `${major}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (isX(patch.slice(1)) || patch === '') {
    ver = `${major}${minor}.0${pre}`;
    dirty = patchDirty = true;
  }
  let con: SemverVersion;
  try {
    con = SemverVersion.parse(ver);
  } catch {
    throw new GoFuncError('constraint parser error');
  }
  return { op: op as Op, con, orig, dirty, minorDirty, patchDirty };
}

/** `A - B` becomes `>= A, <= B ` (the library's rewrite, trailing space included). */
function rewriteRanges(c: string): string {
  let out = c;
  for (const m of c.matchAll(RANGE_RE)) out = out.replace(m[0], `>= ${m[1]}, <= ${m[11]} `);
  return out;
}

/** Parses a constraint string into OR groups of AND constraints (`NewConstraint`). */
export function parseConstraints(text: string): Constraint[][] {
  return rewriteRanges(text)
    .split('||')
    .map((group) => {
      if (!isValidGroup(group)) throw new GoFuncError(`improper constraint: ${group}`);
      const found = [...group.matchAll(FIND_RE)].map((m) => m[0]);
      return (found.length ? found : [group]).map(parseConstraint);
    });
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  if (v.compare(c.con) < 0) return false;
  // ~0.0.0 accepts everything.
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty)
    return true;
  if (v.major !== c.con.major) return false;
  return v.minor === c.con.minor || c.minorDirty;
}

function caret(v: SemverVersion, c: Constraint): boolean {
  if (v.compare(c.con) < 0) return false;
  // ^1.2.3 is <2.0.0; for 0.x the minor is the breaking part, and for 0.0.x the patch.
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
  if (v.major > 0n) return false;
  if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
  if (v.minor > 0n) return false;
  return v.patch === c.con.patch;
}

function notEqual(v: SemverVersion, c: Constraint): boolean {
  if (c.dirty) {
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.pre !== '' || c.con.pre !== '') return comparePrerelease(v.pre, c.con.pre) !== 0;
      return false;
    }
  }
  return v.compare(c.con) !== 0;
}

function greaterThan(v: SemverVersion, c: Constraint): boolean {
  if (!c.dirty) return v.compare(c.con) === 1;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major) return false;
  // `>11` needs 12 or higher; `>11.1` needs 11.2 or higher.
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > c.con.minor;
  return v.compare(c.con) === 1;
}

function lessThanEqual(v: SemverVersion, c: Constraint): boolean {
  if (!c.dirty) return v.compare(c.con) <= 0;
  if (v.major > c.con.major) return false;
  return !(v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty);
}

function check(v: SemverVersion, c: Constraint, includePre: boolean): boolean {
  if (v.pre !== '' && !includePre) return false;
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : v.compare(c.con) === 0;
    case '!=':
      return notEqual(v, c);
    case '>':
      return greaterThan(v, c);
    case '<':
      return v.compare(c.con) < 0;
    case '>=':
    case '=>':
      return v.compare(c.con) >= 0;
    case '<=':
    case '=<':
      return lessThanEqual(v, c);
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      return caret(v, c);
  }
}

/** `Constraints.Check`: some OR group whose constraints all hold. */
export function satisfies(groups: Constraint[][], v: SemverVersion): boolean {
  return groups.some((group) => {
    const includePre = group.some((c) => c.con.pre !== '');
    return group.every((c) => check(v, c, includePre));
  });
}

/**
 * Helm's `IsCompatibleRange(constraint, version)`: false when either does not parse (an empty constraint included),
 * so a dependency with such a version is dropped.
 */
export function isCompatibleRange(constraint: string, version: string): boolean {
  try {
    return satisfies(parseConstraints(constraint), SemverVersion.parse(version));
  } catch (e) {
    if (e instanceof GoFuncError) return false;
    throw e;
  }
}
