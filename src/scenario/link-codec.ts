// Share links: a scenario travels in the URL hash as
// `s=2.<crc32(payload) in hex>.<payload>`, payload = base64url(raw deflate(JSON document)).
// The checksum lets a damaged link be refused instead of opening as another scenario;
// version-1 links (`s=1.<payload>`, no checksum) still open as they always did.
//
// Safety: everything decoded from a link is plain data. It goes through JSON.parse and the
// scenario validator and nothing else — it is never evaluated, never used as code, a URL or
// a selector, and never inserted as HTML (labels are rendered as text by the UI).
import { deflateSync } from 'fflate';
import { describeValue, type KindRegistry, type SimScenario } from '../engine/index.ts';
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { inflateBounded } from './bounded-inflate.ts';
import { crc32Hex } from './crc32.ts';
import { depthErrors } from './json-depth.ts';
import { toDocument } from './document.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { CURRENT_VERSION } from './migrations.ts';
import { formatErrors } from './scenario-error.ts';
import { SCENARIO_FORMAT } from './schema.ts';
import { MAX_REPORTED_ERRORS, parseScenario } from './validate.ts';

/** Version of the link encoding itself (not of the document inside it). */
export const LINK_CODEC_VERSION = 2;

/** The first link version that carries a checksum. */
const CHECKSUM_SINCE = 2;

export const LINK_LIMITS = {
  /** Checked before anything is decoded. ~150 KB of compressed data: far above real scenarios. */
  maxEncodedChars: 200 * 1024,
  /** Decompression stops as soon as the output passes this (zip bombs). */
  maxDocumentBytes: SCENARIO_LIMITS.maxDocumentBytes,
} as const;

export type LinkResult =
  { ok: true; scenario: SimScenario; warnings: string[] } | { ok: false; error: string };

export const NO_SCENARIO_IN_LINK = 'no scenario in this link';

const PARAM = 's=';
const ERRORS_SHOWN = 3;
const utf8 = new TextEncoder();

/**
 * The hash fragment (without '#') that carries `scenario`: `s=2.<checksum>.<base64url>`.
 * Callers that want to warn about oversized links compare its length with
 * `LINK_LIMITS.maxEncodedChars`.
 */
export function encodeScenarioLink(scenario: SimScenario): string {
  const bytes = utf8.encode(JSON.stringify(toDocument(scenario)));
  const payload = encodeBase64url(deflateSync(bytes, { level: 9 }));
  return `${PARAM}${LINK_CODEC_VERSION}.${crc32Hex(payload)}.${payload}`;
}

/** The raw value of the `s` parameter of a hash such as `#s=…&x=y`, if there is one. */
function scenarioParam(hash: string): string | undefined {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  for (let start = 0; start < text.length;) {
    const amp = text.indexOf('&', start);
    const end = amp < 0 ? text.length : amp;
    if (text.startsWith(PARAM, start)) return text.slice(start + PARAM.length, end);
    start = end + 1;
  }
  return undefined;
}

/** Whether the hash carries a scenario at all (it may still be damaged). */
export function hasScenarioLink(hash: string): boolean {
  return typeof hash === 'string' && scenarioParam(hash) !== undefined;
}

type LinkFailure = Extract<LinkResult, { ok: false }>;

const fail = (error: string): LinkFailure => ({ ok: false, error });
const damaged = (what: string): LinkFailure => fail(`This link is damaged: ${what}.`);
const kb = (bytes: number) => Math.ceil(bytes / 1024);

