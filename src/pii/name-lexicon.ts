/**
 * Word classes for the person-name detector (first name, last name, other known word), from
 * data/name-lexicon.json, which scripts/gen-name-lexicon.mjs extracts from compromise's lexicon. Reading the
 * file takes a few milliseconds; loading compromise itself takes ~0.3 s, too much for every commit.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type LexiconClass = "first" | "last" | "common";

interface LexiconFile {
  source: string;
  first: string[];
  last: string[];
  common: string[];
}

/** What the detector asks of the word classes: one lookup by lower-case word. */
export interface LexiconLookup {
  get(word: string): LexiconClass | undefined;
}

let lexicon: LexiconLookup | undefined;

/** Finds the data file from src/pii/ (tests) and from dist/chunks/ (the bundle). */
function lexiconPath(): string | undefined {
  for (const rel of ["../../data/name-lexicon.json", "../../../data/name-lexicon.json", "../data/name-lexicon.json"]) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

export function readLexiconFile(): LexiconFile | undefined {
  const file = lexiconPath();
  return file ? (JSON.parse(readFileSync(file, "utf8")) as LexiconFile) : undefined;
}

/** The word classes, or undefined when the data file is missing (callers then fall back to compromise). */
export function nameLexicon(): LexiconLookup | undefined {
  if (lexicon) return lexicon;
  const data = readLexiconFile();
  if (!data) return undefined;
  // The generator writes each list sorted: binary search answers lookups without first filling a 24,000-entry
  // map, which costs more than reading the file. A list that is not sorted gets the map.
  if (isSorted(data.first) && isSorted(data.last) && isSorted(data.common)) {
    lexicon = new SortedLexicon(data.first, data.last, data.common);
    return lexicon;
  }
  const map = new Map<string, LexiconClass>();
  for (const w of data.common) map.set(w, "common");
  for (const w of data.last) map.set(w, "last");
  for (const w of data.first) map.set(w, "first");
  lexicon = map;
  return map;
}

function isSorted(words: readonly string[]): boolean {
  for (let i = 1; i < words.length; i++) if (words[i - 1]! > words[i]!) return false;
  return true;
}

/** Lookups by binary search; a word in several lists gets the class the map would give it: first, else last, else common. */
class SortedLexicon implements LexiconLookup {
  constructor(
    private readonly first: readonly string[],
    private readonly last: readonly string[],
    private readonly common: readonly string[],
  ) {}

  get(word: string): LexiconClass | undefined {
    if (contains(this.first, word)) return "first";
    if (contains(this.last, word)) return "last";
    if (contains(this.common, word)) return "common";
    return undefined;
  }
}

/** Binary search in a list sorted by UTF-16 code units (the order of `Array.prototype.sort` and of `<`). */
function contains(words: readonly string[], word: string): boolean {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const w = words[mid]!;
    if (w === word) return true;
    if (w < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
