/**
 * Sprig's URL functions (helm-render-spec.md §11.16): `urlParse` and `urlJoin`, plus sprig's `getHostByName`.
 *
 * `urlParse` exposes Go's `net/url.Parse` results field by field, so the parser below follows Go's algorithm
 * (scheme detection, opaque URLs, authority and userinfo, percent-decoding per component, Go's error texts)
 * rather than WHATWG's `URL`, which normalises differently. `urlJoin` rebuilds a URL as Go's `URL.String` does.
 */
import { GoFuncError, GoMap, goTypeOf, type GoFuncSpec, type GoValue } from '../../values/model.js';

/** The URL components Go escapes differently (net/url's `encoding` modes). */
type Mode = 'path' | 'host' | 'zone' | 'userPassword' | 'fragment';

const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

/** Go's `shouldEscape` for the modes urlParse/urlJoin use. */
function shouldEscape(c: string, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path':
        return c === '?';
      case 'userPassword':
        return '@/?:'.includes(c);
      case 'fragment':
        return false;
      default:
        break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

/** Go's `strconv.Quote` for the short ASCII fragments that appear in net/url errors. */
const quoted = (s: string): string => JSON.stringify(s);

/** Go's `unescape`: validates and decodes `%XX` escapes (and rejects bad host characters). */
function unescape(s: string, mode: Mode): string {
  const bytes = Buffer.from(s, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const c = bytes[i] as number;
    if (c === 0x25) {
      const h = bytes.subarray(i + 1, i + 3).toString('latin1');
      if (i + 2 >= bytes.length || !/^[0-9A-Fa-f]{2}$/.test(h)) {
        throw new Error(`invalid URL escape ${quoted(bytes.subarray(i, i + 3).toString('latin1'))}`);
      }
      const v = parseInt(h, 16);
      // In a host, only %25 and escapes of bytes >= 0x80 are allowed (RFC 6874 zones, IDNs).
      if (mode === 'host' && v < 0x80 && `%${h}` !== '%25')
        throw new Error(`invalid URL escape ${quoted('%' + h)}`);
      out.push(v);
      i += 3;
      continue;
    }
    if ((mode === 'host' || mode === 'zone') && c < 0x80 && shouldEscape(String.fromCharCode(c), mode)) {
      throw new Error(`invalid character ${quoted(String.fromCharCode(c))} in host name`);
    }
    out.push(c);
    i++;
  }
  return Buffer.from(out).toString('utf8');
}

/** Go's `escape`: percent-encodes every byte `shouldEscape` selects, with upper-case hex. */
function escape(s: string, mode: Mode): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += b >= 0x80 || shouldEscape(c, mode) ? '%' + b.toString(16).toUpperCase().padStart(2, '0') : c;
  }
  return out;
}

/** Go's `validOptionalPort`: empty, or `:` followed by digits only. */
const validOptionalPort = (p: string): boolean => p === '' || /^:[0-9]*$/.test(p);

/** Go's `parseHost`. */
function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new Error("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new Error(`invalid port ${quoted(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return (
        unescape(host.slice(0, zone), 'host') +
        unescape(host.slice(zone, i), 'zone') +
        unescape(host.slice(i), 'host')
      );
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new Error(`invalid port ${quoted(colonPort)} after host`);
    }
  }
  return unescape(host, 'host');
}

interface UserInfo {
  username: string;
  password: string | undefined;
}

/** The parsed form of a URL, with the fields urlParse reports. */
interface ParsedUrl {
  scheme: string;
  opaque: string;
  user: UserInfo | undefined;
  host: string;
  path: string;
  rawQuery: string;
  forceQuery: boolean;
  fragment: string;
  omitHost: boolean;
}

/** Go's `parseAuthority`. */
function parseAuthority(authority: string): { user: UserInfo | undefined; host: string } {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return { user: undefined, host };
  const userinfo = authority.slice(0, i);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new Error('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { user: { username: unescape(userinfo, 'userPassword'), password: undefined }, host };
  return {
    user: {
      username: unescape(userinfo.slice(0, colon), 'userPassword'),
      password: unescape(userinfo.slice(colon + 1), 'userPassword'),
    },
    host,
  };
}

/** Go's `getScheme`. */
function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new Error('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

/** Go's `url.Parse` (not via a request). Throws Go's error text. */
function parseUrl(raw: string): ParsedUrl {
  const hash = raw.indexOf('#');
  const body = hash < 0 ? raw : raw.slice(0, hash);
  const frag = hash < 0 ? '' : raw.slice(hash + 1);
  let url: ParsedUrl;
  try {
    url = parseBody(body);
  } catch (e) {
    throw new Error(`parse ${quoted(body)}: ${(e as Error).message}`);
  }
  try {
    url.fragment = unescape(frag, 'fragment');
  } catch (e) {
    throw new Error(`parse ${quoted(raw)}: ${(e as Error).message}`);
  }
  return url;
}

function parseBody(raw: string): ParsedUrl {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new Error('net/url: invalid control character in URL');
  const url: ParsedUrl = {
    scheme: '',
    opaque: '',
    user: undefined,
    host: '',
    path: '',
    rawQuery: '',
    forceQuery: false,
    fragment: '',
    omitHost: false,
  };
  if (raw === '*') {
    url.path = '*';
    return url;
  }
  const [scheme, afterScheme] = getScheme(raw);
  url.scheme = scheme.toLowerCase();
  let rest = afterScheme;
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return url;
    }
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) {
      throw new Error('first path segment in URL cannot contain colon');
    }
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const { user, host } = parseAuthority(authority);
    url.user = user;
    url.host = host;
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  url.path = unescape(rest, 'path');
  return url;
}

