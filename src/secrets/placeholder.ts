/**
 * Tells documentation placeholders (`sk-xxxxxxxx`, `YOUR_API_KEY`, `<password>`, `${DB_PASSWORD}`) from
 * credentials. A prompt file often explains how to configure a key; only a value that looks random is
 * worth blocking a commit for.
 */

/** Words that mark a value as an example rather than a credential. */
const PLACEHOLDER_WORDS = /your|example|placeholder|replace|insert|dummy|sample|redacted|changeme|secret_?here|key_?here|token_?here/i;

/** Masking and elision characters people type in docs. */
const MASK_RUN = /[xX]{4,}|\*{3,}|•{2,}|\.{3,}|…|#{4,}|_{4,}|-{4,}/;

/** Template and markup syntax: the value is filled in later. */
const TEMPLATE_SYNTAX = /[<>{}$%[\]]/;

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Longest run of characters whose codes step by +1 or -1 (`abcdef`, `123456`, `987654`). */
function longestSequentialRun(value: string): number {
  let best = 1;
  let run = 1;
  let step = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if ((d === 1 || d === -1) && (run === 1 || d === step)) {
      run++;
      step = d;
    } else if (d === 1 || d === -1) {
      run = 2;
      step = d;
    } else {
      run = 1;
    }
    if (run > best) best = run;
  }
  return best;
}

/** Longest run of one repeated character. */
function longestRepeat(value: string): number {
  let best = value.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value[i] === value[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

export interface RandomnessOptions {
  /** Require both a digit and a letter (for charsets where real keys always mix them). */
  requireDigitAndLetter?: boolean;
  /** Minimum entropy in bits per character (default 3). */
  minEntropy?: number;
}

/**
 * True when the random part of a token looks like a real key: no placeholder words or masks, no long
 * runs (`aaaaaa`, `123456`), and enough entropy. Random hex of 32 characters scores about 3.8 bits per
 * character, random base62 about 4.7; typed placeholders score far lower.
 */
export function looksRandom(body: string, options: RandomnessOptions = {}): boolean {
  if (MASK_RUN.test(body) || TEMPLATE_SYNTAX.test(body) || PLACEHOLDER_WORDS.test(body)) return false;
  if (longestRepeat(body) >= 6 || longestSequentialRun(body) >= 6) return false;
  if (options.requireDigitAndLetter && !(/\d/.test(body) && /[A-Za-z]/.test(body))) return false;
  const distinct = new Set(body).size;
  if (distinct < Math.min(10, Math.ceil(body.length / 3))) return false;
  return shannonEntropy(body) >= (options.minEntropy ?? 3);
}

/** Passwords that only stand for "put yours here". `pass` is not one: secretlint's own fixtures treat it as real. */
const PLACEHOLDER_PASSWORDS = new Set([
  "password", "passwd", "pwd", "secret", "changeme", "change_me", "change-me", "mypassword", "yourpassword",
  "your_password", "your-password", "placeholder", "redacted", "example", "dbpassword", "db_password",
]);

/** True when the password part of `scheme://user:password@host` is a placeholder or a template. */
export function isPlaceholderPassword(password: string): boolean {
  const decoded = safeDecode(password);
  if (decoded.length < 4) return true;
  if (PLACEHOLDER_PASSWORDS.has(decoded.toLowerCase())) return true;
  if (TEMPLATE_SYNTAX.test(decoded) || MASK_RUN.test(decoded)) return true;
  if (/^[xX*•.]+$/.test(decoded) || /^(.)\1+$/.test(decoded)) return true;
  if (/^(?:your|my|the)[-_]?(?:db[-_]?|database[-_]?|redis[-_]?|user[-_]?)?pass(?:word)?$/i.test(decoded)) return true;
  return false;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The password of a `scheme://user:password@host` URL, or undefined when it has none. */
export function urlPassword(url: string): string | undefined {
  const match = /^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/@]{0,256}:([^\s/@]{0,256})@/.exec(url);
  return match ? match[1] : undefined;
}
