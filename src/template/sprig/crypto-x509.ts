/**
 * X.509 certificates as sprig's `genCA`/`genSelfSignedCert`/`genSignedCert` families make them through Go's
 * `x509.CreateCertificate`: the same fields, extensions, extension order, encodings and criticality, so the
 * certificates have Helm's shape (only the random parts differ, and those come from the render's stream).
 */
import { createHash } from 'node:crypto';
import { GoObject, type CallContext, type GoValue } from '../../values/model.js';
import {
  bitString,
  bool,
  children,
  decodePem,
  directoryString,
  explicit,
  implicit,
  integer,
  nullValue,
  octets,
  oid,
  pem,
  readDer,
  seq,
  set,
  time,
  type DerNode,
} from './crypto-der.js';
import { signWith, signatureAlgorithm, subjectPublicKeyInfo, type PrivateKey } from './crypto-keys.js';

/** sprig's `certificate` struct: PEM certificate and key. */
export class SprigCertificate extends GoObject {
  readonly goType = 'sprig.certificate';
  constructor(
    readonly cert: string,
    readonly key: string,
  ) {
    super();
  }
  override field(name: string): GoValue | undefined {
    if (name === 'Cert') return this.cert;
    if (name === 'Key') return this.key;
    return undefined;
  }
  formatV(): string {
    return `{${this.cert} ${this.key}}`;
  }
}

/** Key usage bits (Go's `x509.KeyUsage`). */
export const KEY_USAGE = { digitalSignature: 1, keyEncipherment: 4, certSign: 32 } as const;

/** What sprig's `getBaseCertTemplate` fills in, plus the CA overrides. */
export interface CertTemplate {
  commonName: string;
  ips: Uint8Array[];
  dnsNames: string[];
  notBefore: Date;
  notAfter: Date;
  keyUsage: number;
  isCA: boolean;
}

/** The issuing side of a certificate: its subject name, its key identifier and its key. */
export interface Issuer {
  name: Uint8Array;
  subjectKeyId: Uint8Array | undefined;
  key: PrivateKey;
}

/** A certificate failure, with Go's message. */
export class CertError extends Error {}

/** The DER Name with one CN attribute (empty when the CN is empty, as `pkix.Name` does). */
function nameWithCommonName(cn: string): Uint8Array {
  if (cn === '') return seq();
  return seq(set(seq(oid('2.5.4.3'), directoryString(cn))));
}

const extension = (id: string, critical: boolean, value: Uint8Array): Uint8Array =>
  critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));

/** Go's key usage encoding: bits reversed into bytes, trailing zero bits dropped. */
function keyUsageValue(usage: number): Uint8Array {
  const reverse = (b: number): number => {
    let r = 0;
    for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 1 << (7 - i);
    return r;
  };
  const bytes = [reverse(usage & 0xff), reverse((usage >> 8) & 0xff)];
  const used = bytes[1] === 0 ? bytes.slice(0, 1) : bytes;
  const last = used[used.length - 1] as number;
  let unused = 0;
  while (unused < 8 && !(last & (1 << unused))) unused++;
  return bitString(Uint8Array.from(used), unused === 8 ? 0 : unused);
}

/** The subjectPublicKey bits of a SubjectPublicKeyInfo. */
function publicKeyBits(spki: Uint8Array): Uint8Array {
  const bits = children(readDer(spki))[1] as DerNode;
  return bits.content.subarray(1);
}

/** Go 1.25's generated SubjectKeyId: SHA-256 of the public key bits, truncated to 160 bits (RFC 7093). */
const subjectKeyId = (spki: Uint8Array): Uint8Array =>
  createHash('sha256').update(publicKeyBits(spki)).digest().subarray(0, 20);

