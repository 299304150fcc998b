/**
 * Heavy dependencies, loaded only when a detector that needs them runs. `preloadPiiDependencies` does it
 * asynchronously with `await import()` (rules call it from `create`); the synchronous getters fall back to
 * `require` so the pure `detectPii` works even without a preload.
 */
import { createRequire } from "node:module";
import { nameLexicon } from "./name-lexicon.js";
import type { PiiType } from "./types.js";

type PhoneLib = typeof import("libphonenumber-js/max");
type Nlp = typeof import("compromise").default;
type IbanLib = typeof import("ibantools");

const require = createRequire(import.meta.url);

// Module names held in variables: the bundler leaves these require() calls alone, so the libraries are not
// parsed at start-up. The async preload (import()) is the normal path; the synchronous fallback serves
// direct callers of detectPii that did not preload.
const PHONE_MODULE = "libphonenumber-js/max";
const IBAN_MODULE = "ibantools";
const NLP_MODULE = "compromise";
let phoneLib: PhoneLib | undefined;
let nlp: Nlp | undefined;
let ibanLib: IbanLib | undefined;

export async function preloadPiiDependencies(types: readonly PiiType[]): Promise<void> {
  if (types.includes("phone") && !phoneLib) phoneLib = await import("libphonenumber-js/max");
  if (types.includes("iban") && !ibanLib) ibanLib = await import("ibantools");
  // The person-name detector reads its word classes from data/name-lexicon.txt; compromise is only the
  // fallback when that file is missing.
  if (types.includes("person-name") && !nlp && !nameLexicon()) nlp = (await import("compromise")).default;
}

/** Whether `text` could hold a value whose detector needs a heavy library (a cheap pre-check). */
export function mightNeedLibrary(type: PiiType, text: string): boolean {
  if (type === "phone") return /\d[\d ().\-\u00a0]{4,}\d/.test(text);
  if (type === "iban") return /[A-Za-z]{2}\s?\d{2}/.test(text);
  return type !== "person-name";
}

export function phoneLibrary(): PhoneLib {
  phoneLib ??= require(PHONE_MODULE) as PhoneLib;
  return phoneLib;
}

export function ibanLibrary(): IbanLib {
  ibanLib ??= require(IBAN_MODULE) as IbanLib;
  return ibanLib;
}

export function nlpLibrary(): Nlp {
  if (!nlp) {
    const loaded = require(NLP_MODULE) as Nlp | { default: Nlp };
    nlp = typeof loaded === "function" ? loaded : loaded.default;
  }
  return nlp;
}

/** Which heavy libraries are loaded so far (for tests and diagnostics). */
export function loadedPiiDependencies(): string[] {
  const out: string[] = [];
  if (phoneLib) out.push("libphonenumber-js");
  if (ibanLib) out.push("ibantools");
  if (nlp) out.push("compromise");
  return out;
}
