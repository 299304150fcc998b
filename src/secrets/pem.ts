/**
 * PEM and PGP-armoured private keys of every type (RSA, DSA, EC, OpenSSH, PKCS#8 with ed25519 or any other
 * algorithm, encrypted PKCS#8 or legacy `Proc-Type: 4,ENCRYPTED`, PGP, SSH2) with a real body of any length.
 * secretlint's preset wants at least 100 base64 characters and a type it knows, which misses short keys
 * (an ed25519 PKCS#8 body is 64 characters) and EC keys.
 *
 * A block is a key when its body, header lines removed, is base64 of at least 40 characters with the variety
 * of real key material. Placeholders are not: `...`, `…`, `<your key>`, `xxxxxx`, "REDACTED", an empty body.
 * A block without an END line still counts when at least 128 base64 characters follow the BEGIN line (a key
 * pasted in part is still leaked).
 */
import { shannonEntropy } from "./entropy.js";

// Not global: `exec` and `matchAll` must not share a `lastIndex` between calls.
const BEGIN = /-{4,5} ?BEGIN ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY(?: BLOCK)? ?-{4,5}/;
const END = /-{4,5} ?END (?:[A-Z0-9]+ ){0,4}PRIVATE KEY(?: BLOCK)? ?-{4,5}/;
/** How far an END line is looked for, and how much of an unterminated body is read. */
const MAX_BODY = 65_536;
const MIN_BODY = 40;
const MIN_UNTERMINATED_BODY = 128;

/** Elisions, markup and words that make a body an example rather than a key. */
const PLACEHOLDER_BODY = /\.{3}|…|\*{3}|[xX]{6}|[<>{}[\]]|\b(?:your|example|redacted|placeholder|insert|replace|paste|snip(?:ped)?|truncated|omitted|removed|private key here)\b/i;

/** Armour header lines (`Proc-Type:`, `DEK-Info:`, `Version:`, `Comment:`) carry no key material. */
const ARMOUR_HEADER = /^[A-Za-z][A-Za-z0-9-]{1,30}: ?.*$/;

/** The base64 key material of a block body, or undefined when the body is not key material. */
export function keyMaterial(body: string): string | undefined {
  // Inside a JSON or code string the line breaks are `\n` escapes.
  const lines = body.replace(/\\[nr]/g, "\n").split(/\r?\n/);
  let material = "";
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || ARMOUR_HEADER.test(trimmed)) continue;
    material += trimmed;
  }
  material = material.replace(/\s+/g, "");
  return /^[A-Za-z0-9+/=]+$/.test(material) ? material : undefined;
}

/** True when a block body is a real key rather than an example. */
export function isRealKeyBody(body: string, minLength = MIN_BODY): boolean {
  if (PLACEHOLDER_BODY.test(body)) return false;
  const material = keyMaterial(body);
  return material !== undefined && material.length >= minLength && shannonEntropy(material) >= 3.5;
}

/** Every private key block with a real body, as `[start, end)` ranges from BEGIN to the end of END. */
export function* findPrivateKeys(text: string): Generator<readonly [number, number]> {
  if (!text.includes("PRIVATE KEY")) return;
  const begins = [...text.matchAll(new RegExp(BEGIN.source, "g"))];
  for (let i = 0; i < begins.length; i++) {
    const begin = begins[i]!;
    const bodyStart = begin.index + begin[0].length;
    // Look no further than the next BEGIN, so each character is searched once.
    const limit = Math.min(i + 1 < begins.length ? begins[i + 1]!.index : text.length, bodyStart + MAX_BODY);
    const window = text.slice(bodyStart, limit);
    const end = END.exec(window);
    if (end) {
      if (isRealKeyBody(window.slice(0, end.index))) yield [begin.index, bodyStart + end.index + end[0].length];
      continue;
    }
    // No END: the body runs to the first blank line.
    const blank = window.search(/\r?\n[ \t]*\r?\n/);
    const body = blank < 0 ? window : window.slice(0, blank);
    if (isRealKeyBody(body, MIN_UNTERMINATED_BODY)) yield [begin.index, bodyStart + body.trimEnd().length];
  }
}

/** True when the text of a private-key finding (from any scanner) holds an example body, not a key. */
export function isPlaceholderKeyBlock(value: string): boolean {
  const begin = BEGIN.exec(value);
  if (!begin) return false;
  const rest = value.slice(begin.index + begin[0].length);
  const end = END.exec(rest);
  return !isRealKeyBody(end ? rest.slice(0, end.index) : rest, end ? MIN_BODY : 1);
}
