/**
 * Street addresses, in the forms the main European and American languages write them:
 *
 * - number, name, street type: "42 Willow Lane", "221B Baker St.", "36 folkestone road";
 * - street type, name, number: "Rua Augusta 123", "Calle Mayor, 5", "Via Roma 10", "ul. Długa 5/7";
 * - number, street type, name: "12 rue de Rivoli", "40 Via Bernardino Rota 130";
 * - a street word ending in a type, number: "Hauptstraße 12", "Prinsenstraat 186", "Simavikveien 231",
 *   "Kossuth Lajos utca 12";
 * - name and number alone ("Bergshaugen 43") when a postcode or a unit follows;
 * - PO boxes ("P.O. Box 101", "Postfach 1234", "Apartado 55") and US military mail ("PSC 1234, Box 5678, APO AE
 *   09876", "USNS Sandberg / FPO AA 18532").
 *
 * A street is extended with what follows it on its line (unit, postcode, city, state, country) and on the next few
 * lines when they read as the rest of an address ("Apt. 323", "FOSNAVÅG", "Springfield, IL 62704"), so a
 * multi-line address is one finding. In system and instruction prose an address needs a cue ("address", "ship to",
 * "lives at"...) or such a multi-line block; in conversation text any address counts. Lower-case addresses need a
 * cue or a street type. Every pattern is bounded and tried only at a number or a keyword, so the scan stays linear.
 */
import { isDialogueLine, isDigitCode, lineStart, tableColumnHeader, textBefore } from "./text.js";
import type { DetectorContext, PiiMatch } from "./types.js";

/** A name word: capitalised, or a lower-case joining word inside a street name ("Rua das Flores"). */
const NAME_WORD = "(?:\\p{Lu}[\\p{L}\\p{M}'’.-]{0,24}|\\d{1,3}(?!\\d)(?:st|nd|rd|th|e|er|º|ª)?|de|da|del|della|dei|degli|delle|di|do|dos|das|la|le|les|du|des|van|der|den|von|y|e|of|the|al|el|am|an|im|zum|zur|sur|sous|on|yr|ar)";
/** Any word, for lower-case text. */
/** Any word but an English function word, for lower-case text ("4 keywords in a single row" is no address). */
const ANY_WORD = "(?!(?:in|a|an|the|of|to|for|on|at|by|with|and|or|is|are|per|each|every|your|my|our|this|that|from|into)\\b)[\\p{L}][\\p{L}\\p{M}'’.-]{0,24}";
const SP = "[ \\t\\u00a0]{1,2}";
const HOUSE_NUMBER = "\\d{1,5}[A-Za-z]?(?:[-/]\\d{1,4}[A-Za-z]?)?";

/**
 * In lower case, "3 via email" and "send it via email 3 times" are not addresses: the other languages' forms then
 * need their house number at the end of the address, except the French "12 rue de la paix".
 */
const ADDRESS_END = "(?=\\s*(?:$|[,.;:!?)\\n—–-]|\\s(?:suite|apt|apto|unit|flat|floor|piso|lgh|m\\.|lok\\.|lokal|int\\.|interior|depto|dpto|bus|bte|scala|esc\\.|escalera|\\d)))";
const FRENCH_TYPES = "rue|avenue|boulevard|bd|chemin|allée|impasse|quai|place|cours";
const TYPES_AFTER =
  "Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Close|Crescent|Cres|Row|Alley|Plaza|Loop|Pike|Grove|Gardens|Mews|Walk|Causeway|Expressway|Freeway|Turnpike|Crossing|Heights|Ridge|Meadows?|Estates?|Creek|Hill|Park|Green|Quay|Wharf|Brook|Glen|Hollow|Vale|Rise|View|Point|Landing|Bend|Commons|Path|Pass|Run|Manor|Chase|Fold|Garth|Wynd|Broadway";
/** Street words written after the name as a separate word, in other languages ("Kossuth Lajos utca", "Pernilles vei"). */
const TYPES_AFTER_OTHER = "utca|u\\.|út|útja|tér|körút|sor|vei|veien|vej|gade|gate|gata|gatan|väg|vägen|allé|allee|straat|laan|weg|str\\.|strasse|straße|gasse|platz|ring|damm|sokak|sokağı|caddesi|cad\\.|iela|gatvė|tie|katu|kuja|tee";
/** Street types written before the name. */
const TYPES_BEFORE =
  "Rua|Avenida|Av\\.|Avda\\.?|Travessa|Tv\\.|Alameda|Largo|Praça|Praca|Estrada|Rodovia|Calle|C/|Carrer|Paseo|Pº|Camino|Carretera|Plaza|Pza\\.|Pasaje|Ronda|Glorieta|Calzada|Via|Viale|V\\.le|Piazza|P\\.zza|Piazzale|Corso|C\\.so|Vicolo|Strada|Lungomare|Contrada|Rue|Avenue|Boulevard|Bd|Chemin|Allée|Impasse|Quai|Route|Cours|Passage|Voie|Sentier|Ul\\.|Ulica|Al\\.|Aleja|Os\\.|Osiedle|Bulevardul|Calea|Splaiul|Odos|Odhos|Leoforos|Leof\\.|Οδός|Λεωφόρος|Улица|Ул\\.|Проспект|Пр\\.|Privada|Priv\\.|Cerrada|Andador|Prolongación|Prol\\.|Retorno|Circuito|Callejón|Jirón|Heol|Ffordd|Stryd";
/** Endings of one-word street names ("Hauptstraße", "Prinsenstraat", "Simavikveien", "Drottninggatan"). */
const COMPOUND_ENDINGS =
  "straße|strasse|str\\.|weg|gasse|platz|allee|damm|ring|ufer|steig|pfad|straat|laan|plein|gracht|kade|singel|dijk|gatan|gata|vägen|väg|gränd|vej|gade|veien|vei|vegen|vegur|gata|tie|katu|kuja|polku|tori|utca|iela|gatvė";

const UNIT_WORDS =
  "apt|apartment|apto|apdo|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|piso|planta|puerta|andar|sala|loja|bloco|bl|wohnung|whg|etage|stock|bus|bte|boîte|appt|app|int|interior|interno|depto|dpto|scala|esc|escalera|lok|lokal|lgh|lägenhet|door|m\\.|#";