function newerVersion(what: string): LinkFailure {
  return fail(
    `This link was made by a newer version of Faultline (${what}); open it with an up-to-date Faultline.`,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a link whose checksum does not match says. */
export const CHECKSUM_MISMATCH =
  'This link is damaged: its checksum does not match, so part of it was cut off or changed, perhaps when it was copied.';
const CHECKSUM = /^[0-9a-f]{8}$/;

/**
 * The payload text → the JSON value of the document, or the sentence saying why not.
 * `checksum`: what the link says the payload's CRC-32 is (links from version 2 on).
 */
function decodePayload(
  payload: string,
  checksum: string | undefined,
): { ok: true; doc: unknown } | LinkFailure {
  const decoded = decodeBase64url(payload);
  if (!decoded.ok) {
    return decoded.problem === 'bad-character'
      ? damaged('its scenario data contains characters that never appear in a Faultline link')
      : damaged('its scenario data is incomplete, perhaps cut off when the link was copied');
  }
  if (checksum !== undefined && crc32Hex(payload) !== checksum) return fail(CHECKSUM_MISMATCH);
  const inflated = inflateBounded(decoded.bytes, LINK_LIMITS.maxDocumentBytes);
  if (!inflated.ok) {
    if (inflated.problem === 'corrupt') {
      return damaged('its scenario data could not be decompressed');
    }
    const limit = kb(LINK_LIMITS.maxDocumentBytes);
    return fail(
      `This link is too large (over ${limit} KB once decompressed; the limit is ${limit} KB).`,
    );
  }
  // Before JSON.parse, which is slow on a hostile nesting of lists (see json-depth.ts).
  const tooDeep = depthErrors(inflated.bytes);
  if (tooDeep.length) return invalid(tooDeep);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return damaged('its scenario data is not valid text');
  }
  try {
    return { ok: true, doc: JSON.parse(text) as unknown };
  } catch {
    return damaged('its scenario data is not valid JSON');
  }
}

function invalid(errors: readonly { path: string; message: string }[]): LinkFailure {
  const shown = formatErrors(errors.slice(0, ERRORS_SHOWN)).join('; ');
  const rest = errors.length - ERRORS_SHOWN;
  // parseScenario caps its list; past the cap the exact count is unknown.
  const more =
    errors.length > MAX_REPORTED_ERRORS
      ? ` (and more than ${MAX_REPORTED_ERRORS - ERRORS_SHOWN} other problems)`
      : rest > 0
        ? ` (and ${rest} other problem${rest === 1 ? '' : 's'})`
        : '';
  return fail(`This link's scenario is invalid: ${shown}${more}`);
}

/**
 * Reads a scenario from a URL hash (with or without the leading '#'; other parameters are
 * ignored). Never throws: a bad link comes back as one sentence a person can act on. Sizes
 * are checked before decoding and during decompression, so a hostile link cannot stall or
 * exhaust the tab.
 */
export function decodeScenarioLink(hash: string, registry: KindRegistry): LinkResult {
  const value = typeof hash === 'string' ? scenarioParam(hash) : undefined;
  if (value === undefined) return fail(NO_SCENARIO_IN_LINK);
  if (value.length > LINK_LIMITS.maxEncodedChars) {
    return fail(
      `This link is too large (${kb(value.length)} KB; the limit is ${kb(LINK_LIMITS.maxEncodedChars)} KB).`,
    );
  }
  const dot = value.indexOf('.');
  const versionText = dot < 0 ? '' : value.slice(0, dot);
  const rest = value.slice(dot + 1);
  if (value === '' || rest === '') return damaged('it contains no scenario data');
  if (!/^\d{1,6}$/.test(versionText)) {
    return damaged('its scenario data is not in a format Faultline understands');
  }
  const codec = Number(versionText);
  if (codec > LINK_CODEC_VERSION) {
    return newerVersion(`link format ${codec}; this app reads up to format ${LINK_CODEC_VERSION}`);
  }
  if (codec < 1) return damaged(`it uses an unknown link format (${codec})`);

  // From version 2: `<checksum>.<payload>`; version 1: `<payload>`.
  let checksum: string | undefined;
  let payload = rest;
  if (codec >= CHECKSUM_SINCE) {
    const split = rest.indexOf('.');
    checksum = split < 0 ? '' : rest.slice(0, split);
    payload = rest.slice(split + 1);
    if (!CHECKSUM.test(checksum)) {
      return damaged('its checksum is missing or malformed, perhaps cut off when it was copied');
    }
    if (payload === '') return damaged('it contains no scenario data');
  }
  const decoded = decodePayload(payload, checksum);
  if (!decoded.ok) return decoded;
  const doc = decoded.doc;
  if (!isPlainObject(doc)) {
    return fail(
      `This link does not contain a Faultline scenario: expected a JSON object, got ${describeValue(doc)}.`,
    );
  }
  const version = doc['version'];
  if (
    doc['format'] === SCENARIO_FORMAT &&
    typeof version === 'number' &&
    Number.isSafeInteger(version) &&
    version > CURRENT_VERSION
  ) {
    return newerVersion(
      `scenario version ${version}; this app reads up to version ${CURRENT_VERSION}`,
    );
  }
  const parsed = parseScenario(doc, registry);
  if (!parsed.ok) return invalid(parsed.errors);
  return { ok: true, scenario: parsed.scenario, warnings: parsed.warnings };
}
