/**
 * Private keys for sprig's crypto functions (helm-render-spec.md §11.12): generation of RSA, ECDSA, Ed25519 and
 * DSA keys from the render's random stream, sprig's PEM forms (`pemBlockForKey`), parsing of user-supplied PEM
 * keys with sprig's error texts, and signing.
 *
 * Generation is deterministic (DESIGN.md §6): every key is derived from 32 bytes drawn from the
 * {@link CallContext}, with primes found by a sieve plus OpenSSL's primality test. Key search is the costly
 * part (an RSA-4096 key takes seconds), so keys are memoised by those 32 bytes and repeated renders with the same
 * seed reuse them.
 */
import {
  checkPrimeSync,
  createECDH,
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as nodeSign,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import type { CallContext } from '../../values/model.js';
import { children, decodePem, integer, pem, readDer, readInteger, seq } from './crypto-der.js';
import { createCallContext } from '../render-context.js';

/** The NIST curves Go's x509 supports for ECDSA keys, with their OpenSSL names, orders and hashes. */
const CURVES = {
  'P-256': {
    openssl: 'prime256v1',
    order: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    hash: 'sha256',
    bytes: 32,
  },
  'P-384': {
    openssl: 'secp384r1',
    order:
      0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    hash: 'sha384',
    bytes: 48,
  },
  'P-521': {
    openssl: 'secp521r1',
    order:
      0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    hash: 'sha512',
    bytes: 66,
  },
} as const;

/** A supported ECDSA curve name. */
export type CurveName = keyof typeof CURVES;

/** A private key as sprig handles it. */
export interface PrivateKey {
  kind: 'rsa' | 'ecdsa' | 'ed25519' | 'dsa';
  /** The key for signing and public-key export (not for DSA, which Go cannot sign certificates with). */
  object: KeyObject | undefined;
  curve?: CurveName;
  /** The PEM sprig writes for this key (PKCS#1, SEC 1, PKCS#8 or OpenSSL's DSA form). */
  pem: string;
}

// ---- big-integer helpers ----

const toBig = (b: Uint8Array): bigint => (b.length ? BigInt('0x' + Buffer.from(b).toString('hex')) : 0n);

function toBytes(v: bigint, length?: number): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const b = Buffer.from(hex, 'hex');
  return length && b.length < length ? Buffer.concat([Buffer.alloc(length - b.length), b]) : b;
}

const b64url = (v: bigint, length?: number): string => toBytes(v, length).toString('base64url');

/** `b^e mod m`. */
function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let result = 1n;
  let base = b % m;
  for (let x = e; x > 0n; x >>= 1n) {
    if (x & 1n) result = (result * base) % m;
    base = (base * base) % m;
  }
  return result;
}

/** `a⁻¹ mod m` (a and m coprime). */
function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** Odd primes below 2^16, for sieving prime candidates before the costly test. */
const SMALL_PRIMES: readonly number[] = (() => {
  const limit = 1 << 16;
  const composite = new Uint8Array(limit);
  const out: number[] = [];
  for (let i = 3; i < limit; i += 2) {
    if (composite[i]) continue;
    out.push(i);
    for (let j = i * i; j < limit; j += 2 * i) composite[j] = 1;
  }
  return out;
})();

const WINDOW = 8192;

/**
 * The first probable prime of the progression `start + step·k` (k < WINDOW) that `accept` takes, or undefined.
 * Multiples of small primes are struck out first, so only a few candidates reach OpenSSL's Miller–Rabin test.
 */
