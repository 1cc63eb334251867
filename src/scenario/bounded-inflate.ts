import { Inflate } from 'fflate';

/**
 * Input is fed to the inflater in slices this small so that the output can be checked as it
 * grows: DEFLATE expands at most ~1032×, so one slice adds at most ~0.5 MB before the check.
 */
const SLICE_BYTES = 512;

export type InflateResult =
  { ok: true; bytes: Uint8Array } | { ok: false; problem: 'corrupt' | 'too-large' };

/**
 * Raw DEFLATE decompression that gives up as soon as the output passes `maxBytes`, so a
 * "zip bomb" (a few KB that expand to gigabytes) costs at most one slice of work beyond the
 * limit. Never throws: corrupt or truncated data is reported as `corrupt`.
 */
export function inflateBounded(data: Uint8Array, maxBytes: number): InflateResult {
  const parts: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) tooLarge = true;
    else if (chunk.length > 0) parts.push(chunk);
  });
  // An empty stream is not a valid DEFLATE stream (fflate would quietly return nothing).
  if (data.length === 0) return { ok: false, problem: 'corrupt' };
  try {
    for (let start = 0; start < data.length && !tooLarge; start += SLICE_BYTES) {
      const end = Math.min(start + SLICE_BYTES, data.length);
      inflater.push(data.subarray(start, end), end === data.length);
    }
  } catch {
    // fflate throws on invalid block types, bad Huffman tables, distances and early ends.
    return tooLarge ? { ok: false, problem: 'too-large' } : { ok: false, problem: 'corrupt' };
  }
  if (tooLarge) return { ok: false, problem: 'too-large' };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { ok: true, bytes };
}
