// CRC-32 (IEEE 802.3, the one zip, gzip and PNG use): it catches every change of up to 32
// adjacent bits — any one edited character of a link — and all but 1 in 4 billion others.

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}

/** The CRC-32 of a string's char codes, each taken as one byte (link text is ASCII). */
export function crc32OfAscii(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC-32 as eight lower-case hex digits. */
export function crc32Hex(text: string): string {
  return crc32OfAscii(text).toString(16).padStart(8, '0');
}
