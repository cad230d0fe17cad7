/**
 * Sprig's path functions (helm-render-spec.md §11.16): `base dir clean ext isAbs` are Go's `path` package and the
 * `os*` forms are `path/filepath`. Helm is evaluated as on Linux, where both packages behave the same (separator
 * `/`, no volume names), so the `os*` forms share the implementation.
 */
import type { GoFuncSpec } from '../../values/model.js';

/** Go's `path.Clean`: the shortest equivalent path by purely lexical processing. */
function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  // Number of leading `..` that cannot be removed in a relative path.
  let dotdots = 0;
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > dotdots) out.pop();
      else if (!rooted) {
        out.push('..');
        dotdots++;
      }
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** Go's `path.Base`: the last element, trailing slashes removed; `.` for empty, `/` for all-slashes. */
function basePath(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's `path.Dir`: everything up to the last slash, cleaned. */
function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

/** Go's `path.Ext`: the suffix from the last dot of the last element, or empty. */
function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

const stringFn = (fn: (s: string) => string): GoFuncSpec => ({
  params: ['string'],
  result: 'string',
  passThrough: 'first',
  call: (_ctx, s) => fn(s as string),
});

const isAbs: GoFuncSpec = {
  params: ['string'],
  result: 'bool',
  call: (_ctx, s) => (s as string).startsWith('/'),
};

/** Sprig's path functions. */
export const pathFuncs: Readonly<Record<string, GoFuncSpec>> = {
  base: stringFn(basePath),
  dir: stringFn(dirPath),
  clean: stringFn(cleanPath),
  ext: stringFn(extPath),
  isAbs,
  osBase: stringFn(basePath),
  osDir: stringFn(dirPath),
  osClean: stringFn(cleanPath),
  osExt: stringFn(extPath),
  osIsAbs: isAbs,
};