function primeInProgression(start: bigint, step: bigint, accept: (p: bigint) => boolean): bigint | undefined {
  const struck = new Uint8Array(WINDOW);
  for (const p of SMALL_PRIMES) {
    const bp = BigInt(p);
    const stepMod = Number(step % bp);
    if (stepMod === 0) continue;
    const r = Number(start % bp);
    // k ≡ -r · step⁻¹ (mod p)
    let k = Number((BigInt(p - r) * modInverse(BigInt(stepMod), bp)) % bp);
    for (; k < WINDOW; k += p) struck[k] = 1;
  }
  for (let k = 0; k < WINDOW; k++) {
    if (struck[k]) continue;
    const candidate = start + step * BigInt(k);
    if (accept(candidate) && checkPrimeSync(candidate)) return candidate;
  }
  return undefined;
}

/** A random prime of exactly `bits` bits with the top two bits set (so products have full length). */
function randomPrime(rand: CallContext, bits: number, accept: (p: bigint) => boolean = () => true): bigint {
  for (;;) {
    const b = Buffer.from(rand.randomBytes(bits / 8));
    b[0] = (b[0] as number) | 0xc0;
    b[b.length - 1] = (b[b.length - 1] as number) | 1;
    const p = primeInProgression(toBig(b), 2n, (c) => c.toString(2).length === bits && accept(c));
    if (p !== undefined) return p;
  }
}

// ---- generation ----

const cache = new Map<string, PrivateKey>();
const CACHE_LIMIT = 64;

/** Memoises a generated key by its kind and the 32 seed bytes drawn from the render's stream. */
function derived(ctx: CallContext, kind: string, make: (rand: CallContext) => PrivateKey): PrivateKey {
  const seed = Buffer.from(ctx.randomBytes(32)).toString('hex');
  const id = `${kind}:${seed}`;
  let key = cache.get(id);
  if (!key) {
    key = make(createCallContext({ seed: id }));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(id, key);
  }
  return key;
}

const E = 65537n;

/** An RSA key of `bits` bits with e = 65537 (Go's `rsa.GenerateKey`), as PKCS#1. */
export function generateRsa(ctx: CallContext, bits: number): PrivateKey {
  return derived(ctx, `rsa${bits}`, (rand) => {
    const half = bits / 2;
    const usable = (p: bigint): boolean => (p - 1n) % E !== 0n;
    const p = randomPrime(rand, half, usable);
    let q = randomPrime(rand, half, usable);
    while (q === p) q = randomPrime(rand, half, usable);
    const n = p * q;
    const lambda = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
    const d = modInverse(E, lambda);
    const jwk: JsonWebKey = {
      kty: 'RSA',
      n: b64url(n),
      e: b64url(E),
      d: b64url(d),
      p: b64url(p),
      q: b64url(q),
      dp: b64url(d % (p - 1n)),
      dq: b64url(d % (q - 1n)),
      qi: b64url(modInverse(q, p)),
    };
    return rsaKey(createPrivateKey({ key: jwk, format: 'jwk' }));
  });
}

const rsaKey = (object: KeyObject): PrivateKey => ({
  kind: 'rsa',
  object,
  pem: object.export({ type: 'pkcs1', format: 'pem' }) as string,
});

/** The uncompressed public point `d·G` of a curve. */
function publicPoint(curve: CurveName, d: bigint): Buffer {
  const ecdh = createECDH(CURVES[curve].openssl);
  ecdh.setPrivateKey(toBytes(d, CURVES[curve].bytes));
  return ecdh.getPublicKey();
}

/** A scalar uniform enough in [1, n-1], from `bytes + 8` random bytes. */
function randomScalar(rand: CallContext, order: bigint, bytes: number): bigint {
  return (toBig(rand.randomBytes(bytes + 8)) % (order - 1n)) + 1n;
}

/** An ECDSA key on P-256 (sprig's `ecdsa`), as SEC 1. */
export function generateEcdsa(ctx: CallContext): PrivateKey {
  return derived(ctx, 'ecdsa', (rand) => {
    const curve = 'P-256';
    const d = randomScalar(rand, CURVES[curve].order, CURVES[curve].bytes);
    const point = publicPoint(curve, d);
    const size = CURVES[curve].bytes;
    const jwk: JsonWebKey = {
      kty: 'EC',
      crv: curve,
      d: b64url(d, size),
      x: point.subarray(1, 1 + size).toString('base64url'),
      y: point.subarray(1 + size).toString('base64url'),
    };
    return ecKey(createPrivateKey({ key: jwk, format: 'jwk' }), curve);
  });
}