/** A floor or door written number first: "4 tr" (Swedish), "3. tv." (Danish), "2. emelet 5" (Hungarian), "3º B". */
const FLOOR = `\\d{1,2}(?:[º°ª]|\\.)?${SP}?(?:tr|trappor|tv|th|mf|st|sal|etg|emelet|em|stock|og|étage|piso|andar)\\.?(?:${SP}\\d{1,3}\\.?)?(?![\\p{L}])|\\d{1,2}[º°ª]${SP}?[A-Za-z]?(?:${SP}(?:izq|dcha|der|esq|dto)\\.?)?`;
/** Dutch floors written onto the house number: "Prinsengracht 263-III", "Kerkstraat 12-hs", "Laan 4-bg". */
const DUTCH_FLOOR = "-(?:I{1,3}|IV|hs|huis|bg|boven)(?![\\p{L}\\p{N}])";
const UNIT = `(?:,?${SP}(?:(?:${UNIT_WORDS})\\.?${SP}?#?[A-Za-z0-9º°ª-]{1,6}|${FLOOR})|${DUTCH_FLOOR})`;
/** Irish Eircodes: a routing key ("D07", "D6W") and a four-character unique identifier ("D07 X2K3"). */
const EIRCODE = "(?:[AC-FHKNPRTV-Y]\\d{2}|D6W)[ \\u00a0][0-9AC-FHKNPRTV-Y]{4}";
/** Postcodes of the US, UK, Ireland, Canada, the Netherlands, Poland, Portugal, Sweden/Czechia and the 4-5 digit rest. */
const POSTCODE =
  "(?:\\d{5}-\\d{4}|\\d{4}-\\d{3}|\\d{3}-\\d{4}|\\d{5}|\\d{4}|\\d{2}-\\d{3}|\\d{3}[ \\u00a0]\\d{2}|\\d{4}[ \\u00a0]?[A-Z]{2}|[A-Z]{1,2}\\d[A-Z\\d]?[ \\u00a0]\\d[A-Z]{2}|[A-Z]\\d[A-Z][ \\u00a0]\\d[A-Z]\\d|" + EIRCODE + ")";
/** The rest of an address on the street's line: postcode, city, state/region, postcode, country, in any order. */
const PLACE_WORD = "(?:\\p{Lu}[\\p{L}\\p{M}'’.-]{0,24}|de|del|di|la|le|sur|am|an|im|and|the|of|da|do)(?![\\p{L}\\p{N}])";
const ANY_PLACE_WORD = "[\\p{L}][\\p{L}\\p{M}'’.-]{0,24}(?![\\p{L}\\p{N}])";
const tailPart = (place: string) => `(?:,?${SP}(?:${POSTCODE}(?![\\p{L}\\d])|${place}(?:[ \\t-]${place}){0,3}))`;

const u = "u";
/**
 * A pattern built on first use. V8 parses a pattern when it is constructed and compiles it on its first match, and
 * keeps neither across runs: the large street patterns are built only in texts that get as far as needing them.
 */
function lazyRegExp(build: () => RegExp): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= build());
}

/**
 * `head (word){min,max} tail`, matched exactly as that one pattern would match it (the heads in order, then the
 * most words first: its backtracking order), but with three small patterns. A long alternation of street types
 * after a bounded repeat of Unicode words made V8 spend tens of milliseconds compiling the single pattern.
 * Each word must be followed by a space, so a word matches at most one way.
 */
class WordRun {
  constructor(
    private readonly heads: readonly (() => RegExp)[],
    private readonly word: () => RegExp,
    private readonly min: number,
    private readonly max: number,
    private readonly tail: () => RegExp,
  ) {}

  /** End of the match at `at`, or -1. */
  matchEnd(text: string, at: number): number {
    const word = this.word();
    const tail = this.tail();
    const ends: number[] = [];
    for (const headOf of this.heads) {
      const head = headOf();
      head.lastIndex = at;
      const h = head.exec(text);
      if (!h) continue;
      ends.length = 0;
      let pos = at + h[0].length;
      while (ends.length < this.max) {
        word.lastIndex = pos;
        const w = word.exec(text);
        if (!w) break;
        pos += w[0].length;
        ends.push(pos);
      }
      for (let k = ends.length; k >= this.min; k--) {
        const from = k === 0 ? at + h[0].length : ends[k - 1]!;
        tail.lastIndex = from;
        const t = tail.exec(text);
        if (t) return from + t[0].length;
      }
    }
    return -1;
  }
}

