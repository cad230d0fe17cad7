/**
 * Sprig's hashing and crypto functions (helm-render-spec.md §11.11, §11.12): `sha1sum sha256sum sha512sum
 * adler32sum bcrypt htpasswd derivePassword genPrivateKey buildCustomCert genCA genCAWithKey genSelfSignedCert
 * genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES`.
 *
 * Everything Helm draws from the OS (salts, keys, serial numbers, IVs, the certificates' validity start) comes
 * from the render's {@link CallContext} instead, so output is real — PEM keys and certificates that parse, a
 * bcrypt hash that verifies — and identical across renders with the same seed (DESIGN.md §6).
 * `derivePassword` is deterministic in Helm too and matches it exactly.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, scryptSync } from 'node:crypto';
import bcryptjs from 'bcryptjs';
import {
  GoFuncError,
  GoInt,
  GoList,
  type CallContext,
  type GoFuncSpec,
  type GoValue,
} from '../../values/model.js';
import { goBytes, goString } from '../../values/go-string.js';
import { base64Decode } from './encoding.js';
import {
  KeyError,
  generateDsa,
  generateEcdsa,
  generateEd25519,
  generateRsa,
  parsePrivateKeyPem,
  type PrivateKey,
} from './crypto-keys.js';
import {
  CertError,
  KEY_USAGE,
  SprigCertificate,
  createCertificate,
  parseCertificate,
  parseIp,
  type CertTemplate,
  type Issuer,
} from './crypto-x509.js';

/** A Go string's bytes: strings cut inside a character (`trunc`) keep their raw bytes. */
const utf8 = goBytes;
const hexDigest = (algorithm: string) => (s: string) => createHash(algorithm).update(utf8(s)).digest('hex');

/** Adler-32 (RFC 1950) of the string's bytes. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return b * 65536 + a;
}

/** Go's bcrypt cost default, which sprig uses. */
const BCRYPT_COST = 10;

/** sprig's `bcrypt`: a `$2a$10$` hash with a salt from the render's stream; failures are the result text. */
function bcryptHash(ctx: CallContext, input: string): string {
  if (utf8(input).length > 72) {
    return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes';
  }
  const salt = `$2a$${BCRYPT_COST}$${bcryptjs.encodeBase64(Array.from(ctx.randomBytes(16)), 16)}`;
  return bcryptjs.hashSync(input, salt);
}

// ---- derivePassword: the Master Password algorithm, byte for byte as sprig implements it ----

const MASTER_PASSWORD_SEED = 'com.lyndir.masterpassword';
const PASSWORD_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};
const TEMPLATE_CHARACTERS: Readonly<Record<string, string>> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const uint32be = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

function derivePassword(counter: number, type: string, password: string, user: string, site: string): string {
  const templates = PASSWORD_TEMPLATES[type];
  if (!templates) return `cannot find password template ${type}`;
  const userBytes = utf8(user);
  const siteBytes = utf8(site);
  const salt = Buffer.concat([utf8(MASTER_PASSWORD_SEED), uint32be(userBytes.length), userBytes]);
  const key = scryptSync(utf8(password), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 64 * 1024 * 1024 });
  const message = Buffer.concat([
    utf8(MASTER_PASSWORD_SEED),
    uint32be(siteBytes.length),
    siteBytes,
    uint32be(counter),
  ]);
  const seed = createHmac('sha256', key).update(message).digest();
  const template = templates[(seed[0] as number) % templates.length] as string;
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const chars = TEMPLATE_CHARACTERS[template[i] as string] as string;
    out += chars[(seed[i + 1] as number) % chars.length];
  }
  return out;
}

// ---- keys and certificates ----

function generatePrivateKey(ctx: CallContext, type: string): string {
  switch (type) {
    case '':
    case 'rsa':
      return generateRsa(ctx, 4096).pem;
    case 'dsa':
      return generateDsa(ctx).pem;
    case 'ecdsa':
      return generateEcdsa(ctx).pem;
    case 'ed25519':
      return generateEd25519(ctx).pem;
    default:
      return `Unknown type ${type}`;
  }
}

/** Go's `%v` for the list items sprig reports in its errors. */
function formatItem(v: GoValue): string {
  if (v === null) return '<nil>';
  if (v instanceof GoInt) return v.value.toString();
  if (typeof v === 'object')
    return v instanceof GoList ? `[${v.items.map(formatItem).join(' ')}]` : String(v);
  return String(v);
}

/** sprig's `getNetIPs`. */
function netIps(ips: GoList | null): Uint8Array[] {
  return (ips?.items ?? []).map((ip) => {
    if (typeof ip !== 'string') throw new GoFuncError(`error parsing ip: ${formatItem(ip)} is not a string`);
    const parsed = parseIp(ip);
    if (!parsed) throw new GoFuncError(`error parsing ip: ${ip}`);
    return parsed;
  });
}