const ecKey = (object: KeyObject, curve: CurveName): PrivateKey => ({
  kind: 'ecdsa',
  object,
  curve,
  pem: object.export({ type: 'sec1', format: 'pem' }) as string,
});

/** PKCS#8 prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 key, as PKCS#8. */
export function generateEd25519(ctx: CallContext): PrivateKey {
  const seed = Buffer.from(ctx.randomBytes(32));
  const object = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return ed25519Key(object);
}

const ed25519Key = (object: KeyObject): PrivateKey => ({
  kind: 'ed25519',
  object,
  pem: object.export({ type: 'pkcs8', format: 'pem' }) as string,
});

/**
 * A DSA key with L = 2048, N = 256 parameters (Go's `dsa.L2048N256`), as OpenSSL's `DSA PRIVATE KEY`
 * (SEQUENCE of version, p, q, g, y, x — sprig's `DSAKeyFormat`).
 */
export function generateDsa(ctx: CallContext): PrivateKey {
  return derived(ctx, 'dsa', (rand) => {
    for (;;) {
      const qBytes = Buffer.from(rand.randomBytes(32));
      qBytes[0] = (qBytes[0] as number) | 0x80;
      qBytes[31] = (qBytes[31] as number) | 1;
      const q = primeInProgression(toBig(qBytes), 2n, (c) => c.toString(2).length === 256);
      if (q === undefined) continue;
      const xBytes = Buffer.from(rand.randomBytes(256));
      xBytes[0] = (xBytes[0] as number) | 0x80;
      const x0 = toBig(xBytes);
      // p ≡ 1 (mod 2q), so q divides p - 1.
      const start = x0 - (x0 % (2n * q)) + 1n;
      const p = primeInProgression(start, 2n * q, (c) => c.toString(2).length === 2048);
      if (p === undefined) continue;
      let g = 1n;
      for (let h = 2n; g === 1n; h++) g = modPow(h, (p - 1n) / q, p);
      const x = randomScalar(rand, q, 32);
      const y = modPow(g, x, p);
      const der = seq(integer(0n), integer(p), integer(q), integer(g), integer(y), integer(x));
      return { kind: 'dsa', object: undefined, pem: pem('DSA PRIVATE KEY', der) };
    }
  });
}

// ---- parsing ----

/** A key-parsing failure, with sprig's message. */
export class KeyError extends Error {}

function importKey(der: Uint8Array, type: 'pkcs8' | 'pkcs1' | 'sec1', what: string): KeyObject {
  try {
    return createPrivateKey({ key: Buffer.from(der), format: 'der', type });
  } catch {
    // Go's asn1 messages name Go struct fields; only the failing component is reproduced.
    throw new KeyError(`${what}: asn1: structure error`);
  }
}

/** The curve of an EC key object, if Go supports it. */
function curveOf(object: KeyObject): CurveName | undefined {
  const named = object.asymmetricKeyDetails?.namedCurve;
  const names: Record<string, CurveName> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
  return named ? names[named] : undefined;
}

function fromObject(object: KeyObject, what: string): PrivateKey {
  switch (object.asymmetricKeyType) {
    case 'rsa':
      return rsaKey(object);
    case 'ed25519':
      return ed25519Key(object);
    case 'ec': {
      const curve = curveOf(object);
      if (curve) return ecKey(object, curve);
      throw new KeyError(`${what}: x509: unsupported elliptic curve`);
    }
    default:
      throw new KeyError(`${what}: x509: PKCS#8 wrapping contained private key with unknown algorithm`);
  }
}

