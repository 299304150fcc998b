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
const KEY_IDS = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/g;
const CUE = /aws|secret/i;
const CUES = /aws|secret/gi;
const VALUE_LENGTH = 40;
/** How far before the value a cue may stand (the line above included). */
const CUE_REACH = 160;
const ID_LINES = 5;
/** How far (in characters) a key ID may stand from the value. */
const ID_REACH = 2_000;
const MIN_ENTROPY = 4.3;

function looksLikeSecretKey(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value) && shannonEntropy(value) >= MIN_ENTROPY;
}

/** Start of the line before the one holding `offset`, no further back than `reach` characters. */
function previousLineStart(text: string, offset: number, reach: number): number {
  const floor = Math.max(0, offset - reach);
  let seen = 0;
  for (let i = offset - 1; i >= floor; i--) {
    if (text.charCodeAt(i) === 10 && ++seen > 1) return i + 1;
  }
  return floor;
}

/** Number of line breaks in `text[from, to)`. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Index of the first entry `>= value` in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when an access key ID stands within ID_LINES lines (and ID_REACH characters) of `[start, end)`. */
function nearKeyId(text: string, ids: readonly number[], start: number, end: number): boolean {
  const after = lowerBound(ids, end);
  const next = ids[after];
  if (next !== undefined && next - end <= ID_REACH && lineBreaks(text, end, next) <= ID_LINES) return true;
  const previous = ids[after - 1];
  return previous !== undefined && previous < start && start - previous <= ID_REACH && lineBreaks(text, previous, start) <= ID_LINES;
}

/**
 * The stretches of text where a value could qualify: after each cue (the cue's reach plus a value), and
 * within five lines of each key ID. Scanning only these keeps the common text (no cue, no ID) nearly free:
 * a character-class pattern cannot skip ahead the way a literal prefix does.
 */
function candidateRegions(text: string, ids: readonly number[]): [number, number][] {
  const regions: [number, number][] = [];
  for (const cue of text.matchAll(CUES)) regions.push([cue.index, cue.index + cue[0].length + CUE_REACH + VALUE_LENGTH]);
  for (const id of ids) regions.push([Math.max(0, id - ID_REACH), Math.min(text.length, id + ID_REACH)]);
  regions.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const region of regions) {
    const last = merged[merged.length - 1];
    if (last && region[0] <= last[1]) last[1] = Math.max(last[1], region[1]);
    else merged.push(region);
  }
  return merged;
}

export function* findAwsSecretKeys(text: string): Generator<readonly [number, number]> {
  const ids = [...text.matchAll(KEY_IDS)].map((m) => m.index);
  const value = new RegExp(VALUE.source, "g");
  let scanned = 0;
  for (const [from, to] of candidateRegions(text, ids)) {
    value.lastIndex = Math.max(from, scanned);
    for (let match = value.exec(text); match && match.index < to; match = value.exec(text)) {
      scanned = value.lastIndex;
      const start = match.index;
      const end = start + match[0].length;
      if (!looksLikeSecretKey(match[0])) continue;
      if (CUE.test(text.slice(previousLineStart(text, start, CUE_REACH), start)) || nearKeyId(text, ids, start, end)) yield [start, end];
    }
  }
}
