/**
 * Word classes for the person-name detector (first name, surname, other known word), from data/name-lexicon.txt,
 * which scripts/gen-name-lexicon.mjs builds (sources in scripts/name-lexicon-sources.mjs).
 *
 * The file is four sorted blocks of lower-case words, one per line, each after a `#first` / `#last` / `#namelike` /
 * `#common` header line. Lookups binary-search the file's text where it lies: nothing is parsed, split or indexed at load
 * time, so the ~50,000 words cost one file read (a JSON array of them took ~20 ms to parse, more than a whole
 * small commit's linting).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `namelike`: an everyday word that is also a given name or surname ("Will", "Rose", "Burns"). */
export type LexiconClass = "first" | "last" | "namelike" | "common";

export interface LexiconFile {
  source: string;
  first: string[];
  last: string[];
  namelike: string[];
  common: string[];
}

/** What the detector asks of the word classes: one lookup by lower-case word. */
export interface LexiconLookup {
  get(word: string): LexiconClass | undefined;
}

const CLASSES: readonly LexiconClass[] = ["first", "last", "namelike", "common"];

let lexicon: LexiconLookup | undefined;

/** Finds the data file from src/pii/ (tests) and from dist/chunks/ (the bundle). */
function lexiconPath(): string | undefined {
  for (const rel of ["../../data/name-lexicon.txt", "../../../data/name-lexicon.txt", "../data/name-lexicon.txt"]) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The file's text in the generator's layout: a `#source` line, then each class's header and sorted words. */
export function formatLexiconFile(data: LexiconFile): string {
  return `#source ${data.source}\n${CLASSES.map((c) => `#${c}\n${data[c].join("\n")}\n`).join("")}`;
}

/** The whole file as lists (for tests and tools; lookups never build these). */
export function readLexiconFile(): LexiconFile | undefined {
  const file = lexiconPath();
  if (!file) return undefined;
  const text = readFileSync(file, "utf8");
  const out: LexiconFile = { source: "", first: [], last: [], namelike: [], common: [] };
  let current: string[] | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith("#source ")) out.source = line.slice(8);
    else if (line.startsWith("#")) current = out[line.slice(1) as LexiconClass];
    else if (line !== "" && current) current.push(line);
  }
  return out;
}

/** The word classes, or undefined when the data file is missing (callers then fall back to compromise). */
export function nameLexicon(): LexiconLookup | undefined {
  if (lexicon) return lexicon;
  const file = lexiconPath();
  if (!file) return undefined;
  lexicon = new TextLexicon(readFileSync(file, "utf8"));
  return lexicon;
}

/** A word in several blocks gets the first of: first, last, namelike, common. */
class TextLexicon implements LexiconLookup {
  /** [start, end) of each block's words: from the first word's first character to just after the last word's line break. */
  private readonly blocks: [number, number][] = [];

  constructor(private readonly text: string) {
    for (let c = 0; c < CLASSES.length; c++) {
      const header = `#${CLASSES[c]}\n`;
      const at = text.indexOf(header);
      const start = at === -1 ? 0 : at + header.length;
      const next = at === -1 ? -1 : text.indexOf("\n#", start - 1);
      this.blocks.push(at === -1 ? [0, 0] : [start, next === -1 ? text.length : next + 1]);
    }
  }

  get(word: string): LexiconClass | undefined {
    if (word === "" || word.includes("\n")) return undefined;
    for (let c = 0; c < CLASSES.length; c++) {
      const [start, end] = this.blocks[c]!;
      if (containsLine(this.text, start, end, word)) return CLASSES[c];
    }
    return undefined;
  }
}

/**
 * Binary search for `word` among the lines of text[lo, hi), each ending with "\n", sorted by UTF-16 code units
 * (the order of `Array.prototype.sort`). Each probe finds the line around a middle offset.
 */
function containsLine(text: string, lo: number, hi: number, word: string): boolean {
  while (lo < hi) {
    // Manual scans: String#lastIndexOf/indexOf from an offset were several times slower here on a long text.
    let a = (lo + hi) >>> 1;
    while (a > lo && text.charCodeAt(a - 1) !== 10) a--;
    let b = a;
    while (b < hi - 1 && text.charCodeAt(b) !== 10) b++;
    const cmp = compareRegion(text, a, b, word);
    if (cmp === 0) return true;
    if (cmp < 0) lo = b + 1;
    else hi = a;
  }
  return false;
}

/** Compares text[a, b) with `word` by code units, without building a substring. */
function compareRegion(text: string, a: number, b: number, word: string): number {
  const n = Math.min(b - a, word.length);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(a + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return b - a - word.length;
}
