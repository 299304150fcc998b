/**
 * AWS secret access keys: 40 characters of base64 with no prefix. On its own such a string could be
 * anything, so it counts only with evidence nearby, as gitleaks' composite AWS rule asks:
 * - an access key ID (`AKIA…`, `ASIA…`, `ABIA…`, `ACCA…`) within five lines before or after it, or
 * - the word `aws` or `secret` shortly before it, on its line or the line above (`aws_secret_access_key = …`,
 *   `"SecretAccessKey": "…"`, `<AWSSecretToken>` with the value on the next line).
 * secretlint's preset finds the value only when it is assigned to `AWS_SECRET_ACCESS_KEY` itself.
 *
 * The value must look like AWS output: upper- and lower-case letters and digits, and the entropy of random
 * base64 (a hex digest or a word run does not qualify).
 */
import { shannonEntropy } from "./entropy.js";

/** Exactly 40 base64 characters, not part of a longer run (`=` only as padding at the end). */
const VALUE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{39}[A-Za-z0-9/+=](?![A-Za-z0-9/+=])/g;
const KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/;
const CUE = /aws|secret/i;
/** How far before the value a cue may stand (the line above included). */
const CUE_REACH = 160;
const ID_LINES = 5;
/** Upper bound on the text searched for a key ID around one value. */
const ID_REACH = 2_000;
const MIN_ENTROPY = 4.3;

function looksLikeSecretKey(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value) && shannonEntropy(value) >= MIN_ENTROPY;
}

/**
 * Start of the line `lines` lines before `offset` (0 = the line of `offset`), no further back than `reach`
 * characters. Scans by hand: `lastIndexOf` would search the whole text on a line without breaks.
 */
function linesBefore(text: string, offset: number, lines: number, reach: number): number {
  const floor = Math.max(0, offset - reach);
  let seen = 0;
  for (let i = offset - 1; i >= floor; i--) {
    if (text.charCodeAt(i) === 10 && ++seen > lines) return i + 1;
  }
  return floor;
}

/** End of the line `lines` lines after `offset`, no further than `reach` characters. */
function linesAfter(text: string, offset: number, lines: number, reach: number): number {
  const ceiling = Math.min(text.length, offset + reach);
  let seen = 0;
  for (let i = offset; i < ceiling; i++) {
    if (text.charCodeAt(i) === 10 && ++seen > lines) return i;
  }
  return ceiling;
}

export function* findAwsSecretKeys(text: string): Generator<readonly [number, number]> {
  for (const match of text.matchAll(VALUE)) {
    const value = match[0];
    if (!looksLikeSecretKey(value)) continue;
    const start = match.index;
    const end = start + value.length;
    const cue = text.slice(linesBefore(text, start, 1, CUE_REACH), start);
    const near = CUE.test(cue) || KEY_ID.test(text.slice(linesBefore(text, start, ID_LINES, ID_REACH), linesAfter(text, end, ID_LINES, ID_REACH)));
    if (near) yield [start, end];
  }
}
