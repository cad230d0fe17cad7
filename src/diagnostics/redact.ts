/**
 * Redacts a secret for display: at most a four-character prefix and the length, never the value.
 * Short secrets show no prefix at all, because four characters of an eight-character password is half of it.
 */
export function redactSecret(value: string): string {
  const prefix = value.length >= 16 ? value.slice(0, 4) : '';
  return `${prefix}${prefix ? '…' : ''}[redacted, ${value.length} chars]`;
}
