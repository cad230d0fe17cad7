/**
 * Container image references by the distribution grammar (checks-facts.md §4.3):
 * `[domain[:port]/]path[:tag][@algorithm:hex]`. The tag is read from the last path segment only, so the colon of
 * a registry port (`localhost:5000/app`) is never taken for a tag.
 */

/** A parsed image reference, normalised the way docker does. */
export interface ImageReference {
  /** Registry host (with port) as written, or `docker.io` when the reference names none. */
  domain: string;
  /** True when the reference named its registry. */
  explicitDomain: boolean;
  /** Repository path as written (without the domain). */
  path: string;
  /** Fully qualified repository name: `docker.io/library/nginx` for `nginx`. */
  name: string;
  /** The tag, when one was written. */
  tag?: string;
  /** `algorithm:hex`, when a digest was written. */
  digest?: string;
}

/** Why a reference does not parse. */
export interface ImageReferenceError {
  error: string;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DOMAIN_PART = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)$/;
const IPV6_HOST = /^\[[0-9A-Fa-f:.]+\]$/;
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;
/** go-digest's hex lengths for the algorithms it registers; others need at least 32 hex characters. */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;

function isDomain(text: string): boolean {
  const colon = text.startsWith('[') ? text.indexOf(']:') + 1 : text.lastIndexOf(':');
  const host = colon > 0 ? text.slice(0, colon) : text;
  const port = colon > 0 ? text.slice(colon + 1) : undefined;
  if (port !== undefined && !/^[0-9]+$/.test(port)) return false;
  if (IPV6_HOST.test(host)) return true;
  return host.split('.').every((part) => DOMAIN_PART.test(part));
}

function parseDigest(text: string): string | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const algorithm = text.slice(0, colon);
  const hex = text.slice(colon + 1);
  if (!DIGEST_ALGORITHM.test(algorithm)) return undefined;
  const expected = DIGEST_HEX_LENGTH[algorithm];
  if (expected !== undefined) return /^[a-f0-9]+$/.test(hex) && hex.length === expected ? text : undefined;
  return /^[a-fA-F0-9]{32,}$/.test(hex) ? text : undefined;
}

/** Parses an image reference; never throws. */
export function parseImageReference(text: string): ImageReference | ImageReferenceError {
  if (text === '') return { error: 'the reference is empty' };
  if (/\s/.test(text)) return { error: 'the reference contains white space' };
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = parseDigest(rest.slice(at + 1));
    if (digest === undefined) return { error: `"${rest.slice(at + 1)}" is not a valid digest` };
    rest = rest.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf('/');
  const lastColon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return { error: `"${tag}" is not a valid tag` };
  }
  const segments = rest.split('/');
  let domain = 'docker.io';
  let explicitDomain = false;
  const first = segments[0] ?? '';
  // Docker's rule: the first component is a registry only if it looks like a host.
  if (
    segments.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || /[A-Z]/.test(first))
  ) {
    if (!isDomain(first)) return { error: `"${first}" is not a valid registry host` };
    domain = first === 'index.docker.io' ? 'docker.io' : first;
    explicitDomain = true;
    segments.shift();
  }
  if (segments.length === 0 || segments.some((s) => !PATH_COMPONENT.test(s))) {
    return {
      error: `"${segments.join('/')}" is not a valid repository path (lowercase letters, digits and separators)`,
    };
  }
  const path = segments.join('/');
  const qualifiedPath = domain === 'docker.io' && segments.length === 1 ? `library/${path}` : path;
  const name = `${domain}/${qualifiedPath}`;
  if (name.length > MAX_NAME_LENGTH)
    return { error: `the repository name is longer than ${MAX_NAME_LENGTH} characters` };
  return {
    domain,
    explicitDomain,
    path,
    name,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** Type guard for a failed parse. */
export function isImageReferenceError(r: ImageReference | ImageReferenceError): r is ImageReferenceError {
  return 'error' in r;
}
