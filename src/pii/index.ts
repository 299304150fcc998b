/**
 * PII detection for prompt text. `detectPii` is synchronous: text in, findings out (offsets into the text). It is
 * pure except for one thing: with `documentSource` set, the person-name detector remembers the names found in the
 * earlier segments of that document (the linter scans them in order) to recognise a bare given name repeated later.
 * Heavy libraries load on first use; call `preloadPiiDependencies` first to load them with `import()`.
 */
import { compileAllowlist, isTemplatePlaceholder } from "./allowlist.js";
import { detectCreditCards } from "./credit-card.js";
import { detectDatesOfBirth } from "./date-of-birth.js";
import { detectEmails } from "./email.js";
import { detectIbans } from "./iban.js";
import { detectIpAddresses } from "./ip-address.js";
import { detectPersonNames } from "./person-name.js";
import { detectPhones } from "./phone.js";
import { detectStreetAddresses } from "./street-address.js";
import { PII_TYPES, type Detector, type PiiMatch, type PiiOptions, type PiiType } from "./types.js";
import { detectSsns } from "./us-ssn.js";

export type { PiiAllowConfig, PiiMatch, PiiOptions, PiiTextKind, PiiType } from "./types.js";
export { PII_TYPES } from "./types.js";
export { AllowlistError, compileAllowlist } from "./allowlist.js";
export { mightNeedLibrary, preloadPiiDependencies } from "./lazy.js";
export { placeholderFor } from "./suggest.js";

export const DETECTORS: Readonly<Record<PiiType, Detector>> = {
  email: detectEmails,
  phone: detectPhones,
  "credit-card": detectCreditCards,
  iban: detectIbans,
  "us-ssn": detectSsns,
  "ip-address": detectIpAddresses,
  "person-name": detectPersonNames,
  "street-address": detectStreetAddresses,
  "date-of-birth": detectDatesOfBirth,
};

/**
 * Where two detectors claim overlapping text, the more specific one wins: a card number is not also a phone,
 * an IBAN is not an SSN.
 */
const PRIORITY: readonly PiiType[] = [
  "email", "iban", "credit-card", "us-ssn", "date-of-birth", "ip-address", "phone", "street-address", "person-name",
];

/**
 * Runs one detector. A field name (`date_of_birth: 1992-08-09` in YAML) is read as a label before the value: the
 * detector sees "date of birth: 1992-08-09", and findings are given back in the value's own offsets.
 */
export function runDetector(type: PiiType, text: string, options: PiiOptions): PiiMatch[] {
  const detector = DETECTORS[type];
  if (!options.field) return detector({ text, options });
  const prefix = `${options.field.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}: `;
  const out: PiiMatch[] = [];
  for (const m of detector({ text: prefix + text, options })) {
    if (m.start < prefix.length) continue;
    out.push({ ...m, start: m.start - prefix.length, end: m.end - prefix.length });
  }
  return out;
}

export function detectPii(text: string, options: PiiOptions = {}): PiiMatch[] {
  const types = options.types ?? PII_TYPES;
  const allowed = compileAllowlist(options.allow);
  const all: PiiMatch[] = [];
  for (const type of types) {
    for (const match of runDetector(type, text, options)) {
      if (allowed(type, match.value)) continue;
      if (options.builtinAllowlist !== false && type !== "person-name" && isTemplatePlaceholder(match.value)) continue;
      all.push(match);
    }
  }
  return resolveOverlaps(all);
}

function resolveOverlaps(matches: PiiMatch[]): PiiMatch[] {
  if (matches.length < 2) return matches;
  const rank = (m: PiiMatch) => PRIORITY.indexOf(m.type);
  const sorted = [...matches].sort((a, b) => a.start - b.start || rank(a) - rank(b));
  const kept: PiiMatch[] = [];
  // One sweep in start order; only the few kept matches that still extend past `m.start` can conflict with it.
  for (const m of sorted) {
    let dominated = false;
    for (let k = kept.length - 1; k >= 0 && k >= kept.length - 16; k--) {
      const other = kept[k]!;
      if (other.end <= m.start || other.type === m.type) continue;
      if (rank(other) <= rank(m)) {
        dominated = true;
        break;
      }
      kept.splice(k, 1);
    }
    if (!dominated) kept.push(m);
  }
  return kept;
}
