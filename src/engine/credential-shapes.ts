/**
 * Tokens that look like credentials whatever rule found them, or whether any did: the last line of defence
 * for text promptvet prints (messages, code frames). Two strengths:
 *
 * - `strong` shapes are credentials on sight: private key bodies (PEM), JWTs, and tokens that start with a
 *   provider's key prefix and carry a random-looking body. They are masked anywhere.
 * - `weak` shapes are only likely: long runs that mix cases and digits (an AWS secret key next to its id),
 *   long hex runs, `password: …` values, card-shaped digit runs that pass the Luhn check. They are masked
 *   in messages and on the lines around a sensitive finding, where a false mask costs nothing.
 *
 * Every scan is linear: tokens are maximal runs of one character class (matches never overlap), each token
 * is classified on its own with anchored tests, and the other patterns have bounded repetitions only.
 */
import type { Range } from "../model/document.js";

export type ShapeStrength = "strong" | "weak";

/**
 * Characters of a key-like token; `=` only as trailing base64 padding, so `KEY=value` splits in two. Ten
 * characters at least: a provider prefix plus the start of a key cut short by a quote.
 */
const TOKEN = /[A-Za-z0-9_\-+/.~]{10,}=*/g;

/**
 * Prefixes providers put in front of their keys (gitleaks' default rule set is the reference). A token
 * with one of these and a random-looking body of 16+ characters is a credential.
 */
const KEY_PREFIXES = [
  "sk-ant-", "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-or-v1-", "sk-lf-", "pk-lf-", "sk_live_", "sk_test_", "rk_live_",
  "rk_test_", "pk_live_", "whsec_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "glptt-", "glrt-",
  "gldt-", "glft-", "glsoat-", "GR1348941", "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxe.xoxp-", "xapp-",
  "AKIA", "ASIA", "ABIA", "ACCA", "AIza", "ya29.", "hf_", "gsk_", "npm_", "pypi-", "dop_v1_", "doo_v1_", "dor_v1_",
  "shpat_", "shpca_", "shppa_", "shpss_", "SG.", "sq0atp-", "sq0csp-", "EAAL", "r8_", "pcsk_", "tvly-", "nvapi-",
  "xai-", "pplx-", "lsv2_pt_", "lsv2_sk_", "ABSK", "dckr_pat_", "fo1_", "hvs.", "hvb.", "ATATT", "PMAK-", "ntn_",
  "secret_", "lin_api_", "sntrys_", "glc_", "xkeysib-", "AGE-SECRET-KEY-1", "csk-", "fw_", "key-", "sk-",
];

/** One anchored alternation, longest prefix first (so `sk-proj-` wins over `sk-`): a token is tested once, not per prefix. */
const KEY_PREFIX_ALTERNATION = [...KEY_PREFIXES].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.+]/g, "\\$&")).join("|");
const KEY_PREFIX = new RegExp(`^(?:${KEY_PREFIX_ALTERNATION})`);

/**
 * Where a strong token may start: a key prefix or a JWT's `eyJ`, anywhere. Every strong token starts with one, so
 * a text without any (nearly every prompt) is not tokenised at all when only strong shapes are wanted.
 */
const STRONG_START = new RegExp(`eyJ|${KEY_PREFIX_ALTERNATION}`, "g");

const JWT = /^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*$/;
const CUT_JWT = /^eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,2}$/;
/**
 * Where a quote was cut: an ellipsis, three dots, or V8's JSON error excerpt (`"{"a": ghp_R8mK2x"...`).
 * Trailing dots are trimmed off tokens, so the mark is looked for right after the token.
 */