/** sprig's `parsePrivateKeyPEM`: PKCS#8, PKCS#1, SEC 1 or DSA keys; throws {@link KeyError} with its texts. */
export function parsePrivateKeyPem(text: string): PrivateKey {
  const block = decodePem(text);
  if (!block) throw new KeyError('no PEM data in input');
  if (block.type === 'PRIVATE KEY') {
    return fromObject(importKey(block.der, 'pkcs8', 'decoding PEM as PKCS#8'), 'decoding PEM as PKCS#8');
  }
  if (!block.type.endsWith(' PRIVATE KEY'))
    throw new KeyError(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -' PRIVATE KEY'.length)) {
    case 'RSA':
      return rsaKey(importKey(block.der, 'pkcs1', 'parsing RSA private key from PEM'));
    case 'EC': {
      const what = 'parsing EC private key from PEM';
      return fromObject(importKey(block.der, 'sec1', what), what);
    }
    case 'DSA':
      try {
        const parts = children(readDer(block.der)).map(readInteger);
        if (parts.length !== 6) throw new Error('asn1: structure error');
        return { kind: 'dsa', object: undefined, pem: pem('DSA PRIVATE KEY', block.der) };
      } catch (e) {
        throw new KeyError(`parsing DSA private key from PEM: ${(e as Error).message}`);
      }
    default:
      throw new KeyError(`invalid private key type ${block.type}`);
  }
}

// ---- public keys and signatures ----

/** The DER SubjectPublicKeyInfo of a key; DSA keys are not supported by Go's certificate writer. */
export function subjectPublicKeyInfo(key: PrivateKey): Uint8Array {
  if (!key.object) throw new KeyError('x509: unsupported public key type: *dsa.PublicKey');
  return createPublicKey(key.object).export({ type: 'spki', format: 'der' });
}

/** The signature AlgorithmIdentifier OID Go picks for a signing key, and whether it carries NULL parameters. */
export function signatureAlgorithm(key: PrivateKey): { oid: string; nullParams: boolean } {
  switch (key.kind) {
    case 'rsa':
      return { oid: '1.2.840.113549.1.1.11', nullParams: true };
    case 'ed25519':
      return { oid: '1.3.101.112', nullParams: false };
    case 'ecdsa': {
      const suffix = { 'P-256': '2', 'P-384': '3', 'P-521': '4' }[key.curve ?? 'P-256'];
      return { oid: `1.2.840.10045.4.3.${suffix}`, nullParams: false };
    }
    default:
      throw new KeyError('x509: certificate private key does not implement crypto.Signer');
  }
}

/**
 * Signs `data` as Go's x509 does for the key type: RSA PKCS#1 v1.5 with SHA-256, Ed25519, or ECDSA with the
 * curve's hash. ECDSA's nonce comes from the render's stream (OpenSSL's would make output irreproducible).
 */
export function signWith(ctx: CallContext, key: PrivateKey, data: Uint8Array): Uint8Array {
  if (!key.object) throw new KeyError('x509: certificate private key does not implement crypto.Signer');
  if (key.kind === 'rsa') return nodeSign('sha256', data, key.object);
  if (key.kind === 'ed25519') return nodeSign(null, data, key.object);
  const curve = CURVES[key.curve ?? 'P-256'];
  const d = BigInt(
    '0x' + Buffer.from(key.object.export({ format: 'jwk' }).d ?? '', 'base64url').toString('hex'),
  );
  // Each curve's hash is no longer than its order, so the whole digest is the message representative.
  const z = toBig(createHash(curve.hash).update(data).digest());
  for (;;) {
    const k = randomScalar(ctx, curve.order, curve.bytes);
    const point = publicPoint(key.curve ?? 'P-256', k);
    const r = toBig(point.subarray(1, 1 + curve.bytes)) % curve.order;
    const s = (modInverse(k, curve.order) * (z + r * d)) % curve.order;
    if (r !== 0n && s !== 0n) return seq(integer(r), integer(s));
  }
}
