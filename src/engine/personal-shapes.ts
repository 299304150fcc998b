/**
 * Tokens that could be personal data, for masking the lines a code frame prints around a sensitive finding.
 * A file where one name, phone or address was found usually holds more, and a detector's miss must not be
 * printed in clear one line below its hit. Masking here costs nothing but a less readable frame, so the
 * shapes are wide on purpose:
 *
 * - numbers of two or more digits, with the separators phones, cards, dates and house numbers use, and
 *   tokens mixing letters and digits (postcodes such as `LS1 1AB`, flat numbers such as `4B`);
 * - capitalised words the name lexicon knows as a given name or surname ("Ingrid", "O'Connor").
 *
 * Each scan is one pass of a regular expression without nested repetition: linear in the text.
 */
import type { Range } from "../model/document.js";
import { nameLexicon } from "../pii/name-lexicon.js";
import { mergeRanges } from "./credential-shapes.js";

/** A run of digits and the separators between them, holding at least two digits. */
const NUMBER_RUN = /\+?\(?\d[\d \-./()]*\d/g;

/** A word of letters and digits with both (postcode parts, unit numbers). */
const ALPHANUMERIC = /\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,10}\b/g;

/** A capitalised word, apostrophes and hyphens inside it (O'Connor, Smith-Jones). */
const CAPITALISED = /\p{Lu}[\p{L}'’-]*\p{L}/gu;

/** Ranges of `text` that could be personal data, in text order, merged. */
export function findPersonalShapes(text: string): Range[] {
  const found: Range[] = [];
  for (const m of text.matchAll(NUMBER_RUN)) found.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(ALPHANUMERIC)) found.push([m.index, m.index + m[0].length]);
  const lexicon = nameLexicon();
  if (lexicon) {
    for (const m of text.matchAll(CAPITALISED)) {
      // Each part of a double-barrelled name on its own: "Smith-Jones" is a name when either part is.
      const parts = m[0].split(/[-'’]/).filter((p) => p.length > 1);
      if (parts.some((p) => isPersonWord(lexicon.get(p.toLowerCase())))) found.push([m.index, m.index + m[0].length]);
    }
  }
  return mergeRanges(found);
}

function isPersonWord(kind: string | undefined): boolean {
  return kind === "first" || kind === "last" || kind === "namelike";
}
