import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import bcryptjs from 'bcryptjs';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { createCallContext } from '../../../src/template/render-context.js';
import { cryptoFuncs } from '../../../src/template/sprig/crypto.js';
import { SprigCertificate } from '../../../src/template/sprig/crypto-x509.js';
import { goList, type CallContext } from '../../../src/values/model.js';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/template/sprig/crypto.golden.json', import.meta.url), 'utf8'),
) as { cases: Record<string, { output?: string; error?: string }> };
const output = (id: string): string | undefined => golden.cases[id]?.output;
const errorOf = (id: string): string =>
  (golden.cases[id]?.error ?? '').replace(/^.*?error calling \w+: /s, '');
const ctxFor = (seed: string): CallContext =>
  createCallContext({ seed, now: new Date('2024-03-05T10:00:00Z') });
const ctx = ctxFor('crypto');
const call = (name: string, ...args: unknown[]): unknown => cryptoFuncs[name]?.call(ctx, ...args);
const cert = (v: unknown): SprigCertificate => v as SprigCertificate;
const pemLines = (pem: string): string => {
  const lines = pem.split('\n');
  return `${lines[0]};${lines[lines.length - 2]};${lines.length}`;
};

describe('hashes and derivePassword against helm goldens', () => {
  it('sha1sum, sha256sum, sha512sum, adler32sum', () => {
    const got = [
      call('sha1sum', 'abc'),
      call('sha256sum', 'abc'),
      call('sha512sum', 'abc'),
      call('adler32sum', 'abc'),
      call('sha256sum', ''),
      call('adler32sum', ''),
      call('sha1sum', 'héllo'),
      call('adler32sum', 'é'.repeat(6000)),
    ];
    expect(got.join('|')).toBe(output('hashes'));
  });
  it('derivePassword is the Master Password algorithm exactly', () => {
    const got = [
      call('derivePassword', 1, 'long', 'password', 'user', 'example.com'),
      call('derivePassword', 2, 'maximum', 'pw', 'ü', 'site'),
      call('derivePassword', 1, 'pin', 'a', 'b', 'c'),
      call('derivePassword', 3, 'basic', 'p', 'u', 's'),
      call('derivePassword', 1, 'medium', 'p', 'u', 's'),
      call('derivePassword', 1, 'short', 'p', 'u', 's'),
    ];
    expect(got.join('|')).toBe(output('derivePassword'));
    expect(call('derivePassword', 1, 'nope', 'p', 'u', 's')).toBe(output('derivePassword-unknown-template'));
    expect(cryptoFuncs.derivePassword?.params[0]).toBe('uint32');
  });
});

describe('bcrypt and htpasswd', () => {
  it('produces $2a$10$ hashes that verify', () => {
    const h = call('bcrypt', 'secret') as string;
    expect(h).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcryptjs.compareSync('secret', h)).toBe(true);
    expect(bcryptjs.compareSync('other', h)).toBe(false);
    expect(output('bcrypt-shape')).toBe('60 true');
  });
  it('is deterministic per seed', () => {
    expect(cryptoFuncs.bcrypt?.call(ctxFor('a'), 'x')).toBe(cryptoFuncs.bcrypt?.call(ctxFor('a'), 'x'));
    expect(cryptoFuncs.bcrypt?.call(ctxFor('a'), 'x')).not.toBe(cryptoFuncs.bcrypt?.call(ctxFor('b'), 'x'));
  });
  it('rejects passwords over 72 bytes as Go does, in the result', () => {
    expect(call('bcrypt', 'a'.repeat(73))).toBe(output('bcrypt-too-long'));
  });
  it('htpasswd', () => {
    const line = call('htpasswd', 'admin', 'secret') as string;
    expect(line.startsWith('admin:$2a$10$')).toBe(true);
    expect(bcryptjs.compareSync('secret', line.slice('admin:'.length))).toBe(true);
    expect(`true|${call('htpasswd', 'a:b', 'p') as string}`).toBe(output('htpasswd'));
  });
});

