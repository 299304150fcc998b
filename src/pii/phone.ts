/**
 * Phone numbers, validated with libphonenumber-js (metadata "max": per-type number patterns, not just lengths).
 *
 * Candidates come from a linear scanner of our own rather than libphonenumber's text matcher, because that
 * matcher is slow on long digit-heavy lines and accepts runs such as "+49 30 901820, 06". A candidate is a run
 * of digit groups joined by short separators; it is then parsed as an international number (leading `+`) or as
 * a national number of each configured region in turn. National numbers written as one bare digit run, or with
 * only dots/slashes, need a phone cue nearby ("phone", "call", "tel", "mobile"...), so order ids and dates stay out.
 */
import { isFictionalPhone, isTemplatePlaceholder } from "./allowlist.js";
import { phoneLibrary } from "./lazy.js";
import type { DetectorContext, PiiMatch } from "./types.js";
import { isPublicContact } from "./public-context.js";
import { isDigitCode, textBefore } from "./text.js";

export const DEFAULT_PHONE_REGIONS: readonly string[] = ["US", "GB"];

const MAX_DIGITS = 15;
const MAX_GROUPS = 8;
const MAX_WINDOWS = 3;

const PHONE_CUE = /(?:phone|tel\b|tel\.|telephone|call|calling|mobile|cell|fax|sms|text (?:me|us)|whatsapp|signal|dial|ring|reach (?:me|us|her|him)|contact|number|hotline|landline|telefon|handy|tél|téléphone|móvil|teléfono|cellulare|erreichbar|rufnummer|joignable|llamar|llámame|chiamare|zadzwoń|bel me)/;
const NON_PHONE_CUE = /(?:order|invoice|ticket|ref|reference|tracking|account|acct|sku|isbn|issn|case|confirmation|transaction|serial|part|model|id|version|build|batch|lot|po|receipt|claim|policy|member|customer|routing|iban|card|ssn)\s*(?:no\.?|num(?:ber)?\.?|#|id)?\s*[:#=]?\s*$/;

interface Group {
  start: number;
  end: number;
}

function isSeparator(ch: string): boolean {
  return ch === " " || ch === "-" || ch === "." || ch === "(" || ch === ")" || ch === "/" || ch === "\u00a0" || ch === "\u2011" || ch === "\u2013";
}

/** Characters that, right before a digit, mean the digits belong to something else (versions, ids, money, paths). */
function blocksStart(prev: string | undefined, prev2: string | undefined): boolean {
  if (prev === undefined) return false;
  if (/[\p{L}\p{N}_.\-/#$€£¥@+%=&]/u.test(prev)) return true;
  // "1,299": a thousands separator, not a list of numbers.
  return prev === "," && prev2 !== undefined && /\d/.test(prev2);
}

const PHONE_SHAPE = /\d(?:\D{0,3}\d){6}/;

export function detectPhones({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const regions = (options.regions && options.regions.length > 0 ? options.regions : DEFAULT_PHONE_REGIONS).map((r) => r.toUpperCase());
  const builtin = options.builtinAllowlist !== false;
  // Seven digits with short separators somewhere in the text, before the walk over every character (which a
  // one-off CLI run executes cold): a phone number has at least that.
  if (!PHONE_SHAPE.test(text)) return out;
  let lib: ReturnType<typeof phoneLibrary> | undefined;
  // Countries of the text's own "+CC" numbers: a text that writes "+61 433 …" also writes Australian numbers in
  // their national form ("0412 …", "(02) 9518 …"), so those regions are tried after the configured ones.
  let textRegions: string[] | undefined;
  const regionsOf = (): string[] => (textRegions ??= documentRegions(text, options.documentSource, (lib ??= phoneLibrary()), regions));
  // A guard for pathological input: a real prompt never holds thousands of phone-shaped candidates, and each
  // libphonenumber parse costs ~60 µs. Beyond the budget the rest of the text is not checked.
  const budget = { parses: 200 + Math.floor(text.length / 50) };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    const startsRun =
      (isDigitCode(ch.charCodeAt(0)) || ((ch === "+" || ch === "(") && isDigitCode(text.charCodeAt(i + 1)))) &&
      !blocksStart(text[i - 1], text[i - 2]);
    if (!startsRun) {
      i++;
      continue;
    }
    // Scan one run of digit groups.
    const runStart = i;
    const groups: Group[] = [];
    let digits = 0;
    let j = ch === "+" ? i + 1 : i;
    let overflow = false;
    while (j < n) {
      let k = j;
      let sep = "";
      while (k < n && isSeparator(text[k]!) && sep.length < 3) sep += text[k++];
      if (sep.length >= 3 || sep.includes("  ")) break;
      if (k >= n || !isDigitCode(text.charCodeAt(k))) break;
      if (groups.length > 0 && sep === "") break; // cannot happen: digits are consumed greedily
      let e = k;
      while (e < n && isDigitCode(text.charCodeAt(e))) e++;
      if (digits + (e - k) > MAX_DIGITS || groups.length >= MAX_GROUPS) {
        overflow = true;
        break;
      }
      digits += e - k;
      groups.push({ start: k, end: e });
      j = e;
    }
    const last = groups[groups.length - 1];
    const next = last ? last.end : i + 1;
    if (!last || digits < 7) {
      i = skipDigits(text, next);
      continue;
    }
    // Glued to letters or more digits: part of an identifier or a longer number.
    const after = text[last.end];
    // An extension ("x818", "ext. 12") ends the number; other letters glued to it mean an identifier.
    const extension = /^(?:\s?(?:x|ext\.?|extension)\s?\d{1,6})\b/i.test(text.slice(last.end, last.end + 16));
    if (after !== undefined && /[\p{L}_@]/u.test(after) && !extension) {
      i = skipDigits(text, next);
      continue;
    }
    if (overflow && groups.length === 1) {
      i = skipDigits(text, next);
      continue;
    }
    lib ??= phoneLibrary();
    if (budget.parses <= 0) break;
    let found: PiiMatch | undefined;
    let tries = 0;
    let groupCount = groups.length;
    while (groupCount > 0 && tries < MAX_WINDOWS) {
      const end = groups[groupCount - 1]!.end;
      const windowDigits = countDigits(groups, groupCount);
      if (windowDigits < 7) break;
      let s = text.slice(runStart, end);
      // Close a dangling "(" so "(415) 867" style windows parse; drop an unbalanced leading one.
      if (s.startsWith("(") && !s.includes(")")) s = s.slice(1);
      tries++;
      const match = checkCandidate(lib, text, runStart, end, s, regions, builtin, groups.slice(0, groupCount), budget, options.before, regionsOf);
      if (match) {
        found = match;
        break;
      }
      groupCount--;
    }
    if (found) {
      out.push(found);
      i = found.end;
    } else {
      i = skipDigits(text, next);
    }
  }
  return out;
}

function countDigits(groups: Group[], count: number): number {
  let d = 0;
  for (let g = 0; g < count; g++) d += groups[g]!.end - groups[g]!.start;
  return d;
}

function skipDigits(text: string, from: number): number {
  let k = from;
  while (k < text.length && /[\d\w]/.test(text[k]!)) k++;
  return Math.max(k, from);
}

/** Regions whose national numbers are written with a leading trunk prefix 0. */
const TRUNK_ZERO_REGIONS = new Set([
  "GB", "DE", "FR", "AU", "NL", "BE", "AT", "CH", "SE", "FI", "IE", "NZ", "JP", "KR", "ZA", "PH", "TR", "IL", "TH",
  "MY", "ID", "PK", "BD", "NG", "KE", "EG", "UA", "GG", "JE", "IM", "AR", "PE", "CN", "TW", "VN", "HR", "RS", "SI",
]);

function digitsOnlyStartsWithZero(candidate: string): boolean {
  const m = /\d/.exec(candidate);
  return m !== null && m[0] === "0";
}

/** NANP numbers are written 3-3-4, (3) 3-4, 1-3-3-4 or as one run of 10/11 digits. */
const NANP_SHAPES = new Set(["10", "11", "3-3-4", "1-3-3-4", "3-7", "1-10", "1-3-7"]);

function nationalShapeOk(region: string, lengths: number[]): boolean {
  if (region === "US" || region === "CA") return NANP_SHAPES.has(lengths.join("-"));
  return true;
}

/**
 * Regions whose national formats are tried for a number right after a phone cue when the configured regions do not
 * take it: Europe, the Americas and the largest others. Without a cue only the configured regions count.
 */
/** Labels of other numbers ending right before the candidate. */
const OTHER_NUMBER_LABEL = /(?:licen[cs]e|passport|driver['’]?s?|ssn|social security|account|acct|policy|member(?:ship)?|order|invoice|tracking|routing|iban|card|ticket|case|apt|apartment|suite|unit|flat|room|po box)\.?\s*(?:number|no\.?|num\.?|#|id)?\s*(?:is|was|:|=)?\s*$/;
/** Cues that name a phone outright (not "number" or "contact"), as whole words. */
const STRONG_PHONE_CUE = /(?:^|[^a-z])(?:phone|tel|tel\.|telephone|mobile|mobil|mob|cell|cellphone|fax|whatsapp|call (?:me|us|him|her)|ring (?:me|us)|text me|handy|cell\.|recapito|telefon|tél|téléphone|portable|móvil|movil|celular|teléfono|telefone|telefono|cellulare|mobiel|puhelin|telefonszám|tlf|erreichbar(?: unter)?|rufnummer|joignable au|llamar al|llámame al|chiamare al|zadzwoń pod|bel me op)[^a-z][^\n]{0,30}$/;
const CUED_REGIONS = [
  "DE", "FR", "IT", "ES", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "CZ", "PT", "IE", "HU", "GR", "RO",
  "BR", "MX", "AR", "CO", "CL", "PE", "AU", "NZ", "CA", "IN", "JP", "KR", "CN", "SG", "ZA", "NG", "KE", "IL", "TR",
];

/**
 * A label naming the line's number a phone, right before it ("Fax: ", "Desk: ", "reach me at") or right after it
 * ("… office", "…-Fax"): with one, a number of phone length counts even when no region's plan has it (made-up area
 * codes, short local numbers, "001-" international prefixes), as a reader would take it for one.
 */
const LABEL_BEFORE = /(?:^|[^a-z])(?:phone|tel|tel\.|telephone|mobile|cell|fax|desk|office|home|work|landline|whatsapp)\s*(?:no\.?|number|#)?\s*[:=]\s*$|(?:call (?:me|us|him|her)|reach (?:me|us|him|her|them)|answering) at\s*$/;
const LABEL_AFTER = /^(?:\s?(?:x|ext\.?)\s?\d{1,6})?\s?[-–,]?\s?(?:office|fax|mobile|cell|home|work|phone|tel)\b/i;

const IBAN_HEAD_BEFORE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}[ \u00a0]$/u;
const DATE_PREFIX = /^(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}\b/;
const DATE_SHAPE = /^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4})$/;

function checkCandidate(
  lib: ReturnType<typeof phoneLibrary>,
  text: string,
  start: number,
  end: number,
  candidate: string,
  regions: readonly string[],
  builtin: boolean,
  groups: Group[],
  budget: { parses: number },
  before: string | undefined,
  textRegions: () => readonly string[],
): PiiMatch | undefined {
  const value = text.slice(start, end);
  if (DATE_SHAPE.test(candidate) || DATE_PREFIX.test(candidate)) return undefined;
  // "2025-08-22 13:34": a date and an hour, cut off at the colon.
  if (text[end] === ":" && isDigitCode(text.charCodeAt(end + 1))) return undefined;
  if (isTemplatePlaceholder(value)) return undefined;
  // The digits of a spaced IBAN after its country and check digits ("NO92 3012 2345 678").
  if (IBAN_HEAD_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return undefined;
  const cueWindow = textBefore(text, start, 48, true);
  const cue = PHONE_CUE.test(cueWindow);
  const international = candidate.startsWith("+");
  const bare = /^\d+$/.test(candidate);
  const dotsOnly = !international && !bare && /^[\d./ ]+$/.test(candidate) && /[./]/.test(candidate) && !/^\d{3}\.\d{3}\.\d{4}$/.test(candidate);
  // "driver's license number is 481195160", "Apt. 338 32 216": another number's label, unless a phone is named.
  if (OTHER_NUMBER_LABEL.test(cueWindow) && !STRONG_PHONE_CUE.test(cueWindow)) return undefined;
  if (!cue) {
    if (NON_PHONE_CUE.test(cueWindow)) return undefined;
    if (bare || dotsOnly) return undefined;
  }
  let lengths = groups.map((g) => g.end - g.start);
  let number = candidate;
  // "+46 (0)8 123 45 67", "+44 (0)20 7946 0000": the national trunk prefix in brackets is not dialled from abroad.
  const trunk = international ? /^(\+\d{1,3})[\s.-]?\(0\)[\s.-]?/.exec(candidate) : null;
  if (trunk) {
    number = `${trunk[1]} ${candidate.slice(trunk[0].length)}`;
    lengths = lengths.filter((_, g) => g !== 1);
  }
  // Written numbers group digits in twos to fives; a lone digit inside is a list or a version, not a phone. The
  // exceptions: a leading "1" (1-415-...), and right after a country code ("+33 6 12 34 56 78", "+49 (0)30").
  if ((international ? lengths.slice(2) : lengths.slice(1)).some((l) => l === 1)) return undefined;
  let parsed: ReturnType<typeof lib.parsePhoneNumberFromString> | undefined;
  if (international) {
    budget.parses--;
    parsed = lib.parsePhoneNumberFromString(number);
    if (!parsed || !parsed.isValid()) return labelledNumber(text, start, end, value, candidate, cueWindow, lengths, builtin, before);
  } else {
    const trunkless = !digitsOnlyStartsWithZero(candidate);
    // Most countries write national numbers with a leading trunk 0; without it the digits are not theirs.
    const trunkOk = (region: string) => !(trunkless && TRUNK_ZERO_REGIONS.has(region));
    const configured = nationalNumber(lib, candidate, regions, (region) => trunkOk(region) && nationalShapeOk(region, lengths), budget, builtin);
    // A fictional number of a configured region ("07700 900123") is not tried as another country's.
    if (configured.fictional) return undefined;
    parsed = configured.parsed;
    // The countries of the text's international numbers, with the same rules as the configured regions.
    if (!parsed && !bare && !dotsOnly) {
      parsed = nationalNumber(lib, candidate, textRegions(), (region) => trunkOk(region) && nationalShapeOk(region, lengths) && budget.parses > 0, budget).parsed;
    }
    // With a phone cue ("tel.", "call me on"), a national number may be of any country: try the common ones.
    if (!parsed && STRONG_PHONE_CUE.test(cueWindow) && !bare) {
      parsed = nationalNumber(lib, candidate, CUED_REGIONS, (region) => !regions.includes(region) && trunkOk(region) && budget.parses > 0, budget).parsed;
    }
    if (!parsed) return labelledNumber(text, start, end, value, candidate, cueWindow, lengths, builtin, before);
  }
  if (builtin && isFictionalPhone(parsed.number.slice(1))) return undefined;
  if (builtin && isPublicContact(text, before, start, end)) return undefined;
  return { type: "phone", start, end, value, confidence: international || !bare ? 0.9 : 0.75 };
}

type ParsedPhone = NonNullable<ReturnType<ReturnType<typeof phoneLibrary>["parsePhoneNumberFromString"]>>;

/**
 * `candidate` read as a national number of each region `tries` allows, in order: the first valid one, each parse
 * paid from the budget. With `stopAtFictional`, a number that parses as one of the fictional ranges ends the search.
 */
function nationalNumber(
  lib: ReturnType<typeof phoneLibrary>,
  candidate: string,
  regions: readonly string[],
  tries: (region: string) => boolean,
  budget: { parses: number },
  stopAtFictional = false,
): { parsed?: ParsedPhone; fictional: boolean } {
  for (const region of regions) {
    if (!tries(region)) continue;
    budget.parses--;
    const p = lib.parsePhoneNumberFromString(candidate, region as Parameters<typeof lib.parsePhoneNumberFromString>[1]);
    if (p && p.isValid()) return { parsed: p, fictional: false };
    if (stopAtFictional && p && isFictionalPhone(p.number.slice(1))) return { fictional: true };
  }
  return { fictional: false };
}

/** A number no plan accepts, taken as a phone because a phone label sits right before or after it. */
function labelledNumber(
  text: string,
  start: number,
  end: number,
  value: string,
  candidate: string,
  cueWindow: string,
  lengths: number[],
  builtin: boolean,
  before: string | undefined,
): PiiMatch | undefined {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15 || lengths.length < 2) return undefined;
  if (/^(\d)\1+$/.test(digits)) return undefined;
  // Only the whole digit run: a shorter window of it ("001-212-555" of "001-212-555-0147") is not a number.
  if (/^[ \u00a0.()/-]{0,2}\d/.test(text.slice(end, end + 3))) return undefined;
  if (!LABEL_BEFORE.test(cueWindow) && !LABEL_AFTER.test(text.slice(end, end + 24))) return undefined;
  if (builtin && (isFictionalPhone(digits) || isFictionalPhone(`1${digits}`) || isFictionalPhone(digits.replace(/^0+1/, "1")))) return undefined;
  if (builtin && isPublicContact(text, before, start, end)) return undefined;
  return { type: "phone", start, end, value, confidence: 0.7 };
}

/**
 * The text's own "+CC" regions, then those of the whole document it comes from (remembered for the last document:
 * its segments are scanned one after another).
 */
let lastDocument: { source: string; configured: string; regions: string[] } | undefined;
function documentRegions(text: string, source: string | undefined, lib: ReturnType<typeof phoneLibrary>, configured: readonly string[]): string[] {
  const own = internationalRegions(text, lib, configured);
  if (source === undefined || source === text) return own;
  const key = configured.join(",");
  if (lastDocument?.source !== source || lastDocument.configured !== key) lastDocument = { source, configured: key, regions: internationalRegions(source, lib, configured, 24) };
  return [...own, ...lastDocument.regions.filter((r) => !own.includes(r))];
}

const INTERNATIONAL_START = /(?<![\p{L}\p{N}_.+-])\+\d[\d ().-]{6,20}\d/gu;
/** At most this many "+CC" numbers are read for their country (each is one parse). */
const MAX_INTERNATIONAL = 8;

/** Regions of the valid "+CC" numbers in the text that are not among the configured regions, in order of appearance. */
function internationalRegions(text: string, lib: ReturnType<typeof phoneLibrary>, configured: readonly string[], limit = MAX_INTERNATIONAL): string[] {
  const out: string[] = [];
  if (!text.includes("+")) return out;
  INTERNATIONAL_START.lastIndex = 0;
  let seen = 0;
  for (let m = INTERNATIONAL_START.exec(text); m && seen < limit; m = INTERNATIONAL_START.exec(text)) {
    seen++;
    const raw = m[0].replace(/^(\+\d{1,3})[\s.-]?\(0\)/, "$1 ");
    const country = lib.parsePhoneNumberFromString(raw)?.country;
    if (country && !configured.includes(country) && !out.includes(country)) out.push(country);
  }
  return out;
}
