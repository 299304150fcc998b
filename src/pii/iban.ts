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

export function detectIbans({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const builtin = options.builtinAllowlist !== false;
  const n = text.length;
  let lib: ReturnType<typeof ibanLibrary> | undefined;
  let specs: ReturnType<ReturnType<typeof ibanLibrary>["getCountrySpecifications"]> | undefined;
  for (let i = 0; i + 4 <= n; i++) {
    const c0 = text.charCodeAt(i);
    if (!isAsciiLetterCode(c0) || !isAsciiLetterCode(text.charCodeAt(i + 1))) continue;
    // "DE89 3704...", "de89 3704..." (typed in lower case), "DE 89 3704..." (a space after the country code).
    const digitsAt = text.charCodeAt(i + 2) === 32 ? i + 3 : i + 2;
    if (!isDigitCode(text.charCodeAt(digitsAt)) || !isDigitCode(text.charCodeAt(digitsAt + 1))) continue;
    if (isUpper(c0) !== isUpper(text.charCodeAt(i + 1))) continue;
    if (i > 0 && /[\p{L}\p{N}_]/u.test(text[i - 1]!)) continue;
    lib ??= ibanLibrary();
    specs ??= lib.getCountrySpecifications();
    const spec = specs[text.slice(i, i + 2).toUpperCase()];
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
    if (builtin && isExampleIban(compact)) {
      i = j - 1;
      continue;
    }
    out.push({ type: "iban", start: i, end: j, value: text.slice(i, j), confidence: 0.97 });
    i = j - 1;
  }
  return out;
}