describe('genPrivateKey', () => {
  it('writes each key type in sprig PEM form with the sizes Go uses', () => {
    const got = ['rsa', '', 'ecdsa', 'ed25519', 'dsa'].map(
      (t) => pemLines(call('genPrivateKey', t) as string) + '|',
    );
    expect(got.join('')).toBe(output('genPrivateKey-shapes'));
    expect(call('genPrivateKey', 'foo')).toBe(output('genPrivateKey-unknown'));
  });
  it('generates keys that OpenSSL accepts', () => {
    const details = (t: string) => createPrivateKey(call('genPrivateKey', t) as string);
    expect(details('rsa').asymmetricKeyDetails).toMatchObject({
      modulusLength: 4096,
      publicExponent: 65537n,
    });
    expect(details('ecdsa').asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });
    expect(details('ed25519').asymmetricKeyType).toBe('ed25519');
    expect(details('dsa').asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, divisorLength: 256 });
  });
  it('is deterministic per seed', () => {
    for (const t of ['ecdsa', 'ed25519', 'rsa']) {
      const a = cryptoFuncs.genPrivateKey?.call(ctxFor('k'), t);
      expect(cryptoFuncs.genPrivateKey?.call(ctxFor('k'), t), t).toBe(a);
      expect(cryptoFuncs.genPrivateKey?.call(ctxFor('other'), t), t).not.toBe(a);
    }
  });
});

