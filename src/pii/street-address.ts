/**
 * Street addresses: a house number, one to four street-name words and a street suffix ("42 Willow Lane",
 * "221B Baker St."), optionally followed by a unit, city, state and ZIP code; German-style "Hauptstraße 12";
 * PO boxes. Lower-case addresses count only after an address cue ("ship to", "address:"), since lower-case prose
 * such as "in 2 easy steps" is everywhere. Every pattern is bounded and anchored at a house-number position, so
 * the scan stays linear.
 */
import type { DetectorContext, PiiMatch } from "./types.js";
import { isDialogueLine, isDigitCode, lineStart, textBefore } from "./text.js";

const SUFFIX =
  "Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Close|Crescent|Cres|Row|Alley|Plaza|Loop|Pike|Grove|Gardens|Mews|Walk|Causeway|Expressway|Freeway|Turnpike|Crossing|Heights|Ridge|Meadows?|Estates?";
const DIRECTION = "(?:[ \\t](?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?";
const UNIT = "(?:,?\\s{1,2}(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Room|Rm|Bldg|Building|#)\\.?\\s{0,2}#?[A-Za-z0-9-]{1,6})?";
const CITY_STATE_ZIP = "(?:,\\s{0,2}[A-Z][a-zA-Z.'-]{1,20}(?:\\s[A-Z][a-zA-Z.'-]{1,20}){0,2}(?:,?\\s{1,2}[A-Z]{2})?(?:,?\\s{1,2}\\d{5}(?:-\\d{4})?)?)?";
const NUMBER = "\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?";
const WORD = "(?:[A-Z][A-Za-z'.-]{0,20}|\\d{1,3}(?:st|nd|rd|th)|[NSEW]\\.?)";

const CAPITALISED = new RegExp(`${NUMBER}[ \\t]{1,2}(?:${WORD}[ \\t]{1,2}){1,4}(?:${SUFFIX})\\b\\.?${DIRECTION}${UNIT}${CITY_STATE_ZIP}`, "y");
const ANY_CASE = new RegExp(
  `${NUMBER}[ \\t]{1,2}(?:[A-Za-z][A-Za-z'.-]{0,20}[ \\t]{1,2}){1,4}(?:${SUFFIX})\\b\\.?${DIRECTION}${UNIT.replace("(?:Apt", "(?:apt|suite|unit|Apt")}(?:,?\\s{0,2}[A-Za-z][A-Za-z.'-]{1,20}(?:\\s[A-Za-z][A-Za-z.'-]{1,20}){0,2}(?:,?\\s{1,2}[A-Za-z]{2})?(?:,?\\s{1,2}\\d{5}(?:-\\d{4})?)?)?`,
  "iy",
);
/**
 * Both street patterns put a suffix word after a space or tab and end it at a word boundary: a text without such
 * a word (capitalised for CAPITALISED, in any case for ANY_CASE) cannot match them. Testing that once per text
 * spares the compilation and the runs of the two large patterns in the common case.
 */
const CAPITALISED_SUFFIX = new RegExp(`[ \\t](?:${SUFFIX})\\b`);
const ANY_CASE_SUFFIX = new RegExp(`[ \\t](?:${SUFFIX})\\b`, "i");
const GERMAN = /[A-ZÄÖÜ][a-zäöüß]{2,30}(?:straße|strasse|str\.|weg|gasse|platz|allee|damm)[ \t]{1,2}\d{1,4}[a-z]?\b(?:,\s{0,2}\d{5}\s[A-ZÄÖÜ][a-zäöüß]{2,30})?/gu;
const PO_BOX = /\bP\.?\s?O\.?\s?Box\s{1,2}\d{1,6}\b/gi;
const ADDRESS_CUE =
  /(?:address|addr\.?|adresse|anschrift|ship(?:ped|ping)?(?: it| them)? to|deliver(?:ed|y)?(?: it| them)? to|mail(?:ed|ing)? to|send (?:it |them |the [a-z]+ )?to|sent to|forward(?:ed)? to|lives?|living|located at|residence|resides? at|home|billing|shipping|moved to|move to|pick(?:ed)? up (?:at|from)|visit (?:me|us|her|him) at|apartment|house|where (?:he|she|they|i) li?ves?)[^\n]{0,40}$/;

/** Famous public addresses that prompts mention as landmarks or sample data. */
const PUBLIC_ADDRESSES = /^(?:1600 Pennsylvania Ave(?:nue)?|1600 Amphitheatre Pkwy|1600 Amphitheatre Parkway|1 Infinite Loop|One Apple Park Way|1 Apple Park Way|1 Microsoft Way|350 Fifth Avenue|350 5th Ave(?:nue)?|221B Baker St(?:reet)?|742 Evergreen Terrace|10 Downing St(?:reet)?|123 Main St(?:reet)?|123 Example St(?:reet)?|1 Main St(?:reet)?|123 Any ?Street|1234 Main St(?:reet)?|123 Fake St(?:reet)?|742 Evergreen Terrace|1 Hacker Way|410 Terry Ave(?:nue)? N(?:orth)?)\b/i;

/**
 * In prose (system prompts, instructions) a street address needs a cue: business listings and landmarks
 * ("Four Barrel Coffee, 375 Valencia St") are common there and are not anyone's personal data. In conversation
 * text any address counts.
 */
export function detectStreetAddresses({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const dialogue = options.textKind === "dialogue";
  const cued = (at: number) => dialogue || isDialogueLine(text, at) || ADDRESS_CUE.test(textBefore(text, at, 80, true)) || ADDRESS_CUE.test(previousLine(text, at));
  const n = text.length;
  let capitalisedPossible: boolean | undefined;
  let anyCasePossible: boolean | undefined;
  for (let i = 0; i < n; i++) {
    if (!isDigitCode(text.charCodeAt(i))) continue;
    const prev = text[i - 1];
    if (prev !== undefined && /[\p{L}\p{N}_.\-/#$€£,:+]/u.test(prev)) {
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      continue;
    }
    anyCasePossible ??= ANY_CASE_SUFFIX.test(text);
    if (!anyCasePossible) break; // no street can follow this number or any later one
    capitalisedPossible ??= CAPITALISED_SUFFIX.test(text);
    let m: RegExpExecArray | null = null;
    if (capitalisedPossible) {
      CAPITALISED.lastIndex = i;
      m = CAPITALISED.exec(text);
    }
    if (m && !cued(i)) m = null;
    if (!m && ADDRESS_CUE.test(textBefore(text, i, 60, true))) {
      ANY_CASE.lastIndex = i;
      m = ANY_CASE.exec(text);
    }
    if (m) {
      const value = m[0].replace(/[\s,]+$/, "");
      if (!PUBLIC_ADDRESSES.test(value)) out.push({ type: "street-address", start: i, end: i + value.length, value, confidence: 0.8 });
      i += value.length - 1;
      continue;
    }
    while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  }
  for (const re of [GERMAN, PO_BOX]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (out.some((o) => m!.index < o.end && m!.index + m![0].length > o.start)) continue;
      if (!cued(m.index)) continue;
      out.push({ type: "street-address", start: m.index, end: m.index + m[0].length, value: m[0], confidence: 0.8 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The line before the one holding `at`, lower-cased ("Address:\n42 Willow Lane"). */
function previousLine(text: string, at: number): string {
  const start = lineStart(text, at, 200) - 1;
  if (start <= 0 || text[start] !== "\n") return "";
  const line = text.slice(lineStart(text, start, 120), start).toLowerCase();
  return /[:,]\s*$/.test(line) ? line : "";
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
