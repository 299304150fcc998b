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

let lexicon: Map<string, LexiconClass> | undefined;

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
export function nameLexicon(): Map<string, LexiconClass> | undefined {
  if (lexicon) return lexicon;
  const data = readLexiconFile();
  if (!data) return undefined;
  const map = new Map<string, LexiconClass>();
  for (const w of data.common) map.set(w, "common");
  for (const w of data.last) map.set(w, "last");
  for (const w of data.first) map.set(w, "first");
  lexicon = map;
  return map;
}