describe('certificates', () => {
  it('genCA: the same seed gives the same CA, a CA certificate that node-forge parses and whose key matches', () => {
    const a = cert(cryptoFuncs.genCA?.call(ctxFor('ca'), 'my-ca', 365));
    const b = cert(cryptoFuncs.genCA?.call(ctxFor('ca'), 'my-ca', 365));
    expect(b.cert).toBe(a.cert);
    expect(b.key).toBe(a.key);
    const parsed = forge.pki.certificateFromPem(a.cert);
    const key = forge.pki.privateKeyFromPem(a.key);
    expect(parsed.subject.getField('CN').value).toBe('my-ca');
    expect(parsed.issuer.getField('CN').value).toBe('my-ca');
    expect((parsed.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n)).toBe(true);
    expect(key.n.bitLength()).toBe(2048);
    expect(parsed.verify(parsed)).toBe(true);
    expect(parsed.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true });
    expect(parsed.getExtension('keyUsage')).toMatchObject({
      keyCertSign: true,
      digitalSignature: true,
      critical: true,
    });
    expect(parsed.validity.notBefore.toISOString()).toBe('2024-03-05T10:00:00.000Z');
    expect(parsed.validity.notAfter.toISOString()).toBe('2025-03-05T10:00:00.000Z');
    expect(`${a.goType}|struct|true|true|true|true`).toBe(output('genCA-shape'));
  });
  it('genSignedCert: signed by the CA, with SANs and the CA key id', () => {
    const ca = cert(call('genCA', 'ca', 1));
    const leaf = cert(
      call(
        'genSignedCert',
        'svc',
        goList(['10.0.0.1', '::ffff:1.2.3.4', 'fe80::1']),
        goList(['svc.ns']),
        30,
        ca,
      ),
    );
    const x = new X509Certificate(leaf.cert);
    expect(x.verify(new X509Certificate(ca.cert).publicKey)).toBe(true);
    expect(x.subject).toBe('CN=svc');
    expect(x.issuer).toBe('CN=ca');
    expect(x.subjectAltName).toBe(
      'DNS:svc.ns, IP Address:10.0.0.1, IP Address:1.2.3.4, IP Address:FE80:0:0:0:0:0:0:1',
    );
    expect(x.ca).toBe(false);
    expect(x.checkPrivateKey(createPrivateKey(leaf.key))).toBe(true);
    expect(output('genSignedCert-shape')).toBe('true|true|true');
  });
  it('genSelfSignedCert', () => {
    const c = cert(call('genSelfSignedCert', 'host', null, null, 10));
    const x = new X509Certificate(c.cert);
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.subjectAltName).toBeUndefined();
    expect(x.checkPrivateKey(createPrivateKey(c.key))).toBe(true);
  });
  it('*WithKey functions sign with ECDSA and Ed25519 keys and keep the key PEM', () => {
    const ec = call('genPrivateKey', 'ecdsa') as string;
    const ed = call('genPrivateKey', 'ed25519') as string;
    const ca = cert(call('genCAWithKey', 'ca', 1, ec));
    const self = cert(call('genSelfSignedCertWithKey', 'x', null, null, 1, ed));
    const leaf = cert(call('genSignedCertWithKey', 'y', null, goList(['y.example']), 1, ca, ed));
    expect([ca.key === ec, self.key === ed, leaf.key === ed].join('|')).toBe(
      output('withKey-keeps-key-form'),
    );
    const caX = new X509Certificate(ca.cert);
    expect(caX.verify(createPublicKey(ec))).toBe(true);
    expect(new X509Certificate(self.cert).verify(createPublicKey(ed))).toBe(true);
    expect(new X509Certificate(leaf.cert).verify(caX.publicKey)).toBe(true);
  });
  it('buildCustomCert round-trips a certificate and key', () => {
    const ca = cert(call('genCA', 'ca', 1));
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    const built = cert(call('buildCustomCert', b64(ca.cert), b64(ca.key)));
    expect([built.cert === ca.cert, built.key === ca.key, built.goType].join('|')).toBe(
      output('buildCustomCert'),
    );
    expect(built.field('Cert')).toBe(ca.cert);
    expect(built.formatV()).toBe(`{${ca.cert} ${ca.key}}`);
  });
  it('fails with sprig error texts', () => {
    const ca = cert(call('genCA', 'ca', 1));
    const dsa = call('genPrivateKey', 'dsa') as string;
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    const cases: [string, string, unknown[]][] = [
      ['genSelfSignedCert-bad-ip', 'genSelfSignedCert', ['x', goList(['bad']), null, 1]],
      ['genSelfSignedCert-ip-not-string', 'genSelfSignedCert', ['x', goList([1]), null, 1]],
      ['genSelfSignedCert-dns-not-string', 'genSelfSignedCert', ['x', null, goList([1]), 1]],
      ['genCAWithKey-no-pem', 'genCAWithKey', ['x', 1, 'junk']],
      [
        'genCAWithKey-wrong-block',
        'genCAWithKey',
        ['x', 1, '-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n'],
      ],
      [
        'genCAWithKey-unknown-key-type',
        'genCAWithKey',
        ['x', 1, '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n'],
      ],
      ['genCAWithKey-dsa', 'genCAWithKey', ['x', 1, dsa]],
      ['genSignedCertWithKey-dsa-signee', 'genSignedCertWithKey', ['x', null, null, 1, ca, dsa]],
      ['buildCustomCert-bad-base64-cert', 'buildCustomCert', ['!!', 'x']],
      ['buildCustomCert-bad-base64-key', 'buildCustomCert', ['YQ==', '!!']],
      ['buildCustomCert-not-pem', 'buildCustomCert', ['YQ==', 'YQ==']],
      ['buildCustomCert-bad-key', 'buildCustomCert', [b64(ca.cert), b64('junk')]],
    ];
    for (const [id, name, args] of cases) expect(() => call(name, ...args), id).toThrow(errorOf(id));
  });
});

describe('encryptAES and decryptAES', () => {
  it('round-trip with AES-256-CBC and a random IV', () => {
    const got = [
      call('decryptAES', 'secretkey', call('encryptAES', 'secretkey', 'hello world')),
      call('encryptAES', 'k', ''),
      call('decryptAES', 'k', ''),
      (call('encryptAES', 'k', 'x') as string).length,
      (call('encryptAES', 'k', 'x'.repeat(16)) as string).length,
      call('decryptAES', 'k'.repeat(40), call('encryptAES', 'k'.repeat(40), 'long key')),
    ];
    expect(got.join('|')).toBe(output('aes-roundtrip'));
  });
  it('fails like Go on malformed input', () => {
    for (const [id, input] of [
      ['decryptAES-bad-base64', 'abc'],
      ['decryptAES-short', 'YWJj'],
      ['decryptAES-partial-block', 'YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo='],
      ['decryptAES-bad-padding', 'YWJjZGVmZ2hpamtsbW5vcGFiY2RlZmdoaWprbG1ub3A='],
      ['decryptAES-iv-only', 'YWJjZGVmZ2hpamtsbW5vcA=='],
    ] as const) {
      expect(() => call('decryptAES', 'k', input), id).toThrow(errorOf(id));
    }
  });
});