/** sprig's `getAlternateDNSStrs`. */
function dnsNames(names: GoList | null): string[] {
  return (names?.items ?? []).map((n) => {
    if (typeof n !== 'string') {
      throw new GoFuncError(`error processing alternate dns name: ${formatItem(n)} is not a string`);
    }
    return n;
  });
}

const DAY_MS = 24 * 3600 * 1000;

/** sprig's `getBaseCertTemplate`: validity from the render's now, server+client auth, no CA. */
function baseTemplate(
  ctx: CallContext,
  cn: string,
  ips: GoList | null,
  dns: GoList | null,
  days: number,
): CertTemplate {
  const ipBytes = netIps(ips);
  const names = dnsNames(dns);
  const now = ctx.now();
  return {
    commonName: cn,
    ips: ipBytes,
    dnsNames: names,
    notBefore: now,
    notAfter: new Date(now.getTime() + days * DAY_MS),
    keyUsage: KEY_USAGE.keyEncipherment | KEY_USAGE.digitalSignature,
    isCA: false,
  };
}

/** sprig's `getCertAndKey`. */
function certAndKey(ctx: CallContext, template: CertTemplate, key: PrivateKey, issuer: Issuer | 'self') {
  try {
    return new SprigCertificate(createCertificate(ctx, template, key, issuer), key.pem);
  } catch (e) {
    if (e instanceof KeyError || e instanceof CertError)
      throw new GoFuncError(`error creating certificate: ${e.message}`);
    throw e;
  }
}

/** A user-supplied PEM key, with the `parsing private key: …` wrapping of the *WithKey functions. */
function pemKey(text: string): PrivateKey {
  try {
    return parsePrivateKeyPem(text);
  } catch (e) {
    if (e instanceof KeyError) throw new GoFuncError(`parsing private key: ${e.message}`);
    throw e;
  }
}

function caCertificate(ctx: CallContext, cn: string, days: number, key: PrivateKey): SprigCertificate {
  const template = baseTemplate(ctx, cn, null, null, days);
  template.keyUsage = KEY_USAGE.keyEncipherment | KEY_USAGE.digitalSignature | KEY_USAGE.certSign;
  template.isCA = true;
  return certAndKey(ctx, template, key, 'self');
}

function selfSigned(ctx: CallContext, args: unknown[], key: () => PrivateKey): SprigCertificate {
  const [cn, ips, dns, days] = args as [string, GoList | null, GoList | null, number];
  const signee = key();
  return certAndKey(ctx, baseTemplate(ctx, cn, ips, dns, days), signee, 'self');
}

/** sprig's `generateSignedCertificateWithKeyInternal`: the CA's certificate and key are checked first. */
function signed(ctx: CallContext, args: unknown[], key: () => PrivateKey): SprigCertificate {
  const [cn, ips, dns, days, ca] = args as [string, GoList | null, GoList | null, number, SprigCertificate];
  const signee = key();
  const parent = parseCertificate(ca.cert);
  if (parent === 'no-pem') throw new GoFuncError('unable to decode certificate');
  let signerKey: PrivateKey;
  try {
    signerKey = parsePrivateKeyPem(ca.key);
  } catch (e) {
    if (e instanceof KeyError) throw new GoFuncError(`error parsing private key: ${e.message}`);
    throw e;
  }
  const template = baseTemplate(ctx, cn, ips, dns, days);
  return certAndKey(ctx, template, signee, {
    name: parent.name,
    subjectKeyId: parent.subjectKeyId,
    key: signerKey,
  });
}

/** Wraps a certificate-parsing failure of a CA the way sprig words it. */
function withCertErrors<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CertError) throw new GoFuncError(`error parsing certificate: ${prefix}: ${e.message}`);
    throw e;
  }
}

function buildCustomCert(b64cert: string, b64key: string): SprigCertificate {
  const cert = base64Decode(b64cert);
  if (cert instanceof Error) throw new GoFuncError('unable to decode base64 certificate');
  const key = base64Decode(b64key);
  if (key instanceof Error) throw new GoFuncError('unable to decode base64 private key');
  const certText = Buffer.from(cert).toString('utf8');
  const keyText = Buffer.from(key).toString('utf8');
  if (withCertErrors('decodedCert.Bytes', () => parseCertificate(certText)) === 'no-pem') {
    throw new GoFuncError('unable to decode certificate');
  }
  try {
    parsePrivateKeyPem(keyText);
  } catch (e) {
    if (e instanceof KeyError) throw new GoFuncError(`error parsing private key: ${e.message}`);
    throw e;
  }
  return new SprigCertificate(certText, keyText);
}

// ---- AES ----

/** sprig's key derivation: the password's bytes, zero-padded or cut to 32 (AES-256). */
function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  utf8(password).copy(key, 0, 0, 32);
  return key;
}

