/**
 * Deciding whether one string is a committed credential (checks-facts.md §3.2–§3.4): known formats first, then
 * URLs with a password, then secret-like keys holding a high-entropy literal. The false-positive controls
 * (placeholders, references, encrypted values, key-name fields) are applied before anything is reported.
 */
import type { SecretPatterns } from './patterns.js';

/** What was found; `secret` is the sensitive part, for hashing and redaction only. */
export interface Detection {
  messageId: 'known-format' | 'private-key' | 'url-password' | 'keyword';
  secret: string;
  /** For known formats: what the credential is ("a GitHub token"). */
  description?: string;
}

/** The gates of the keyword heuristic. */
export interface DetectOptions {
  minLength: number;
  minEntropy: number;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Words of a key: camelCase, snake_case, kebab-case and dotted parts, lowercased. */
export function wordsOf(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** True when a key names a credential (and not the name of one, a setting about one, or a reference to one). */
export function isCredentialKey(key: string, patterns: SecretPatterns): boolean {
  const words = wordsOf(key);
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined) return false;
  if (patterns.referenceKeys.has(first)) return false;
  if (patterns.nameSuffixes.has(last)) return false;
  if (last === 'key' && words.length >= 2 && patterns.keyNameWords.has(words[words.length - 2] ?? ''))
    return false;
  const squashed = words.join('');
  return patterns.keywords.some((k) => squashed.includes(k));
}

function anyMatch(list: readonly { matcher(s: string): { find(): boolean } }[], value: string): boolean {
  return list.some((re) => re.matcher(value).find());
}

/** A run of one character, or an ascending run such as `abcdef` or `123456`. */
function isTrivial(value: string): boolean {
  if (new Set(value).size <= 1) return true;
  for (let i = 1; i < value.length; i++)
    if (value.charCodeAt(i) !== value.charCodeAt(i - 1) + 1) return false;
  return true;
}

/** Values that are not secrets whatever their key: placeholders, references, encrypted blobs, trivial runs. */
export function isIgnorable(value: string, patterns: SecretPatterns): boolean {
  const v = value.trim();
  return (
    v === '' ||
    isTrivial(v) ||
    anyMatch(patterns.placeholders, v) ||
    anyMatch(patterns.references, v) ||
    anyMatch(patterns.encrypted, v)
  );
}

/** Identifiers (`redis-password`, `tls.key`, `DB_PASSWORD`) name things; real credentials rarely look like this. */
function isPlainIdentifier(value: string): boolean {
  return /^[a-z]+(?:[-_.][a-z]+)*$/.test(value) || /^[A-Z]+(?:_[A-Z]+)*$/.test(value);
}

const URL_WITH_PASSWORD = /\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s:/@]*:([^\s@/]+)@[^\s@]/;

/**
 * Detects a credential in `value` found under `key` (a values key, a Secret/ConfigMap key or an env name).
 * `secretSlot` marks values that sit in a Secret: any high-entropy literal there is a credential, whatever its key.
 */
export function detectSecret(
  value: string,
  key: string | undefined,
  patterns: SecretPatterns,
  options: DetectOptions,
  secretSlot = false,
): Detection | undefined {
  // The cheap tests come first: most values match no format keyword and sit under no credential key.
  let lowered: string | undefined;
  let ignorable: boolean | undefined;
  const valueIgnorable = () => (ignorable ??= isIgnorable(value, patterns));
  for (const format of patterns.formats) {
    if (format.keywords) {
      lowered ??= value.toLowerCase();
      if (!format.keywords.some((k) => lowered!.includes(k))) continue;
    }
    if (valueIgnorable()) return undefined;
    const m = format.regex.matcher(value);
    if (!m.find()) continue;
    const secret =
      m.groupCount() >= 1 && m.group(1) !== null ? (m.group(1) as string) : (m.group() as string);
    if (format.allow?.matcher(secret).find()) continue;
    if (isIgnorable(secret, patterns)) continue;
    return format.id === 'private-key'
      ? { messageId: 'private-key', secret }
      : { messageId: 'known-format', secret, description: format.description };
  }
  const url = URL_WITH_PASSWORD.exec(value);
  if (url?.[1] && !valueIgnorable() && !isIgnorable(decodeURIComponentSafe(url[1]), patterns)) {
    return { messageId: 'url-password', secret: url[1] };
  }
  const credentialKey = key !== undefined && isCredentialKey(key, patterns);
  if (!credentialKey && !secretSlot) return undefined;
  const v = value.trim();
  if (v.length < options.minLength || isPlainIdentifier(v) || /\s/.test(v) || valueIgnorable())
    return undefined;
  // Secrets hold random-looking data under any key name, so without a telling key the bar is higher.
  const minEntropy = credentialKey ? options.minEntropy : options.minEntropy + 0.5;
  if (shannonEntropy(v) < minEntropy) return undefined;
  return { messageId: 'keyword', secret: v };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