/** Go's `Userinfo.String`. */
function userString(u: UserInfo): string {
  let s = escape(u.username, 'userPassword');
  if (u.password !== undefined) s += ':' + escape(u.password, 'userPassword');
  return s;
}

/** Go's `URL.Hostname`: the host without port and IPv6 brackets. */
function hostname(host: string): string {
  let h = host;
  const colon = h.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(h.slice(colon))) h = h.slice(0, colon);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}

/** Go's `URL.String`. */
function formatUrl(u: ParsedUrl): string {
  let out = '';
  if (u.scheme !== '') out += u.scheme + ':';
  if (u.opaque !== '') {
    out += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user !== undefined) {
      if (!(u.omitHost && u.host === '' && u.user === undefined)) {
        if (u.host !== '' || u.path !== '' || u.user !== undefined) out += '//';
        if (u.user !== undefined) out += userString(u.user) + '@';
        if (u.host !== '') out += escape(u.host, 'host');
      }
    }
    const path = u.path === '*' ? '*' : escape(u.path, 'path');
    if (path !== '' && !path.startsWith('/') && u.host !== '') out += '/';
    if (out === '') {
      const slash = path.indexOf('/');
      if ((slash < 0 ? path : path.slice(0, slash)).includes(':')) out += './';
    }
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== '') out += '?' + u.rawQuery;
  if (u.fragment !== '') out += '#' + escape(u.fragment, 'fragment');
  return out;
}

/** sprig's `dictGetOrEmpty`: a missing key is "", a non-string value panics with Go's reflect kind. */
function stringEntry(dict: GoMap, key: string): string {
  if (!dict.has(key)) return '';
  const v = dict.get(key) ?? null;
  if (typeof v === 'string') return v;
  // reflect.TypeOf(nil).Kind() dereferences a nil Type.
  if (v === null) throw new GoFuncError('runtime error: invalid memory address or nil pointer dereference');
  const kind = kindName(v);
  throw new GoFuncError(`unable to parse ${key} key, must be of type string, but ${kind} found`);
}

/** The reflect kind name of a non-string value, for sprig's urlJoin error. */
function kindName(v: GoValue): string {
  const t = goTypeOf(v);
  if (t.startsWith('[]')) return 'slice';
  if (t.startsWith('map[') || t === 'common.Values' || t === 'chartutil.Values') return 'map';
  if (t.startsWith('*')) return 'ptr';
  return t.includes('.') ? 'struct' : t;
}

/** Sprig's URL and network functions. */
export const urlFuncs: Readonly<Record<string, GoFuncSpec>> = {
  urlParse: {
    params: ['string'],
    result: 'map[string]interface {}',
    call: (_ctx, s) => {
      let u: ParsedUrl;
      try {
        u = parseUrl(s as string);
      } catch (e) {
        throw new GoFuncError(`unable to parse url: ${(e as Error).message}`);
      }
      const m = new GoMap();
      m.set('scheme', u.scheme);
      m.set('host', u.host);
      m.set('hostname', hostname(u.host));
      m.set('path', u.path);
      m.set('query', u.rawQuery);
      m.set('opaque', u.opaque);
      m.set('fragment', u.fragment);
      m.set('userinfo', u.user ? userString(u.user) : '');
      return m;
    },
  },
  urlJoin: {
    params: ['map[string]interface {}'],
    result: 'string',
    call: (_ctx, d) => {
      const dict = (d as GoMap | null) ?? new GoMap();
      const url: ParsedUrl = {
        scheme: stringEntry(dict, 'scheme'),
        host: stringEntry(dict, 'host'),
        path: stringEntry(dict, 'path'),
        rawQuery: stringEntry(dict, 'query'),
        opaque: stringEntry(dict, 'opaque'),
        fragment: stringEntry(dict, 'fragment'),
        user: undefined,
        forceQuery: false,
        omitHost: false,
      };
      const userinfo = stringEntry(dict, 'userinfo');
      if (userinfo !== '') {
        try {
          url.user = parseUrl(`proto://${userinfo}@host`).user;
        } catch (e) {
          throw new GoFuncError(`unable to parse userinfo in dict: ${(e as Error).message}`);
        }
      }
      return formatUrl(url);
    },
  },
  // Sprig resolves the name through DNS; rendering is offline and hermetic (DESIGN.md §12), which is what Helm
  // itself does without --enable-dns: the answer is always empty.
  getHostByName: { params: ['string'], result: 'string', call: () => '' },
};