function encryptAES(ctx: CallContext, password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const content = utf8(plaintext);
  const padding = 16 - (content.length % 16);
  const padded = Buffer.concat([content, Buffer.alloc(padding, padding)]);
  const iv = Buffer.from(ctx.randomBytes(16));
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv).setAutoPadding(false);
  return Buffer.concat([iv, cipher.update(padded), cipher.final()]).toString('base64');
}

/** sprig's `decryptAES`, including the runtime panics Go reports for malformed input. */
function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const crypt = base64Decode(crypt64);
  if (crypt instanceof Error) throw new GoFuncError(crypt.message);
  if (crypt.length < 16) {
    // Go's decode buffer has capacity DecodedLen(len(input)).
    const capacity = Math.floor(utf8(crypt64).length / 4) * 3;
    throw new GoFuncError(`runtime error: slice bounds out of range [:16] with capacity ${capacity}`);
  }
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoFuncError('crypto/cipher: input not full blocks');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16)).setAutoPadding(
    false,
  );
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  if (plain.length === 0) throw new GoFuncError('runtime error: index out of range [-1]');
  const end = plain.length - (plain[plain.length - 1] as number);
  if (end < 0) throw new GoFuncError(`runtime error: slice bounds out of range [:${end}]`);
  return goString(plain.subarray(0, end));
}

const CERT = 'sprig.certificate';
const LIST = '[]interface {}';

/** Sprig's hashing and crypto functions. */
export const cryptoFuncs: Readonly<Record<string, GoFuncSpec>> = {
  sha1sum: { params: ['string'], result: 'string', call: (_ctx, s) => hexDigest('sha1')(s as string) },
  sha256sum: { params: ['string'], result: 'string', call: (_ctx, s) => hexDigest('sha256')(s as string) },
  sha512sum: { params: ['string'], result: 'string', call: (_ctx, s) => hexDigest('sha512')(s as string) },
  adler32sum: { params: ['string'], result: 'string', call: (_ctx, s) => String(adler32(utf8(s as string))) },
  bcrypt: { params: ['string'], result: 'string', call: (ctx, s) => bcryptHash(ctx, s as string) },
  htpasswd: {
    params: ['string', 'string'],
    result: 'string',
    call: (ctx, user, pass) => {
      if ((user as string).includes(':')) return `invalid username: ${user as string}`;
      return `${user as string}:${bcryptHash(ctx, pass as string)}`;
    },
  },
  derivePassword: {
    params: ['uint32', 'string', 'string', 'string', 'string'],
    result: 'string',
    call: (_ctx, counter, type, password, user, site) =>
      derivePassword(counter as number, type as string, password as string, user as string, site as string),
  },
  genPrivateKey: {
    params: ['string'],
    result: 'string',
    call: (ctx, type) => generatePrivateKey(ctx, type as string),
  },
  buildCustomCert: {
    params: ['string', 'string'],
    result: CERT,
    call: (_ctx, cert, key) => buildCustomCert(cert as string, key as string),
  },
  genCA: {
    params: ['string', 'int'],
    result: CERT,
    call: (ctx, cn, days) => caCertificate(ctx, cn as string, days as number, generateRsa(ctx, 2048)),
  },
  genCAWithKey: {
    params: ['string', 'int', 'string'],
    result: CERT,
    call: (ctx, cn, days, key) => caCertificate(ctx, cn as string, days as number, pemKey(key as string)),
  },
  genSelfSignedCert: {
    params: ['string', LIST, LIST, 'int'],
    result: CERT,
    call: (ctx, ...args) => selfSigned(ctx, args, () => generateRsa(ctx, 2048)),
  },
  genSelfSignedCertWithKey: {
    params: ['string', LIST, LIST, 'int', 'string'],
    result: CERT,
    call: (ctx, ...args) => selfSigned(ctx, args, () => pemKey(args[4] as string)),
  },
  genSignedCert: {
    params: ['string', LIST, LIST, 'int', CERT],
    result: CERT,
    call: (ctx, ...args) =>
      withCertErrors('decodedSignerCert.Bytes', () => signed(ctx, args, () => generateRsa(ctx, 2048))),
  },
  genSignedCertWithKey: {
    params: ['string', LIST, LIST, 'int', CERT, 'string'],
    result: CERT,
    call: (ctx, ...args) =>
      withCertErrors('decodedSignerCert.Bytes', () => signed(ctx, args, () => pemKey(args[5] as string))),
  },
  encryptAES: {
    params: ['string', 'string'],
    result: 'string',
    call: (ctx, password, text) => encryptAES(ctx, password as string, text as string),
  },
  decryptAES: {
    params: ['string', 'string'],
    result: 'string',
    call: (_ctx, password, crypt) => decryptAES(password as string, crypt as string),
  },
};
