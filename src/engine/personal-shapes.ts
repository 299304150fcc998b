/**
 * Tokens that could be personal data, for masking the lines a code frame prints around a sensitive finding.
 * A file where one name, phone or address was found usually holds more, and a detector's miss must not be
 * printed in clear one line below its hit. Masking here costs nothing but a less readable frame, so the
 * shapes are wide on purpose:
 *
 * - numbers of two or more digits, with the separators phones, cards, dates and house numbers use, and
 *   tokens mixing letters and digits (postcodes such as `LS1 1AB`, flat numbers such as `4B`);
 * - capitalised words the name lexicon knows as a given name or surname ("Ingrid", "O'Connor");
 * - inside a sentence, capitalised words the lexicon does not know as everyday words: a name from outside its
 *   sources ("wife Shabana", "D/o K. Raghavendra Rao") is usually one of them. The first word of a sentence,
 *   line or list item is capitalised by grammar and stays, unless the lexicon knows it as a name.
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

/** What comes before the first word of a sentence, a line or a list item (the last 12 characters before it). */
const SENTENCE_START = /(?:^|[\n.!?:;"“(]\s*|^\s*(?:[-*+>]|\d+[.)])\s+|\n\s*(?:[-*+>]|\d+[.)])\s+|[*_#]+\s*)$/;

/** An initial or a title ends in a full stop that ends no sentence ("K. Raghavendra", "Dr. Okafor"). */
const AFTER_INITIAL_OR_TITLE = /(?:^|[^\p{L}])(?:\p{Lu}|Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Sra|Hr|Fr|Mme|Mlle|Smt|Shri)\.\s*$/u;

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
      const kinds = parts.map((p) => lexicon.get(p.toLowerCase()));
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const unknownInSentence = kinds.some((k) => k === undefined) && (!SENTENCE_START.test(before) || AFTER_INITIAL_OR_TITLE.test(before));
      if (kinds.some(isPersonWord) || unknownInSentence) found.push([m.index, m.index + m[0].length]);
    }
  }
  return mergeRanges(found);
}

function isPersonWord(kind: string | undefined): boolean {
  return kind === "first" || kind === "last" || kind === "namelike";
}