/** `x509.CreateCertificate` for sprig's templates; returns the PEM certificate. */
export function createCertificate(
  ctx: CallContext,
  template: CertTemplate,
  subjectKey: PrivateKey,
  issuer: Issuer | 'self',
): string {
  const signer = issuer === 'self' ? subjectKey : issuer.key;
  const algorithm = signatureAlgorithm(signer);
  const spki = subjectPublicKeyInfo(subjectKey);
  const serial = BigInt('0x' + Buffer.from(ctx.randomBytes(16)).toString('hex'));
  const subject = nameWithCommonName(template.commonName);
  const issuerName = issuer === 'self' ? subject : issuer.name;
  const ownKeyId = template.isCA ? subjectKeyId(spki) : undefined;
  const parentKeyId = issuer === 'self' ? ownKeyId : issuer.subjectKeyId;

  const extensions: Uint8Array[] = [
    extension('2.5.29.15', true, keyUsageValue(template.keyUsage)),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    extension('2.5.29.19', true, template.isCA ? seq(bool(true)) : seq()),
  ];
  if (ownKeyId) extensions.push(extension('2.5.29.14', false, octets(ownKeyId)));
  if (!Buffer.from(issuerName).equals(Buffer.from(subject)) && parentKeyId && parentKeyId.length > 0) {
    extensions.push(extension('2.5.29.35', false, seq(implicit(0, parentKeyId))));
  }
  if (template.dnsNames.length > 0 || template.ips.length > 0) {
    const names = [
      ...template.dnsNames.map((n) => implicit(2, Buffer.from(n, 'utf8'))),
      ...template.ips.map((ip) => implicit(7, ip)),
    ];
    // The SAN extension is critical when it is the only identity (empty subject).
    extensions.push(extension('2.5.29.17', template.commonName === '', seq(...names)));
  }

  const algorithmId = algorithm.nullParams ? seq(oid(algorithm.oid), nullValue()) : seq(oid(algorithm.oid));
  const tbs = seq(
    explicit(0, integer(2n)),
    integer(serial),
    algorithmId,
    issuerName,
    seq(time(template.notBefore), time(template.notAfter)),
    subject,
    spki,
    explicit(3, seq(...extensions)),
  );
  const signature = signWith(ctx, signer, tbs);
  return pem('CERTIFICATE', seq(tbs, algorithmId, bitString(signature)));
}

/** The subject and subject key identifier of a PEM certificate (the parts a signer contributes). */
export function parseCertificate(
  text: string,
): { name: Uint8Array; subjectKeyId: Uint8Array | undefined } | 'no-pem' {
  const block = decodePem(text);
  if (!block) return 'no-pem';
  try {
    const [tbsNode] = children(readDer(block.der));
    if (!tbsNode) throw new Error('empty');
    const fields = children(tbsNode);
    // The version field is optional (v1 certificates omit it).
    const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
    const subject = fields[offset + 4];
    if (!subject || subject.tag !== 0x30) throw new Error('no subject');
    let keyId: Uint8Array | undefined;
    const extField = fields.find((f) => f.tag === 0xa3);
    const extensionList = extField ? (children(extField)[0] as DerNode) : undefined;
    for (const ext of extensionList ? children(extensionList) : []) {
      const [id, ...rest] = children(ext);
      if (id && Buffer.from(id.raw).equals(Buffer.from(oid('2.5.29.14')))) {
        const value = rest[rest.length - 1] as DerNode;
        keyId = readDer(value.content).content;
      }
    }
    return { name: subject.raw, subjectKeyId: keyId };
  } catch {
    throw new CertError('x509: malformed certificate');
  }
}

/** Go's `net.ParseIP` as bytes (4 for IPv4 and IPv4-mapped addresses, as the SAN encoder stores them), or undefined. */
export function parseIp(s: string): Uint8Array | undefined {
  const v4 = (t: string): number[] | undefined => {
    const parts = t.split('.');
    if (parts.length !== 4) return undefined;
    const out: number[] = [];
    for (const p of parts) {
      // Go rejects leading zeros (ambiguous octal) since 1.17.
      if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
      out.push(Number(p));
    }
    return out;
  };
  const four = v4(s);
  if (four) return Uint8Array.from(four);
  if (!s.includes(':')) return undefined;
  let text = s;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    // An embedded IPv4 address supplies the last two groups.
    const e = v4(last);
    if (!e) return undefined;
    tail = [(e[0] as number) * 256 + (e[1] as number), (e[2] as number) * 256 + (e[3] as number)];
    text = s.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = group(halves[0] as string);
  const rest = halves.length === 2 ? group(halves[1] as string) : [];
  if (!head || !rest) return undefined;
  const words = head.length + rest.length + tail.length;
  if (halves.length === 1 ? words !== 8 : words > 7) return undefined;
  const all = [...head, ...new Array<number>(8 - words).fill(0), ...rest, ...tail];
  const bytes = Uint8Array.from(all.flatMap((w) => [w >> 8, w & 0xff]));
  const mapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.subarray(12) : bytes;
}