export const CUT_MARK = /^["']?(?:\u2026|\.\.\.)/;
/** `…w2AA` after a key prefix is a masked form (see maskValue), not a quote cut inside a key. */
const MASKED_TAIL = /^\u2026[A-Za-z0-9_\-+/=.]{1,4}(?![A-Za-z0-9_\-+/=])/;

/** A PEM header of any private key type (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP). */
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
/** How far a key body may reach when its END line is missing or cut off. */
const PEM_MAX_BODY = 20_000;

/** `password: …` and its cousins; the value is group 1. The lookbehind keeps `db_password` but not `compassword`. */
const SECRET_ASSIGNMENT =
  /(?<![A-Za-z])(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret|private[_-]?key|credentials?)["']?[ \t]{0,3}[:=][ \t]{0,3}["']?([^\s"'`,;)\]}]{4,200})/gi;

/** 12 to 19 digits, single spaces or dashes between them allowed (card numbers as people write them). */
const CARD_LIKE = /(?<![\d])\d(?:[ -]?\d){11,18}(?![\d])/g;

/** Ranges of `text` that look like credentials, in text order (they may touch but never overlap). */
export function findCredentialShapes(text: string, strength: ShapeStrength): Range[] {
  const found: Range[] = [];
  for (const range of pemBodies(text)) found.push(range);
  if (strength === "strong") {
    for (const range of strongTokens(text)) found.push(range);
    return mergeRanges(found);
  }
  for (const m of text.matchAll(TOKEN)) {
    const [start, end] = trimToken(text, m.index, m.index + m[0].length);
    const token = text.slice(start, end);
    if (isStrongToken(token, cutAfter(text, end)) || isWeakToken(token)) found.push([start, end]);
  }
  for (const m of text.matchAll(SECRET_ASSIGNMENT)) {
    const value = m[1]!;
    if (!looksLikeSecretValue(value)) continue;
    const end = m.index + m[0].length;
    found.push([end - value.length, end]);
  }
  for (const m of text.matchAll(CARD_LIKE)) {
    if (luhnValid(m[0].replace(/\D/g, ""))) found.push([m.index, m.index + m[0].length]);
  }
  return mergeRanges(found);
}

/** Sentence punctuation and separators at the edges of a token are not part of a key. */
function trimToken(text: string, start: number, end: number): [number, number] {
  while (start < end && ".~-".includes(text[start]!)) start++;
  while (end > start && ".~".includes(text[end - 1]!)) end--;
  return [start, end];
}

/** A quote cut inside a key (`sk-proj-Zq81xYvT4b…`) leaves only its start: still a key. */
function cutAfter(text: string, end: number): boolean {
  return CUT_MARK.test(text.slice(end, end + 4)) && !MASKED_TAIL.test(text.slice(end, end + 7));
}

/** Characters of `TOKEN` (`=` is only its trailing padding). */
function isTokenChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45 || code === 43 || code === 47 || code === 46 || code === 126;
}

/**
 * The tokens of `TOKEN` that are strong, found from where they can start: the same ranges as tokenising the whole
 * text and testing each token (tests/engine/credential-shapes-strong.test.ts compares the two).
 */
export function strongTokens(text: string): Range[] {
  const found: Range[] = [];
  let after = 0;
  for (const m of text.matchAll(STRONG_START)) {
    if (m.index < after) continue;
    // The token around the prefix: the maximal run of token characters, then its `=` padding.
    let runStart = m.index;
    while (runStart > 0 && isTokenChar(text.charCodeAt(runStart - 1))) runStart--;
    let runEnd = m.index + m[0].length;
    while (runEnd < text.length && isTokenChar(text.charCodeAt(runEnd))) runEnd++;
    after = runEnd;
    if (runEnd - runStart < 10) continue;
    while (text.charCodeAt(runEnd) === 61) runEnd++;
    const [start, end] = trimToken(text, runStart, runEnd);
    // Only a prefix at the token's start makes a key; prefixes never start with a trimmed character, so no earlier
    // prefix of the same token was passed over.
    if (start !== m.index) continue;
    if (isStrongToken(text.slice(start, end), cutAfter(text, end))) found.push([start, end]);
  }
  return found;
}

/**
 * Whether a whole token is a credential on sight (JWT or a provider-prefixed key). `cut`: the token was cut
 * short by a quote, so a shorter body counts.
 */
export function isStrongToken(token: string, cut = false): boolean {
  if (token.startsWith("eyJ") && (cut ? CUT_JWT : JWT).test(token)) return true;
  const prefix = KEY_PREFIX.exec(token)?.[0];
  if (!prefix) return false;
  const body = token.slice(prefix.length);
  const minBody = cut ? 6 : prefix.length <= 3 ? 20 : 16;
  return body.length >= minBody && /\d/.test(body) && /[A-Za-z]/.test(body) && distinctChars(body) >= Math.min(8, minBody - 2);
}

/**
 * Long random-looking runs: upper case, lower case and digits together with high entropy (AWS secret keys,
 * most API keys without a prefix), or 32+ hex digits. File names (`a/b/PromptV2.md`) are not.
 */
function isWeakToken(token: string): boolean {
  if (token.length < 20) return false;
  // File names and paths (`/tmp/promptvet-5uOd8P/x`, `./a/PromptV2.md`) are not keys, random parts or not.
  if (/\.[A-Za-z]{1,5}$/.test(token) || /^(?:\/|\.{1,2}\/|~\/)/.test(token)) return false;
  const hex = /^[0-9a-fA-F-]+$/.test(token);
  if (hex) {
    const digits = token.replace(/-/g, "");
    return digits.length >= 32 && /\d/.test(digits) && /[a-fA-F]/.test(digits);
  }
  if (!/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/\d/.test(token)) return false;
  // Identifiers made of words (`OfAgentToolset20260401`) are code, not keys: random text rarely holds
  // runs of four lower-case letters covering half its length.
  const wordy = (token.match(/[A-Z]?[a-z]{3,}/g) ?? []).reduce((n, w) => n + w.length, 0);
  if (wordy >= token.length / 2) return false;
  return shannonEntropy(token) >= 3.5;
}

function looksLikeSecretValue(value: string): boolean {
  // Placeholders and references say where a secret comes from; they are not one.
  if (/^[$<{%*]/.test(value) || /^(.)\1*$/.test(value) || /^(?:x+|your[-_]|process\.env|os\.environ|env\.)/i.test(value)) return false;
  return /\d/.test(value) || /[^A-Za-z0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value));
}

/**
 * Bodies of PEM private keys: from the end of the BEGIN line to the END line, or, when the END line is
 * missing or was cut off (a quote in a message), over the base64 run that follows. The header stays
 * visible: it says what leaked without being the secret.
 */
function pemBodies(text: string): Range[] {
  const out: Range[] = [];
  let from = 0;
  for (const m of text.matchAll(PEM_BEGIN)) {
    const start = m.index + m[0].length;
    if (start < from) continue;
    const endMarker = text.indexOf("-----END", start);
    let end: number;
    if (endMarker !== -1 && endMarker - start <= PEM_MAX_BODY) {
      end = endMarker;
    } else {
      end = start;
      const limit = Math.min(text.length, start + PEM_MAX_BODY);
      while (end < limit && /[A-Za-z0-9+/=\s\\:,-]/.test(text[end]!)) end++;
    }
    if (end > start) out.push([start, end]);
    from = end;
  }
  return out;
}

function distinctChars(text: string): number {
  return new Set(text).size;
}

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Sorted, merged ranges (touching ranges join). */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
