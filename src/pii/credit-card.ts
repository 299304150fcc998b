/**
 * Payment card numbers (PANs): 13-19 digits, written bare or in the usual groups, with a known issuer prefix
 * and length and a valid Luhn checksum. Documented test numbers and obvious dummies are allowed.
 */
import { isTestCard } from "./allowlist.js";
import type { DetectorContext, PiiMatch } from "./types.js";
import { isDigitCode, luhnValid } from "./text.js";

interface Issuer {
  name: string;
  /** Inclusive prefix ranges, compared on the same number of leading digits. */
  ranges: [string, string][];
  lengths: number[];
}

const ISSUERS: Issuer[] = [
  { name: "visa", ranges: [["4", "4"]], lengths: [13, 16, 19] },
  { name: "mastercard", ranges: [["51", "55"], ["2221", "2720"]], lengths: [16] },
  { name: "amex", ranges: [["34", "34"], ["37", "37"]], lengths: [15] },
  { name: "discover", ranges: [["6011", "6011"], ["644", "649"], ["65", "65"], ["622126", "622925"]], lengths: [16, 17, 18, 19] },
  { name: "jcb", ranges: [["3528", "3589"]], lengths: [16, 17, 18, 19] },
  // JCB's older 15-digit numbers.
  { name: "jcb", ranges: [["1800", "1800"], ["2131", "2131"]], lengths: [15] },
  { name: "diners", ranges: [["300", "305"], ["3095", "3095"], ["36", "36"], ["38", "39"]], lengths: [14, 15, 16, 17, 18, 19] },
  { name: "unionpay", ranges: [["62", "62"], ["81", "81"]], lengths: [16, 17, 18, 19] },
  { name: "maestro", ranges: [["5018", "5018"], ["5020", "5020"], ["5038", "5038"], ["5893", "5893"], ["6304", "6304"], ["6759", "6759"], ["6761", "6763"]], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  // The rest of Maestro's ranges (50, 56-58, 6).
  { name: "maestro", ranges: [["50", "50"], ["56", "58"], ["6", "6"]], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: "mir", ranges: [["2200", "2204"]], lengths: [16, 17, 18, 19] },
  { name: "rupay", ranges: [["60", "60"], ["652", "652"], ["508", "508"]], lengths: [16] },
];

const CARD_CUE = /(?:card|maestro|debit|credit|pan|tarjeta|karte|carte|cartão|carta|kaart|kort|kortti|karta)\b[^\n]{0,30}$/i;

export function cardIssuer(digits: string): string | undefined {
  for (const issuer of ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    for (const [lo, hi] of issuer.ranges) {
      const head = digits.slice(0, lo.length);
      if (head >= lo && head <= hi) return issuer.name;
    }
  }
  return undefined;
}

/** Accepted groupings: bare, 4-4-4-4(-3), 4-4-4-1..4, Amex 4-6-5, Diners 4-6-4. */
function groupingOk(groups: number[]): boolean {
  if (groups.length === 1) return true;
  const key = groups.join("-");
  if (key === "4-6-5" || key === "4-6-4") return true;
  for (let g = 0; g < groups.length - 1; g++) if (groups[g] !== 4) return false;
  const last = groups[groups.length - 1]!;
  return last >= 1 && last <= 4;
}

const CARD_SHAPE = /\d(?:\D{0,3}\d){11}/;

export function detectCreditCards({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const builtin = options.builtinAllowlist !== false;
  // Twelve digits with short separators somewhere in the text (the shortest cards, Maestro, have 12), before the
  // walk over every character.
  if (!CARD_SHAPE.test(text)) return out;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i)) || (i > 0 && /[\p{L}\p{N}_.\-/#$€£,:+]/u.test(text[i - 1]!))) {
      i++;
      continue;
    }
    const groups: number[] = [];
    let sep: string | undefined;
    let j = i;
    let digits = "";
    let tooLong = false;
    while (j < n) {
      let e = j;
      while (e < n && isDigitCode(text.charCodeAt(e))) e++;
      groups.push(e - j);
      digits += text.slice(j, e);
      j = e;
      if (digits.length > 19) {
        tooLong = true;
        break;
      }
      const s = text[j];
      if ((s === " " || s === "-") && isDigitCode(text.charCodeAt(j + 1)) && (sep === undefined || sep === s)) {
        // Stop before a separator that would start a new, unrelated number (the groups no longer fit a card).
        if (digits.length >= 13 && groupingOk(groups) && cardIssuer(digits) && luhnValid(digits)) break;
        sep = s;
        j++;
        continue;
      }
      break;
    }
    const end = j;
    const after = text[end];
    const glued = after !== undefined && /[\p{L}\p{N}_@]/u.test(after);
    if (!tooLong && !glued && digits.length >= 12 && groupingOk(groups) && cardIssuer(digits) && luhnValid(digits)) {
      // Maestro's 12-15 digit numbers share their length with order and account numbers: written bare, they
      // need a card word before them.
      const shortMaestro = digits.length < 16 && cardIssuer(digits) === "maestro" && groups.length === 1;
      if (!(builtin && isTestCard(digits)) && !(shortMaestro && !CARD_CUE.test(text.slice(Math.max(0, i - 48), i)))) {
        out.push({ type: "credit-card", start: i, end, value: text.slice(i, end), confidence: 0.95 });
      }
    }
    i = Math.max(end, i + 1);
    while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  }
  return out;
}
