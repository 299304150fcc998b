/**
 * IBANs: a country code, two check digits and the BBAN, written compact or in groups (of four, or as typed: "DE 89
 * 3704 ...", lower case). The length must
 * be the country's registered length and the whole must pass ISO 7064 mod-97 (ibantools validates both, plus
 * the country's BBAN format).
 */
import { isExampleIban } from "./allowlist.js";
import { ibanLibrary } from "./lazy.js";
import type { DetectorContext, PiiMatch } from "./types.js";
import { isAsciiLetterCode, isDigitCode } from "./text.js";

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isAlnum(c: number): boolean {
  return isAsciiLetterCode(c) || isDigitCode(c);
}

type CountrySpecifications = ReturnType<ReturnType<typeof ibanLibrary>["getCountrySpecifications"]>;
let specifications: CountrySpecifications | undefined;

/** The library builds a new table on every call: kept once, since every "in 12" in a text asks for it. */
function countrySpecifications(): CountrySpecifications {
  specifications ??= ibanLibrary().getCountrySpecifications();
  return specifications;
}

/** Two letters, then two digits right after them or after one space ("DE89", "de89", "DE 89"). */
const CANDIDATE = /[A-Za-z]{2} ?\d{2}/g;

export function detectIbans({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const builtin = options.builtinAllowlist !== false;
  const n = text.length;
  // Candidates are found by a pattern, not a loop over every character: a run of the CLI executes this code once,
  // cold, where a character loop runs in the interpreter.
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const i = m.index;
    CANDIDATE.lastIndex = i + 1;
    const c0 = text.charCodeAt(i);
    if (isUpper(c0) !== isUpper(text.charCodeAt(i + 1))) continue;
    if (i > 0 && /[\p{L}\p{N}_]/u.test(text[i - 1]!)) continue;
    const lib = ibanLibrary();
    const spec = countrySpecifications()[text.slice(i, i + 2).toUpperCase()];
    const want = spec?.chars;
    if (!want) continue;
    // Consume exactly `want` alphanumerics, allowing single spaces between them (grouped form).
    let compact = "";
    let j = i;
    while (j < n && compact.length < want) {
      const c = text.charCodeAt(j);
      if (isAlnum(c)) {
        compact += text[j]!.toUpperCase();
        j++;
      } else if ((c === 32 || c === 0xa0) && (compact.length >= 4 || compact.length === 2) && j + 1 < n && isAlnum(text.charCodeAt(j + 1))) {
        j++;
      } else break;
    }
    if (compact.length !== want) continue;
    if (j < n && isAlnum(text.charCodeAt(j))) continue;
    if (!lib.isValidIBAN(compact)) continue;
    CANDIDATE.lastIndex = j;
    if (builtin && isExampleIban(compact)) continue;
    out.push({ type: "iban", start: i, end: j, value: text.slice(i, j), confidence: 0.97 });
  }
  return out;
}
