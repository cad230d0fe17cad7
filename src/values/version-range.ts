/**
 * The part of Masterminds semver v3 constraints that dependency selection needs (Helm's `IsCompatibleRange`):
 * does a subchart's version satisfy a `dependencies[].version` constraint? Supports `=`, `!=`, `>`, `<`, `>=`,
 * `<=`, `~`, `^`, `x`/`*` wildcards, hyphen ranges, `,`/space conjunctions and `||`. An unparsable version or
 * constraint (including the empty string) never matches, as in Helm, so such a dependency is dropped.
 */

interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: string;
}

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parseVersion(text: string): Version | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), pre: m[4] ?? '' };
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function compare(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePre(a.pre, b.pre);
}

/** A constraint operand: the version with which parts were wildcards (`1.x` → minor and patch wild). */
interface Operand {
  v: Version;
  /** Index of the first wildcard part (0 major, 1 minor, 2 patch), or 3 when fully specified. */
  wild: number;
}

function parseOperand(text: string): Operand | undefined {
  const m =
    /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
      text,
    );
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]];
  let wild = 3;
  const nums = parts.map((p, i) => {
    if (p === undefined || /^[xX*]$/.test(p)) {
      wild = Math.min(wild, i);
      return 0;
    }
    return Number(p);
  });
  return { v: { major: nums[0] ?? 0, minor: nums[1] ?? 0, patch: nums[2] ?? 0, pre: m[4] ?? '' }, wild };
}

/** The version just above an operand's wildcard span (`1.2.x` → 1.3.0). */
function bumpAt(o: Operand, at: number): Version {
  if (at <= 0) return { major: o.v.major + 1, minor: 0, patch: 0, pre: '' };
  if (at === 1) return { major: o.v.major, minor: o.v.minor + 1, patch: 0, pre: '' };
  return { major: o.v.major, minor: o.v.minor, patch: o.v.patch + 1, pre: '' };
}

type Check = (v: Version) => boolean;

function single(op: string, o: Operand): Check | undefined {
  const lo = o.v;
  switch (op) {
    case '':
    case '=':
      if (o.wild === 0) return () => true;
      if (o.wild < 3) return (v) => compare(v, lo) >= 0 && compare(v, bumpAt(o, o.wild - 1)) < 0;
      return (v) => compare(v, lo) === 0;
    case '!=':
      if (o.wild < 3) return (v) => !(compare(v, lo) >= 0 && compare(v, bumpAt(o, o.wild - 1)) < 0);
      return (v) => compare(v, lo) !== 0;
    case '>':
      if (o.wild < 3) return (v) => compare(v, bumpAt(o, o.wild - 1)) >= 0;
      return (v) => compare(v, lo) > 0;
    case '>=':
    case '=>':
      return (v) => compare(v, lo) >= 0;
    case '<':
      return (v) => compare(v, lo) < 0;
    case '<=':
    case '=<':
      if (o.wild < 3) return (v) => compare(v, bumpAt(o, o.wild - 1)) < 0;
      return (v) => compare(v, lo) <= 0;
    case '~':
    case '~>': {
      const hi = o.wild <= 1 ? bumpAt(o, 0) : bumpAt(o, 1);
      return (v) => compare(v, lo) >= 0 && compare(v, hi) < 0;
    }
    case '^': {
      const hi =
        lo.major > 0 || o.wild <= 1
          ? bumpAt(o, 0)
          : lo.minor > 0 || o.wild === 2
            ? bumpAt(o, 1)
            : bumpAt(o, 2);
      return (v) => compare(v, lo) >= 0 && compare(v, hi) < 0;
    }
  }
  return undefined;
}

/** Compiles one `||` alternative (a conjunction) into a check, or undefined when it does not parse. */
function conjunction(text: string): Check | undefined {
  const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(text);
  if (hyphen) {
    const a = parseOperand(hyphen[1] ?? '');
    const b = parseOperand(hyphen[2] ?? '');
    if (!a || !b) return undefined;
    const lo = single('>=', a);
    const hi = single('<=', b);
    return lo && hi ? (v) => lo(v) && hi(v) : undefined;
  }
  const terms = text
    .split(/\s*,\s*|\s+(?=[<>=!~^]|\d|v\d)/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  if (terms.length === 0) return undefined;
  const checks: Check[] = [];
  let hasPre = false;
  for (const term of terms) {
    const m = /^(!=|>=|=>|<=|=<|~>|[=<>~^])?\s*(.+)$/.exec(term);
    const operand = m && parseOperand(m[2] ?? '');
    if (!m || !operand) return undefined;
    if (operand.v.pre !== '') hasPre = true;
    const check = single(m[1] ?? '', operand);
    if (!check) return undefined;
    checks.push(check);
  }
  // Masterminds: a prerelease version only satisfies constraints that themselves name a prerelease.
  return (v) => (v.pre === '' || hasPre) && checks.every((c) => c(v));
}

/** Helm's `IsCompatibleRange(constraint, version)`. */
export function isCompatibleRange(constraint: string, version: string): boolean {
  const v = parseVersion(version);
  if (!v || constraint.trim() === '') return false;
  const alternatives = constraint.split('||').map(conjunction);
  if (alternatives.some((a) => a === undefined)) return false;
  return alternatives.some((a) => a !== undefined && a(v));
}
