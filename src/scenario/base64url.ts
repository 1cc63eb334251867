// Base64url (RFC 4648 §5) without padding: the alphabet that survives URLs, hashes and chat
// apps untouched. Hand-rolled because `Buffer` is Node-only and `btoa` works on binary strings.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** char code → 6-bit value, or -1 for characters outside the alphabet. */
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64url(bytes: Uint8Array): string {
  const chars: string[] = [];
  const at = (i: number) => bytes[i] ?? 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    const count = Math.min(3, bytes.length - i) + 1; // 1, 2 or 3 bytes → 2, 3 or 4 chars
    for (let k = 0; k < count; k++) chars.push(ALPHABET.charAt((n >> (18 - 6 * k)) & 63));
  }
  return chars.join('');
}

export type Base64urlResult =
  { ok: true; bytes: Uint8Array } | { ok: false; problem: 'bad-character' | 'bad-length' };

/**
 * Strict decoding: any character outside the alphabet is refused (no whitespace, no '+' or
 * '/'), and so is a length no encoder can produce. Trailing '=' padding is tolerated.
 */
export function decodeBase64url(text: string): Base64urlResult {
  let end = text.length;
  while (end > 0 && end > text.length - 2 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (VALUES[code] as number) : -1;
    if (v < 0) return { ok: false, problem: 'bad-character' };
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
  }
  // Checked after the characters: a stray character says more than a wrong length.
  if (end % 4 === 1) return { ok: false, problem: 'bad-length' };
  return { ok: true, bytes };
}