/** number, name, street type (the US/UK form), with unit and the rest of the line. */
const NUMBER_NAME_TYPE = new WordRun(
  [lazyRegExp(() => new RegExp(`${HOUSE_NUMBER}${SP}\\d{1,5}[A-Za-z]?${SP}`, `y${u}`)), lazyRegExp(() => new RegExp(`${HOUSE_NUMBER},?${SP}`, `y${u}`))],
  lazyRegExp(() => new RegExp(`${NAME_WORD}${SP}`, `y${u}`)),
  1,
  4,
  lazyRegExp(() => new RegExp(`(?:${TYPES_AFTER})\\b\\.?(?:${SP}(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?`, `y${u}`)),
);
const NUMBER_NAME_TYPE_ANY = new WordRun(
  [lazyRegExp(() => new RegExp(`${HOUSE_NUMBER}${SP}\\d{1,5}${SP}`, `iy${u}`)), lazyRegExp(() => new RegExp(`${HOUSE_NUMBER}${SP}`, `iy${u}`))],
  lazyRegExp(() => new RegExp(`${ANY_WORD}${SP}`, `iy${u}`)),
  1,
  4,
  lazyRegExp(() => new RegExp(`(?:${TYPES_AFTER})\\b\\.?`, `iy${u}`)),
);
/** number, street type, name, number: "12 rue de Rivoli", "40 Via Bernardino Rota 130". */
const NUMBER_TYPE_NAME = lazyRegExp(() => new RegExp(`${HOUSE_NUMBER}(?:${SP}(?:bis|ter|quater)|${SP}\\d{1,5}[A-Za-z]?)?,?${SP}(?:${anyCase(TYPES_BEFORE)})${SP}?(?:${NAME_WORD}${SP}){0,4}${NAME_WORD}(?:${SP}${HOUSE_NUMBER}\\b\\.?)?`, `y${u}`));
const NUMBER_TYPE_NAME_ANY = lazyRegExp(() => new RegExp(
  `${HOUSE_NUMBER}(?:${SP}(?:bis|ter|quater)|${SP}\\d{1,5})?,?${SP}(?:(?:${FRENCH_TYPES})${SP}(?:${ANY_WORD}${SP}){0,4}${ANY_WORD}(?:${SP}${HOUSE_NUMBER}\\b\\.?)?|(?:${TYPES_BEFORE})${SP}?(?:${ANY_WORD}${SP}){0,4}${ANY_WORD},?${SP}${HOUSE_NUMBER}\\.?${ADDRESS_END})`,
  `iy${u}`,
));
/** street type, name, number: "Rua Augusta 123", "Calle Mayor, 5", "ul. Długa 5/7", "Avenida Paulista, nº 1000". */
const TYPE_NAME_NUMBER = lazyRegExp(() => new RegExp(
  `(?:${anyCase(TYPES_BEFORE)})${SP}?(?:${NAME_WORD}${SP}){0,5}?${NAME_WORD},?${SP}(?:n[º°o]\\.?${SP}?)?${HOUSE_NUMBER}(?![\\p{L}\\d])\\.?${ADDRESS_END}`,
  `y${u}`,
));
const TYPE_NAME_NUMBER_ANY = lazyRegExp(() => new RegExp(`(?:${TYPES_BEFORE})${SP}?(?:${ANY_WORD}${SP}){0,5}?${ANY_WORD},?${SP}(?:n[º°o]\\.?${SP}?)?${HOUSE_NUMBER}(?![\\p{L}\\d])\\.?${ADDRESS_END}`, `iy${u}`));
/** a street word ending in a type, or a name and a separate type word, then a number: "Hauptstraße 12", "Kossuth Lajos utca 12". */
const NAME_TYPE_NUMBER = lazyRegExp(() => new RegExp(
  `(?:${NAME_WORD}${SP}){0,3}(?:[\\p{L}]{2,30}(?:${COMPOUND_ENDINGS})|(?:${TYPES_AFTER_OTHER}))${SP}${HOUSE_NUMBER}(?![\\p{L}\\d])\\.?`,
  `iy${u}`,
));
/** name and number without a street type ("Bergshaugen 43", "Reyes Católicos 17"): only with a postcode or unit after it. */
const NAME_NUMBER = lazyRegExp(() => new RegExp(`(?:${NAME_WORD}${SP}){0,3}\\p{Lu}[\\p{L}\\p{M}'’-]{2,24}${SP}${HOUSE_NUMBER}(?![\\p{L}\\d])\\.?`, `y${u}`));
/** A cheap test before NAME_NUMBER_POSTCODE: a house number, maybe a comma, then a postcode and a capital. */
const NAME_NUMBER_POSTCODE_HINT = /\d[A-Za-z]?,? (?:\d{3} \d{2}|\d{4,5}|\d{4} ?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3}) \p{Lu}/u;
/** "Tsimiski 45, 546 23 Thessaloniki": group 1 is the street and number. */
const NAME_NUMBER_POSTCODE = lazyRegExp(
  () =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])((?:\\p{Lu}[\\p{L}\\p{M}'’-]{2,24}${SP}){1,3}${HOUSE_NUMBER})(?=,?${SP}(?:\\d{5}|\\d{3} \\d{2}|\\d{4} ?[A-Z]{2}|\\d{2}-\\d{3}|\\d{4}-\\d{3}|(?!19|20)\\d{4})${SP}\\p{Lu}\\p{Ll})`,
      `g${u}`,
    ),
);
/** Japanese block addresses: "3-12-7 Jingumae, Shibuya-ku". */
const JAPANESE = lazyRegExp(() => new RegExp(
  `\\d{1,4}-\\d{1,4}-\\d{1,4}${SP}\\p{Lu}\\p{Ll}[\\p{L}-]{1,24}(?:,${SP}\\p{Lu}[\\p{L}]{1,24}-(?:ku|shi|cho|chō|machi|gun))?|\\d{1,4}-\\d{1,4}${SP}\\p{Lu}\\p{Ll}[\\p{L}-]{1,24},${SP}\\p{Lu}[\\p{L}]{1,24}-(?:ku|shi|cho|chō|machi|gun)`,
  `y${u}`,
));
/** Colombian grid addresses: "Carrera 7 # 71-21", "Calle 100 No. 8A-55". */
const COLOMBIAN = lazyRegExp(() => new RegExp(`(?:Carrera|Cra\\.?|Kr\\.?|Calle|Cl\\.?|Diagonal|Dg\\.?|Transversal|Avenida|Av\\.?|Autopista)${SP}\\d{1,3}[A-Z]?(?:${SP}(?:Bis|Sur|Este))?${SP}?(?:#|No\\.?|N[º°o]\\.?)${SP}?\\d{1,3}[A-Z]?-\\d{1,3}`, `iy${u}`));
const PO_BOX = /(?:P\.?\s?O\.?\s?Box|Post(?:al)?\s?(?:Office\s)?Box|Postbox|Postboks|Postfach|Apartado(?:\s(?:de\s)?correos|\sPostal)?|Caixa\sPostal|Casilla(?:\sde\scorreo)?|B\.P\.|Boîte\spostale|Skrytka\spocztowa)\s{1,2}(?:No\.?\s?)?\d{1,6}(?:-[A-Z]\b)?\b/iy;
/** US military mail: the unit or ship, then APO/FPO/DPO and the "state" code (AA, AE, AP) and ZIP. */
const MILITARY = /(?:(?:PSC|CMR|Unit)\s\d{1,5},?\s(?:Box\s\d{1,5})?|(?:USS|USNS|USNV|USCGC|USCG|USAV)\s[\p{L}'’. -]{1,30}?)[,\s]{1,4}(?:[>*-]\s?)?(?:APO|FPO|DPO)\s(?:AA|AE|AP)\s\d{5}(?:-\d{4})?/iuy;
const MILITARY_LINE = /(?:APO|FPO|DPO)\s(?:AA|AE|AP)\s\d{5}(?:-\d{4})?/iy;

const UNIT_RE = lazyRegExp(() => new RegExp(UNIT, `iy${u}`));
const TAIL_RE = lazyRegExp(() => new RegExp(tailPart(PLACE_WORD), `y${u}`));
const TAIL_RE_ANY = lazyRegExp(() => new RegExp(tailPart(ANY_PLACE_WORD), `iy${u}`));
const POSTCODE_RE = new RegExp(`^(?:${POSTCODE})$`, u);

/** Words before a keyword anchor (street types before the name, PO boxes, military mail), found in one pass. */
const KEYWORD_ANCHOR = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${TYPES_BEFORE}|Carrera|Cra\\.|Kr\\.|Cl\\.|Diagonal|Dg\\.|Transversal|Autopista|P\\.?\\s?O\\.?\\s?Box|Post(?:al)?\\s?(?:Office\\s)?Box|Postbox|Postboks|Postfach|Apartado|Caixa\\sPostal|Casilla|B\\.P\\.|Boîte\\spostale|Skrytka|PSC|CMR|Unit\\s\\d|USS|USNS|USNV|USCGC|USCG|USAV|APO|FPO|DPO)(?=[\\s.,])`,
  `gi${u}`,
);
const COMPOUND_ANCHOR = lazyRegExp(() => new RegExp(`(?<![\\p{L}\\p{N}])[\\p{L}]{2,30}(?:${COMPOUND_ENDINGS})${SP}\\d|(?<![\\p{L}\\p{N}])(?:${TYPES_AFTER_OTHER})${SP}\\d`, `gi${u}`));

const ADDRESS_CUE =
  /(?:address|addr\.?|adresse|anschrift|adres|adresa|dirección|direccion|domicilio|endereço|endereco|morada|indirizzo|osoite|cím|címem|lakcím|ship(?:ped|ping)?(?: it| them)? to|deliver(?:ed|y)?(?: it| them)? to|mail(?:ed|ing)? to|send (?:it |them |the [a-z]+ |a new one )?to|sent to|post (?:it |them |my [a-z ]{1,30})?to|forward(?:ed)? to|return(?:ed)? (?:it |them )?to|lives?|living|located at|residence|resides? at|home|billing|shipping|postal|moved to|move to|moving to|pick(?:ed)? up (?:at|from)|visit (?:me|us|her|him) at|meet (?:me |us |you )?at|arrived at|corner of|apartment|house|flat \d|(?:my|her|his|their|our) flat|where (?:he|she|they|i) li?ves?|here they are|recipient|consignee|shipper|sender|patient|guest|tenant|buyer|applicant|employee|account holder|vivo en|vivo na|moro (?:na|em|no)|wohne|wohnhaft|j'habite|habite|abito|bor på|bor i|mieszkam|asun)[^\n]{0,40}$/;
/** A table column whose header names an address ("| Domicilio |", "| Current address |", "| Anschrift |"). */
const ADDRESS_HEADER = /^(?:(?:home|current|postal|mailing|billing|shipping|delivery|street|private)\s)?(?:address|adresse|anschrift|adres|adresa|dirección|direccion|domicilio|endereço|endereco|morada|indirizzo|osoite|cím|lakcím)$/i;
function addressColumn(text: string, at: number): boolean {
  if (text[at - 1] !== " " && text[at - 1] !== "|") return false;
  const header = tableColumnHeader(text, lineStart(text, at, 2000), at);
  return header !== undefined && ADDRESS_HEADER.test(header);
}

/** A shop, an office or a branch: its address is a business's, not a person's. */
const BUSINESS_CUE = /\b(?:offices?|stores?|shops?|branch(?:es)?|headquarters|hq|business address(?:es)?|showroom|warehouse|returns? cent(?:re|er)|opening hours|open \d|visit us|coffee|caf[eé]|restaurant|bistro|bakery|pizzeria|diner|hotel|hostel|museum|gallery|theat(?:re|er)|cinema|library|pharmacy|salon|gym|brewery|winery|venue|our (?:clinic|studio))\b/i;

/** Famous public addresses that prompts mention as landmarks or sample data. */
const PUBLIC_ADDRESSES = /^(?:1600 Pennsylvania Ave(?:nue)?|1600 Amphitheatre Pkwy|1600 Amphitheatre Parkway|1 Infinite Loop|One Apple Park Way|1 Apple Park Way|1 Microsoft Way|350 Fifth Avenue|350 5th Ave(?:nue)?|221B Baker St(?:reet)?|742 Evergreen Terrace|10 Downing St(?:reet)?|123 Main St(?:reet)?|123 Example St(?:reet)?|1 Main St(?:reet)?|123 Any ?Street|1234 Main St(?:reet)?|123 Fake St(?:reet)?|1 Hacker Way|410 Terry Ave(?:nue)? N(?:orth)?)\b/i;

/** Words that end a continuation: a closing, a greeting or an ordinary sentence is not part of an address. */
const NOT_ADDRESS_LINE = /^(?:thanks|thank|regards|best|cheers|sincerely|hi|hello|dear|please|note|phone|tel|email|e-mail|fax|mobile|web|www|http|date|name|dob|ssn|iban|card|order|ref|invoice|total|user|assistant|customer|agent|q|a)\b/i;
/** A line that may continue an address: a unit, a city and region, a country, a postcode, in at most six words. */
/** A word list matched without regard to case inside a case-sensitive pattern. */
function anyCase(words: string): string {
  return words.replace(/\p{L}/gu, (ch) => (ch.toLowerCase() === ch.toUpperCase() ? ch : `[${ch.toLowerCase()}${ch.toUpperCase()}]`));
}
const continuationLine = (place: string, flags: string) =>
  new RegExp(
    `^(?:(?:${anyCase(UNIT_WORDS)})\\.?\\s?#?[A-Za-z0-9-]{1,6}|,?\\s?(?:${POSTCODE}\\s)?${place}(?:[ \\t-]${place}){0,4}(?:,?\\s(?:[A-Z]{2,3}|nan))?(?:,?\\s${POSTCODE})?|,\\s?(?:[A-Z]{2,3}|nan|\\d{2})(?:,?\\s${POSTCODE})?|${POSTCODE})[.,]?$`,
    flags,
  );
const CONTINUATION_LINE = lazyRegExp(() => continuationLine(PLACE_WORD, u));
/** For an address written in lower case: any words, the same shapes. */
const CONTINUATION_LINE_ANY = lazyRegExp(() => continuationLine("[\\p{L}][\\p{L}\\p{M}'’.-]{0,24}", `i${u}`));
const UNIT_LINE = new RegExp(`^(?:${UNIT_WORDS})\\b`, "i");

interface Candidate {
  start: number;
  end: number;
  /** The form carries its own evidence (a street type, a PO box): a cue is still needed in prose. */
  typed: boolean;
  /** Needs a postcode or a unit after it (name and number alone). */
  needsTail?: boolean;
  /** Military mail and PO boxes: count without a cue. */
  strong?: boolean;
  /** The form was found through a postcode or an address cue: counts without another cue, unless a business's. */
  vouched?: boolean;
}

export function detectStreetAddresses({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  if (!/\d/.test(text)) return out;
  const dialogue = options.textKind === "dialogue";
  const before = options.before ?? "";
  const cued = (at: number) =>
    dialogue || isDialogueLine(text, at) || ADDRESS_CUE.test(textBefore(text, at, 80, true)) || ADDRESS_CUE.test(previousLine(text, at, before)) || addressColumn(text, at);
  const candidates = collectCandidates(text, cued, before);
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    const extended = extend(text, c.end, !/\p{Lu}/u.test(text.slice(c.start, c.end)));
    const hasTail = extended.tailEvidence;
    if (c.needsTail && !hasTail) continue;
    // In prose, an address needs a cue, the shape of a postal block (a street, then a unit, postcode or city line),
    // or a postcode on its line, unless the text around it is about shops and offices.
    const complete = extended.postcode && !businessAddress(text, before, c.start, extended.end);
    if (!c.strong && !c.vouched && !cued(c.start) && !(extended.lines > 0 && hasTail) && !complete) continue;
    if (c.vouched && businessAddress(text, before, c.start, extended.end)) {
      lastEnd = extended.end;
      continue;
    }
    const value = text.slice(c.start, extended.end);
    // "Do not include the office address (Stationsplein 1, Utrecht)": a business named in the address's own
    // sentence, with nothing that makes it the writer's or a person's home.
    if (!c.strong && businessInSentence(text, c.start, extended.end)) {
      lastEnd = extended.end;
      continue;
    }
    if (PUBLIC_ADDRESSES.test(value)) {
      lastEnd = extended.end;
      continue;
    }
    out.push({ type: "street-address", start: c.start, end: extended.end, value, confidence: 0.8 });
    lastEnd = extended.end;
  }
  return out;
}

/**
 * Cheap literal pre-checks. The street patterns hold several copies of large Unicode letter classes: V8 takes
 * milliseconds to compile each one on first use and does not cache it across runs, and trying them at every number
 * of every text costs more than the rest of the PII scan. Each pattern is tried only where a word it cannot match
 * without occurs close enough after the number on the same line, so on ordinary prose most are never compiled.
 */
const TYPE_AFTER_WORD = new RegExp(`[ \\t\\u00a0](?:${TYPES_AFTER})`, "gu");
/** The same in any case, for the lower-case forms (tried only with a cue or on a lower-case line). */
const TYPE_AFTER_WORD_ANY_CASE = new RegExp(`[ \\t\\u00a0](?:${TYPES_AFTER})`, "giu");
const TYPE_BEFORE_WORD = new RegExp(`(?:${TYPES_BEFORE}|${FRENCH_TYPES})`, "giu");
const COMPOUND_WORD = new RegExp(`(?:${COMPOUND_ENDINGS}|${TYPES_AFTER_OTHER})${SP}\\d`, "giu");
/** A capitalised word followed by a number ("Bergshaugen 43"): what NAME_NUMBER ends with. */
const WORD_THEN_NUMBER = /\p{Lu}[\p{L}\p{M}'’-]{2,24}[ \t\u00a0]{1,2}\d/gu;
const JAPANESE_START = /\d{1,4}-\d{1,4}(?:-\d{1,4})?[ \t\u00a0]{1,2}\p{Lu}/uy;
/** How far after a house number each pattern's keyword can start (bounded by the patterns' word counts and lengths). */
const TYPE_AFTER_REACH = 140;
const TYPE_BEFORE_REACH = 26;
const COMPOUND_REACH = 125;
const NAME_NUMBER_REACH = 115;
const KEYWORD_NUMBER_REACH = 200;

/** Sorted start offsets of a global pattern's matches (found on the first question), with a range query. */
class Hits {
  private at: number[] | undefined;
  constructor(
    private readonly re: RegExp,
    private readonly text: string,
  ) {}
  private offsets(): number[] {
    if (this.at) return this.at;
    const at: number[] = [];
    const { re, text } = this;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      at.push(m.index);
      if (m[0] === "") re.lastIndex++;
    }
    this.at = at;
    return at;
  }
  get none(): boolean {
    return this.offsets().length === 0;
  }
  /** Some hit starts in [from, to]. */
  within(from: number, to: number): boolean {
    const at = this.offsets();
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < at.length && at[lo]! <= to;
  }
}

/** Street candidates at house numbers and keywords, in start order, the longest first at each start. */
function collectCandidates(text: string, cued: (at: number) => boolean, before: string): Candidate[] {
  const found: Candidate[] = [];
  const n = text.length;
  const tryAt = (re: RegExp | WordRun, at: number): number => {
    if (re instanceof WordRun) {
      const end = re.matchEnd(text, at);
      return end < 0 ? -1 : at + trimEnd(text.slice(at, end));
    }
    re.lastIndex = at;
    const m = re.exec(text);
    return m ? at + trimEnd(m[0]) : -1;
  };
  const typeAfter = new Hits(TYPE_AFTER_WORD, text);
  const typeAfterAnyCase = new Hits(TYPE_AFTER_WORD_ANY_CASE, text);
  const typeBefore = new Hits(TYPE_BEFORE_WORD, text);
  const compound = new Hits(COMPOUND_WORD, text);
  const wordNumber = new Hits(WORD_THEN_NUMBER, text);
  // The end of the line holding the current offset (offsets only grow within each loop below).
  let lineTo = -1;
  const lineEndAt = (at: number): number => {
    if (at > lineTo) {
      lineTo = text.indexOf("\n", at);
      if (lineTo === -1) lineTo = n;
    }
    return lineTo;
  };
  // House numbers: a digit run that starts a token.
  for (let i = 0; i < n; i++) {
    if (!isDigitCode(text.charCodeAt(i))) continue;
    const prev = text[i - 1];
    if (prev !== undefined && /[\p{L}\p{N}_.\-/#$€£,:+]/u.test(prev)) {
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      continue;
    }
    const eol = lineEndAt(i);
    const reach = (r: number) => Math.min(eol, i + r);
    let end = -1;
    const hasTypeAfter = typeAfter.within(i, reach(TYPE_AFTER_REACH));
    const hasTypeBefore = typeBefore.within(i, reach(TYPE_BEFORE_REACH));
    if (hasTypeAfter) end = tryAt(NUMBER_NAME_TYPE, i);
    let typed = true;
    if (end < 0 && hasTypeBefore) end = tryAt(NUMBER_TYPE_NAME(), i);
    const hasTypeAfterAnyCase = end < 0 && typeAfterAnyCase.within(i, reach(TYPE_AFTER_REACH));
    if (end < 0 && (hasTypeAfterAnyCase || hasTypeBefore) && (cued(i) || lowerCaseLine(text, i))) {
      if (hasTypeAfterAnyCase) end = tryAt(NUMBER_NAME_TYPE_ANY, i);
      if (end < 0 && hasTypeBefore) end = tryAt(NUMBER_TYPE_NAME_ANY(), i);
    }
    if (end < 0 && compound.within(i, reach(COMPOUND_REACH))) end = tryAt(NAME_TYPE_NUMBER(), i);
    if (end < 0 && tryAt(JAPANESE_START, i) >= 0) end = tryAt(JAPANESE(), i);
    if (end >= 0) {
      found.push({ start: i, end, typed });
      i = end - 1;
      continue;
    }
    typed = false;
    // "49 Bergshaugen 43" (a leading unit or building number, a name, a house number).
    const nameAt = skipNumber(text, i);
    end = wordNumber.within(nameAt, Math.min(eol, nameAt + NAME_NUMBER_REACH)) ? tryAt(NAME_NUMBER(), nameAt) : -1;
    if (end >= 0) {
      found.push({ start: i, end, typed, needsTail: true });
      i = end - 1;
      continue;
    }
    while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  }
  // A street name without a type word, its number, then a postcode and a town: "Tsimiski 45, 546 23 Thessaloniki",
  // "Bergshaugen 43, 0182 Oslo". The postcode and town after it are the evidence; a 4-digit code is not a year.
  if (NAME_NUMBER_POSTCODE_HINT.test(text)) {
    const re = NAME_NUMBER_POSTCODE();
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push({ start: m.index, end: m.index + m[1]!.length, typed: false, needsTail: true });
  }
  // Keywords: street types before the name, PO boxes, military mail.
  lineTo = -1;
  KEYWORD_ANCHOR.lastIndex = 0;
  for (let m = KEYWORD_ANCHOR.exec(text); m; m = KEYWORD_ANCHOR.exec(text)) {
    const at = m.index;
    // Every form below has a number within a few words of its keyword.
    const eol = lineEndAt(at);
    if (!/\d/.test(text.slice(at, Math.min(eol, at + KEYWORD_NUMBER_REACH))) && !/\d/.test(text.slice(eol, eol + 80))) continue;
    let end = tryAt(MILITARY, at);
    if (end >= 0) {
      found.push({ start: at, end, typed: true, strong: true });
      KEYWORD_ANCHOR.lastIndex = end;
      continue;
    }
    end = tryAt(MILITARY_LINE, at);
    if (end >= 0) {
      found.push({ start: militaryLineStart(text, at), end, typed: true, strong: true });
      continue;
    }
    end = tryAt(PO_BOX, at);
    if (end >= 0) {
      found.push({ start: at, end, typed: true, strong: true });
      continue;
    }
    end = tryAt(COLOMBIAN(), at);
    if (end >= 0) {
      found.push({ start: at, end, typed: true });
      continue;
    }
    end = tryAt(TYPE_NAME_NUMBER(), at);
    if (end < 0 && (cued(at) || lowerCaseLine(text, at))) end = tryAt(TYPE_NAME_NUMBER_ANY(), at);
    if (end >= 0) found.push({ start: at, end, typed: true });
  }
  addPrepositionStreets(text, before, found);
  addStreetsBeforePostcodes(text, found);
  if (!compound.none) {
    const anchor = COMPOUND_ANCHOR();
    anchor.lastIndex = 0;
    for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
      // Start at up to three name words before the compound ("Joan Maetsuyckerstraat 15", "Kossuth Lajos utca 12").
      const at = nameWordsBefore(text, m.index);
      const end = tryAt(NAME_TYPE_NUMBER(), at);
      if (end >= 0) found.push({ start: at, end, typed: true });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * German streets named without a type word, after a preposition: "Am Sonnenhang 7a", "Im Winkel 3", "An der Alten
 * Mühle 12". "Im Jahr 2024" reads the same, so the street needs a German postcode and town later on its line or an
 * address cue before it, and its name is no word of time or counting.
 */
const PREPOSITION_STREET_HINT = /(?:^|[^A-Za-z])(?:Am|Im|Zum|Zur|Beim|An de[nr]|Auf de[mnr]|In de[nr]|Unter den|Hinter de[mr]|Vor dem|Bei der) [A-ZÄÖÜ]/;
const PREPOSITION_STREET = lazyRegExp(
  () =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:Am|Im|Zum|Zur|Beim|An der|An den|Auf der|Auf dem|Auf den|In der|In den|Unter den|Hinter der|Hinter dem|Vor dem|Bei der)${SP}(\\p{Lu}[\\p{L}\\p{M}-]{2,30})(?:${SP}\\p{Lu}[\\p{L}\\p{M}-]{2,30})?${SP}\\d{1,4}[a-z]?(?![\\p{L}\\p{N}])`,
      `g${u}`,
    ),
);
const NOT_STREET_NAMES = new Set([
  "jahr", "jahre", "jahren", "jahrhundert", "monat", "quartal", "tag", "tage", "wochenende", "moment", "zeitraum", "vorjahr",
  "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember",
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sommer", "winter", "herbst", "frühling",
  "kapitel", "schritt", "abschnitt", "artikel", "absatz", "paragraph", "punkt", "beispiel", "fall", "alter", "durchschnitt",
  "vergleich", "rahmen", "bereich", "laufe", "ende", "anfang", "prozent", "minute", "minuten", "stunde", "stunden", "level",
  "stock", "raum", "zimmer", "team", "projekt", "version", "release", "sprint", "test", "teil", "band", "heft", "seite",
]);
const GERMAN_POSTCODE_AFTER = /^[^\n]{0,80}?(?<!\d)\d{5}[ \t]\p{Lu}/u;

function addPrepositionStreets(text: string, before: string, found: Candidate[]): void {
  if (!PREPOSITION_STREET_HINT.test(text)) return;
  const re = PREPOSITION_STREET();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (NOT_STREET_NAMES.has(m[1]!.toLowerCase())) continue;
    const end = m.index + m[0].length;
    const evidence = GERMAN_POSTCODE_AFTER.test(text.slice(end, end + 90)) || ADDRESS_CUE.test(textBefore(text, m.index, 80, true)) || ADDRESS_CUE.test(previousLine(text, m.index, before));
    if (evidence) found.push({ start: m.index, end, typed: true, vouched: true });
  }
}

/**
 * A street without a house number, as British and Irish addresses often have, in a comma-separated line that ends
 * with its town and a UK postcode or an Eircode: "Rookwood Farm, Bramham Lane, Wetherby LS23 6QT", "Apt 4B, The
 * Maltings, Bow Street, Dublin 7, D07 X2K3". The address starts at up to two parts before the street (a flat, a
 * house or building name).
 */
const UK_OR_IRISH_POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4})\b/g;
const TYPED_STREET_PART = new RegExp(`^(?:\\p{Lu}[\\p{L}'’-]{1,24} ){1,3}(?:${TYPES_AFTER})\\.?$`, u);
const TOWN_PART = /^\p{Lu}[\p{L}'’-]{1,24}(?: \p{Lu}[\p{L}'’-]{1,24}){0,2}(?: \d{1,2})?$/u;
const HOUSE_PART = /^(?:(?:Apt|Apartment|Flat|Unit|Suite)\.? [0-9A-Za-z]{1,5}|\p{Lu}[\p{L}'’-]{1,24}(?: \p{Lu}[\p{L}'’-]{1,24}){0,2})$/u;

const HOUSE_AFTER_WORD = /\s(?:at|of|is|to)\s((?:\p{Lu}[\p{L}'’-]{1,24} ){0,2}\p{Lu}[\p{L}'’-]{1,24})$/u;

function addStreetsBeforePostcodes(text: string, found: Candidate[]): void {
  UK_OR_IRISH_POSTCODE.lastIndex = 0;
  for (let m = UK_OR_IRISH_POSTCODE.exec(text); m; m = UK_OR_IRISH_POSTCODE.exec(text)) {
    const from = lineStart(text, m.index, 160);
    const raw = text.slice(from, m.index).replace(/,? $/, "").split(",");
    const parts = raw.map((p) => p.trim());
    // The town: the part right before the postcode ("Wetherby LS23 6QT", "Dublin 7, D07 X2K3").
    if (parts.length < 2 || !TOWN_PART.test(parts[parts.length - 1]!)) continue;
    let street = -1;
    for (let k = parts.length - 2; k >= Math.max(0, parts.length - 3); k--) {
      if (TYPED_STREET_PART.test(parts[k]!)) {
        street = k;
        break;
      }
      if (!TOWN_PART.test(parts[k]!)) break;
    }
    if (street < 0) continue;
    let first = street;
    while (first > 0 && street - first < 2 && HOUSE_PART.test(parts[first - 1]!)) first--;
    let start = from + raw.slice(0, first).reduce((n, p) => n + p.length + 1, 0);
    // A house name at the end of the clause before: "lives at Hollybush Farm, …", "of Rookwood Farm, …".
    const house = first > 0 && street - first < 2 ? HOUSE_AFTER_WORD.exec(raw[first - 1]!) : null;
    if (house) start -= house[1]!.length + 1;
    while (text[start] === " " || text[start] === "\t") start++;
    found.push({ start, end: m.index + m[0].length, typed: true, vouched: true });
  }
}

/** Length of a match without trailing spaces and commas. */
function trimEnd(value: string): number {
  let k = value.length;
  while (k > 0 && /[\s,]/.test(value[k - 1]!)) k--;
  return k;
}

function skipNumber(text: string, i: number): number {
  let k = i;
  while (k < text.length && /[\dA-Za-z/-]/.test(text[k]!) && k - i < 8) k++;
  while (k < text.length && (text[k] === " " || text[k] === "\t") && k - i < 10) k++;
  return k;
}

/** The line of `at` has no capital letters: addresses there are written in lower case. */
function lowerCaseLine(text: string, at: number): boolean {
  const s = lineStart(text, at, 120);
  const line = text.slice(s, Math.min(text.length, at + 80));
  return !/\p{Lu}/u.test(line);
}

/** Back over up to three capitalised words (and joining words) before `at` on the same line. */
function nameWordsBefore(text: string, at: number): number {
  let start = at;
  const before = text.slice(Math.max(0, at - 80), at);
  const m = /(?:(?:\p{Lu}[\p{L}\p{M}'’.-]{0,24}|de|da|del|la|van|von|der|den)[ \t]){1,3}$/u.exec(before);
  if (m) start = at - m[0].length;
  // Never start inside a word or right after a digit.
  return start;
}

/** A ship or unit line right before an "APO AE 09876" line belongs to it. */
function militaryLineStart(text: string, at: number): number {
  const s = lineStart(text, at, 80);
  if (s === 0 || text.slice(s, at).replace(/[\s>*-]/g, "") !== "") return at;
  const prevEnd = s - 1;
  const ps = lineStart(text, prevEnd, 60);
  const m = /(?:PSC|CMR|Unit|USS|USNS|USNV|USCGC|USCG|USAV)\b.*$/i.exec(text.slice(ps, prevEnd));
  return m ? ps + m.index : at;
}

interface Extension {
  end: number;
  /** Lines after the street's own line that were taken in. */
  lines: number;
  /** A unit or postcode follows the street (on its line or the next ones). */
  tailEvidence: boolean;
  /** A postcode follows the street on its line. */
  postcode: boolean;
}

/** The rest of the address after a street: unit and place on its line, then continuation lines. */
function extend(text: string, from: number, lowerCase: boolean): Extension {
  let end = from;
  let tailEvidence = false;
  for (let k = 0; k < 2; k++) {
    const unit = UNIT_RE();
    unit.lastIndex = end;
    const m = unit.exec(text);
    if (!m) break;
    end += m[0].length;
    tailEvidence = true;
  }
  // The rest of the line: places and postcodes after commas or spaces. Only with a comma or a postcode does the
  // rest belong to the address ("Apt 4, Seattle, WA 98121"; "10115 Berlin"); a bare capitalised word after the
  // street may start the next sentence.
  let tailEnd = end;
  let parts = 0;
  let sawPostcode = false;
  const tailRe = lowerCase ? TAIL_RE_ANY() : TAIL_RE();
  while (parts < 6) {
    tailRe.lastIndex = tailEnd;
    const m = tailRe.exec(text);
    if (!m) break;
    let part = m[0];
    // "45 Calle Mayor, Madrid. The rest": a full stop after a place word ends the sentence, and the address.
    // Abbreviations ("Col. Roma Norte", "Av.", "Apt.") are three letters or fewer and do not end it.
    const stop = /(?<!\p{L})\p{L}\p{Ll}{3,}\.(?=[ \t]|$)/u.exec(part);
    const sentenceEnds = stop !== null;
    if (stop) part = part.slice(0, stop.index + stop[0].length - 1);
    const postcode = POSTCODE_RE.test(part.replace(/^[,\s]+/, ""));
    if (!part.trimStart().startsWith(",") && !postcode && !(parts > 0 && /^[ \t]/.test(part))) break;
    if (postcode) {
      tailEvidence = true;
      sawPostcode = true;
    }
    tailEnd += part.length;
    parts++;
    if (sentenceEnds) break;
  }
  if (parts > 0) end = tailEnd;
  // Continuation lines.
  let lines = 0;
  let lastGood = end;
  let cursor = end;
  let goodLines = 0;
  for (let k = 0; k < 5; k++) {
    if (text[cursor] !== "\n" && !(text[cursor] === "\r" && text[cursor + 1] === "\n")) break;
    const lineFrom = cursor + (text[cursor] === "\r" ? 2 : 1);
    let lineTo = lineFrom;
    while (lineTo < text.length && text[lineTo] !== "\n" && text[lineTo] !== "\r" && lineTo - lineFrom < 80) lineTo++;
    const raw = text.slice(lineFrom, lineTo);
    const body = raw.replace(/^[\s>*+•|?-]*/, "").replace(/\s+$/, "");
    if (body === "" || body.length > 48 || NOT_ADDRESS_LINE.test(body) || !(lowerCase ? CONTINUATION_LINE_ANY : CONTINUATION_LINE)().test(body)) break;
    lines++;
    cursor = lineFrom + raw.trimEnd().length;
    // Keep lines up to the last one with a digit or a unit: a trailing line of capitalised words may be anything.
    if (/\d/.test(body) || UNIT_LINE.test(body) || /^,\s?(?:[A-Z]{2,3}|nan)$/.test(body)) {
      lastGood = cursor;
      goodLines = lines;
      tailEvidence = true;
    }
  }
  if (goodLines > 0) end = lastGood;
  return { end, lines: goodLines, tailEvidence, postcode: sawPostcode };
}

/**
 * The line before the one holding `at`, lower-cased ("Address:\n42 Willow Lane"); for the text's first line, the
 * last line of the source before it (a lead-in paragraph or list item).
 */
function previousLine(text: string, at: number, before: string): string {
  const start = lineStart(text, at, 200) - 1;
  if (start === -1) return lastLine(before).toLowerCase();
  if (start <= 0 || text[start] !== "\n") return "";
  return text.slice(lineStart(text, start, 120), start).toLowerCase();
}

/** The last non-blank line of a text, without quote and list markers. */
export function lastLine(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.slice(trimmed.lastIndexOf("\n") + 1).replace(/^[\s>*+•|#-]*/, "");
}

/** Offices, shops and branches in English and the other languages the address forms cover. */
const BUSINESS_IN_SENTENCE =
  /\b(?:office|offices|store|shop|branch|headquarters|hq|showroom|warehouse|our (?:clinic|studio|practice)|oficina|sucursal|tienda|escrit[oó]rio|loja|filial|b[uü]ro|filiale|gesch[aä]ftsstelle|bureau|agence|magasin|ufficio|negozio|kantoor|winkel|biuro|sklep)\b/i;
const PERSONAL_IN_SENTENCE = /\b(?:my|home|lives?|living|resid\w*|his|her|their|tenant|patient|customer|client|guest|deliver\w*|ship\w*|send|sent|mov(?:e|ed|ing))\b/i;

/** The address's sentence (on its line) names an office, a shop or a branch, and no person's home. */
function businessInSentence(text: string, start: number, end: number): boolean {
  const from = lineStart(text, start, 160);
  const head = text.slice(from, start);
  const cut = Math.max(head.lastIndexOf(". "), head.lastIndexOf("! "), head.lastIndexOf("? "));
  const sentence = head.slice(cut + 1) + text.slice(end, end + 60).split(/[\n.!?]/)[0];
  return BUSINESS_IN_SENTENCE.test(sentence) && !PERSONAL_IN_SENTENCE.test(sentence);
}

/** Shops, offices and branches around an address (before it, or later on its line): a business's address. */
function businessAddress(text: string, before: string, start: number, end: number): boolean {
  const preceding = (start < 300 ? before.slice(-(300 - start)) : "") + text.slice(Math.max(0, start - 300), start);
  const around = ownParagraphs(preceding) + text.slice(end, end + 120).split("\n")[0];
  return BUSINESS_CUE.test(around);
}

/**
 * The end of `preceding` that belongs with the address: its own paragraph and the one before it (a heading or a
 * lead-in: "All addresses below are shops:\n\n- 2 Kent Street"). A shop mentioned further up ("the pharmacy
 * called") says nothing about a next of kin's address.
 */
function ownParagraphs(preceding: string): string {
  const blank = /\n[ \t>]*\n/g;
  let last = -1;
  let beforeLast = -1;
  for (let m = blank.exec(preceding); m; m = blank.exec(preceding)) {
    beforeLast = last;
    last = m.index;
  }
  return beforeLast === -1 ? preceding : preceding.slice(beforeLast);
}

/**
 * The address spans of a text, remembered for the last few texts: the person-name detector asks for them to leave
 * street and place names alone, usually for the segment the street-address rule has just scanned.
 */
const recentSpans = new Map<string, PiiMatch[]>();

export function streetAddressSpans(text: string, options: DetectorContext["options"]): PiiMatch[] {
  const key = `${options.textKind ?? "prose"}\u0000${text}`;
  let spans = recentSpans.get(key);
  if (!spans) {
    spans = detectStreetAddresses({ text, options: { textKind: options.textKind } });
    if (recentSpans.size >= 16) recentSpans.delete(recentSpans.keys().next().value!);
    recentSpans.set(key, spans);
  }
  return spans;
}
