/**
 * Minimal ASN.1 DER writing and reading, and PEM framing, for the keys and certificates sprig's crypto functions
 * produce (`crypto-keys.ts`, `crypto-x509.ts`). Only the universal types those structures use are covered.
 */

/** A DER element: tag byte and content. */
export interface DerNode {
  tag: number;
  /** The content octets (for constructed types, the concatenated encodings of the children). */
  content: Uint8Array;
  /** The whole encoding, tag and length included. */
  raw: Uint8Array;
}

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return [0x80 | out.length, ...out];
}

/** Encodes one element from its tag and content. */
function tlv(tag: number, content: Uint8Array): Uint8Array {
  return Uint8Array.from([tag, ...lengthBytes(content.length), ...content]);
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => Buffer.concat(parts);

export const seq = (...items: Uint8Array[]): Uint8Array => tlv(0x30, concat(items));
export const set = (...items: Uint8Array[]): Uint8Array => tlv(0x31, concat(items));
export const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
export const bool = (v: boolean): Uint8Array => tlv(0x01, Uint8Array.of(v ? 0xff : 0));
export const nullValue = (): Uint8Array => tlv(0x05, new Uint8Array(0));
/** Context-specific constructed (`[n] EXPLICIT`). */
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 | n, inner);
/** Context-specific primitive (`[n] IMPLICIT` over a primitive type). */
export const implicit = (n: number, content: Uint8Array): Uint8Array => tlv(0x80 | n, content);

/** A non-negative INTEGER. */
export function integer(v: bigint): Uint8Array {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let bytes = Buffer.from(hex, 'hex');
  if ((bytes[0] as number) & 0x80) bytes = Buffer.concat([Buffer.of(0), bytes]);
  return tlv(0x02, bytes);
}

/** A BIT STRING; `unusedBits` trailing bits of the last byte are padding. */
export const bitString = (b: Uint8Array, unusedBits = 0): Uint8Array =>
  tlv(0x03, Uint8Array.from([unusedBits, ...b]));

/** An OBJECT IDENTIFIER from dotted form. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [40 * (arcs[0] as number) + (arcs[1] as number)];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [];
    let v = arc;
    do {
      chunk.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] = (chunk[i] as number) | 0x80;
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** Go's asn1 string choice: PrintableString when every character allows it, else UTF8String. */
export function directoryString(s: string): Uint8Array {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);
  return tlv(printable ? 0x13 : 0x0c, Buffer.from(s, 'utf8'));
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5), at second precision. */
export function time(d: Date): Uint8Array {
  const iso = d.toISOString();
  const year = d.getUTCFullYear();
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  if (year >= 1950 && year < 2050) return tlv(0x17, Buffer.from(digits.slice(2) + 'Z', 'latin1'));
  return tlv(0x18, Buffer.from(digits.padStart(14, '0') + 'Z', 'latin1'));
}

/** Reads the element at `offset`; throws on truncated input. */
export function readDer(buf: Uint8Array, offset = 0): DerNode {
  const tag = buf[offset];
  let len = buf[offset + 1];
  if (tag === undefined || len === undefined) throw new Error('asn1: syntax error: data truncated');
  let start = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[start + i] ?? 0);
    start += n;
  }
  if (start + len > buf.length) throw new Error('asn1: syntax error: data truncated');
  return { tag, content: buf.subarray(start, start + len), raw: buf.subarray(offset, start + len) };
}

/** The children of a constructed element. */
export function children(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let off = 0; off < node.content.length;) {
    const child = readDer(node.content, off);
    out.push(child);
    off += child.raw.length;
  }
  return out;
}

/** The value of an INTEGER element. */
export function readInteger(node: DerNode): bigint {
  if (node.tag !== 0x02 || node.content.length === 0)
    throw new Error('asn1: structure error: not an integer');
  return BigInt('0x' + Buffer.from(node.content).toString('hex'));
}

/** Go's `pem.EncodeToMemory`: 64-column base64 between BEGIN/END lines, with a final newline. */
export function pem(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.map((l) => l + '\n').join('')}-----END ${type}-----\n`;
}

/** Go's `pem.Decode` (first block only): its type and bytes, or undefined when there is none. */
export function decodePem(text: string): { type: string; der: Uint8Array } | undefined {
  const m = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return undefined;
  // Header lines ("Key: value") precede a blank line; the body is what follows.
  const body = (m[2] as string).includes(':')
    ? ((m[2] as string).split(/\r?\n\r?\n/).pop() ?? '')
    : (m[2] as string);
  const b64 = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return undefined;
  return { type: m[1] as string, der: Buffer.from(b64, 'base64') };
}
