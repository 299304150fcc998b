/**
 * Tells documentation placeholders (`sk-xxxxxxxx`, `YOUR_API_KEY`, `<password>`, `${DB_PASSWORD}`) from
 * credentials. A prompt file often explains how to configure a key; only a value that looks random is
 * worth blocking a commit for, and a hook that blocks examples gets switched off.
 *
 * Two levels: `looksRandom` judges the random part of a promptvet detector's match (strict: entropy and
 * variety), and `isPlaceholderSecret` is the one filter every finding passes, secretlint's included
 * (lenient: only the marks people type into examples, so no real key of any provider is dropped).
 */
import { longestRepeat, longestSequentialRun, shannonEntropy } from "./entropy.js";
import { URL_KINDS } from "./kinds.js";
import { isPlaceholderKeyBlock } from "./pem.js";
import { isDocumentedSample } from "./samples.js";

export { shannonEntropy } from "./entropy.js";

/** Words that mark a value as an example rather than a credential. */
const PLACEHOLDER_WORDS = /your|example|placeholder|replace|insert|dummy|sample|redacted|changeme|secret_?here|key_?here|token_?here/i;

/** Masking and elision characters people type in docs. */
const MASK_RUN = /[xX]{4,}|\*{3,}|•{2,}|\.{3,}|…|#{4,}|_{4,}|-{4,}/;

/** Template and markup syntax: the value is filled in later. */
const TEMPLATE_SYNTAX = /[<>{}$%[\]]/;

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

/** Passwords that only stand for "put yours here". */
const PLACEHOLDER_PASSWORDS = new Set([
  "password", "passwd", "pwd", "secret", "changeme", "change_me", "change-me", "mypassword", "yourpassword",
  "your_password", "your-password", "placeholder", "redacted", "example", "dbpassword", "db_password",
]);

/** Words that documentation passwords are made of (`password123`, `P@ssw0rd!`, `admin1`, `secret!`). */
const DEMO_PASSWORD_WORDS = /^(?:pass|passw(?:or)?d|pwd|secret|admin|changeme|test|demo|example|letmein|qwerty|root|guest|default|mypass(?:word)?)$/;
const LEET: Readonly<Record<string, string>> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

/** `password123`, `P@ssw0rd!`: a demo word, spelt plain or in leetspeak, with up to six digits or symbols after it. */
function isDemoPassword(password: string): boolean {
  const word = password.replace(/[0-9!#%^&*._-]{1,6}$/, "").toLowerCase().replace(/[013457@$]/g, (c) => LEET[c]!);
  return DEMO_PASSWORD_WORDS.test(word);
}

/** True when the password part of `scheme://user:password@host` is a placeholder or a template. */
export function isPlaceholderPassword(password: string): boolean {
  const decoded = safeDecode(password);
  if (decoded.length < 4) return true;
  if (PLACEHOLDER_PASSWORDS.has(decoded.toLowerCase()) || isDemoPassword(decoded)) return true;
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

/** Kinds whose detectors judge the structure themselves (a JWT's signature, a key block's body). */
const STRUCTURED_KINDS: ReadonlySet<string> = new Set(["jwt", "gcp-service-account-key"]);

/** A value with no digit made of two or more words (`my-bot-token`, `Slack_BOT_TOKEN`) names a key, it is not one. */
const WORDS_ONLY = /^[A-Za-z]{1,12}(?:[-_][A-Za-z]{1,12})+$/;

/** The longest run between separators: the random part of `xoxa-2-511111111-…-e039d0…`, not its IDs. */
function longestSegment(value: string): string {
  let best = "";
  for (const part of value.split(/[-_.:/=]+/)) if (part.length > best.length) best = part;
  return best;
}

/**
 * True when a finding's text is an example rather than a credential, whichever scanner found it: masks and
 * elisions (`xxxx`, `****`, `…`, `...`), template syntax (`<…>`, `${…}`, `{{…}}`), example words (`your-`,
 * `example`, `placeholder`, `REDACTED`…), a run of one repeated character or an alphabet or digit sequence
 * of six or more in the random part, a name made of words, a URL password that is a placeholder, a private
 * key block without a real body, or a key that documentation publishes as a sample.
 */
export function isPlaceholderSecret(kind: string, value: string): boolean {
  if (isDocumentedSample(value)) return true;
  if (URL_KINDS.has(kind)) {
    const password = urlPassword(value);
    return password !== undefined && isPlaceholderPassword(password);
  }
  if (kind === "private-key") return isPlaceholderKeyBlock(value);
  if (STRUCTURED_KINDS.has(kind)) return false;
  if (MASK_RUN.test(value) || TEMPLATE_SYNTAX.test(value) || PLACEHOLDER_WORDS.test(value)) return true;
  const tail = value.replace(/^[A-Za-z]{1,12}[-_]/, "");
  if (!/\d/.test(tail) && WORDS_ONLY.test(tail)) return true;
  const core = longestSegment(value);
  return longestRepeat(core) >= 6 || longestSequentialRun(core) >= 6;
}
